// 乡村振兴: monitored households (防返贫监测), public-welfare posts, workshops, job fairs, consumption support,
// dividends and support units.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { eq, formula, indicator, records } from './types.js';

const MONITORED = { dateField: 'included_on', timing: 'stock' as const };

export const REVITALIZATION_INDICATORS: IndicatorDefinition[] = [
  indicator('monitored_households', '防返贫监测户', '户', records('monitored_households', 'count', MONITORED), {
    description: '期末前纳入监测范围的户（含已标注风险消除的）。',
  }),
  indicator('monitored_people', '防返贫监测对象人口', '人', records('monitored_households', 'sum', { field: 'family_size', ...MONITORED })),
  indicator('monitored_households_added', '新纳入监测户', '户', records('monitored_households', 'count', { dateField: 'included_on' })),
  indicator(
    'monitored_households_at_risk',
    '风险未消除监测户',
    '户',
    records('monitored_households', 'count', { ...MONITORED, statuses: ['monitoring'] }),
    { higherIsBetter: false },
  ),
  indicator(
    'monitoring_risk_removed_rate',
    '监测户风险消除率',
    '%',
    formula('percent(monitored_households - monitored_households_at_risk, monitored_households)'),
    { decimals: 1, workLine: '乡村振兴' },
  ),
  indicator(
    'public_welfare_posts',
    '公益性岗位',
    '个',
    records('public_welfare_posts', 'count', { dateField: 'started_on', timing: 'stock', filters: [eq('on_post', true)] }),
    { description: '期末在岗的公益性岗位。' },
  ),
  indicator('poverty_workshops', '扶贫车间', '个', records('poverty_workshops', 'count', { dateField: 'recognized_on', timing: 'stock' })),
  indicator(
    'workshop_poor_workers',
    '扶贫车间吸纳脱贫劳动力',
    '人',
    records('poverty_workshops', 'sum', { field: 'poor_workers', dateField: 'recognized_on', timing: 'stock' }),
  ),
  indicator(
    'workshop_avg_wage',
    '扶贫车间人均月工资',
    '元',
    records('poverty_workshops', 'avg', { field: 'avg_monthly_wage', weightField: 'poor_workers', dateField: 'recognized_on', timing: 'stock' }),
    { description: '各车间人均月工资按吸纳脱贫劳动力人数加权平均。' },
  ),
  indicator(
    'job_fair_poor_participants',
    '参加招聘活动的脱贫劳动力',
    '人',
    records('job_fairs', 'sum', { field: 'poor_participants', dateField: 'held_on' }),
  ),
  indicator('job_fairs_held', '专场招聘活动场次', '场', records('job_fairs', 'count', { dateField: 'held_on' })),
  indicator('consumption_support_amount', '消费扶贫金额', '元', records('consumption_support', 'sum', { field: 'amount', dateField: 'bought_on' }), {
    scale: 'wan',
    decimals: 1,
  }),
  indicator(
    'dividend_households',
    '享受产业项目分红户数',
    '户',
    records('industry_dividends', 'distinct', { field: 'head_id', dateField: 'paid_on' }),
  ),
  indicator('dividends_paid', '产业项目分红金额', '元', records('industry_dividends', 'sum', { field: 'amount', dateField: 'paid_on' }), {
    scale: 'wan',
    decimals: 1,
  }),
  indicator('support_units', '驻村后盾单位', '个', records('support_units', 'count', { dateField: 'since', timing: 'stock' })),
  indicator(
    'support_team_members',
    '驻村队员',
    '名',
    records('support_units', 'sum', { field: 'team_members', dateField: 'since', timing: 'stock' }),
  ),
];
