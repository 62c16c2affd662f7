// 疫情防控: daily doses (read for YESTERDAY, LAST_7_DAYS or a half year: the period is chosen when reading),
// the 60+ campaign against its target, inspections and persuasion actions.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { eq, formula, indicator, items, records } from './types.js';

const DAILY = 'vaccination_daily';
const action = (type: string) => records('enforcement_actions', 'count', { dateField: 'acted_on', filters: [eq('type', type)] });

export const EPIDEMIC_INDICATORS: IndicatorDefinition[] = [
  indicator('booster_doses_18_59', '18-59岁加强针接种剂次', '剂', items(DAILY, 'booster_18_59')),
  indicator('booster_doses_60', '60岁以上加强针接种剂次', '剂', items(DAILY, 'booster_60')),
  indicator('booster_doses', '加强针接种剂次', '剂', formula('booster_doses_18_59 + booster_doses_60'), {
    workLine: '疫情防控',
    description: '18-59岁和60岁以上加强针剂次之和；读“昨日”“近7日”即为每日通报的数。',
  }),
  indicator('first_doses_60', '60岁以上第一剂接种剂次', '剂', items(DAILY, 'first_60')),
  indicator('full_doses_60', '60岁以上全程接种剂次', '剂', items(DAILY, 'full_60')),
  indicator('first_doses_3_17', '3-17岁第一剂接种剂次', '剂', items(DAILY, 'first_3_17')),
  indicator('first_doses_18_59', '18-59岁第一剂接种剂次', '剂', items(DAILY, 'first_18_59')),
  indicator('first_doses_60_done', '60岁以上已接种第一剂人数', '人', items(DAILY, 'first_60', { timing: 'cumulative', since: '2021-01-01' }), {
    description: '自2021年起至期末累计接种第一剂的60岁以上人数。',
  }),
  indicator('full_doses_60_done', '60岁以上已全程接种人数', '人', items(DAILY, 'full_60', { timing: 'cumulative', since: '2021-01-01' })),
  indicator('vaccination_target_60', '60岁以上接种任务数', '人', items('vaccination_targets', 'target_60', { timing: 'stock' })),
  indicator('vaccination_60_completion', '60岁以上接种任务完成率', '%', formula('percent(first_doses_60_done, vaccination_target_60)'), {
    decimals: 1,
    workLine: '疫情防控',
    description: '累计接种第一剂的60岁以上人数占市里下达任务数的百分比。',
  }),
  indicator('booster_target', '加强针任务数', '人', items('vaccination_targets', 'target_booster', { timing: 'stock' })),
  indicator('epidemic_inspections', '集镇片区疫情防控督查次数', '次', action('疫情防控督查')),
  indicator('vaccination_persuasion_actions', '疫苗接种志愿劝导活动次数', '次', action('疫苗接种志愿劝导')),
  indicator(
    'vaccination_persuaded',
    '疫苗接种劝导人次',
    '人次',
    records('enforcement_actions', 'sum', { field: 'persuaded', dateField: 'acted_on', filters: [eq('type', '疫苗接种志愿劝导')] }),
  ),
];
