// 产业发展: land transfer, early rice, greenhouse crops, industry projects, visits to enterprises; and the
// village basics (户数, 人口, 计税面积) that ratios divide by.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { eq, formula, indicator, items, records } from './types.js';

const LAND = 'land_transfer';
const PEPPER = [eq('crop', '大红椒'), eq('greenhouse', true)];

export const INDUSTRY_INDICATORS: IndicatorDefinition[] = [
  indicator('land_transferred', '土地流转面积', '亩', records(LAND, 'sum', { field: 'area', dateField: 'signed_on' }), {
    decimals: 1,
    description: '期间内签订的土地流转合同面积之和（耕地和林地）。',
  }),
  indicator(
    'land_transferred_cultivated',
    '耕地流转面积',
    '亩',
    records(LAND, 'sum', { field: 'area', dateField: 'signed_on', filters: [eq('land_type', '耕地')] }),
    { decimals: 1 },
  ),
  indicator(
    'land_transferred_forest',
    '林地流转面积',
    '亩',
    records(LAND, 'sum', { field: 'area', dateField: 'signed_on', filters: [eq('land_type', '林地')] }),
    { decimals: 1 },
  ),
  indicator('land_transfer_contracts', '土地流转合同份数', '份', records(LAND, 'count', { dateField: 'signed_on' })),
  indicator('land_transferred_taxable_share', '耕地流转面积占计税总面积比例', '%', formula('percent(land_transferred_cultivated, taxable_area)'), {
    decimals: 1,
    workLine: '产业发展',
    description: '期间内流转的耕地面积占各村计税总面积（村情基础数据）的百分比。',
  }),
  indicator('land_transferred_yoy_increase', '土地流转面积同比增加', '亩', formula('diff(land_transferred, last_year(land_transferred))'), {
    decimals: 1,
    workLine: '产业发展',
    description: '流转面积比上年同期增加的亩数。',
  }),
  indicator('land_transferred_growth', '土地流转面积同比增幅', '%', formula('growth(land_transferred, last_year(land_transferred))'), {
    decimals: 1,
    workLine: '产业发展',
  }),
  indicator('land_transfer_completion', '土地流转任务完成率', '%', formula('percent(land_transferred, target(land_transferred))'), {
    decimals: 1,
    workLine: '产业发展',
    description: '流转面积占镇里下达的流转任务（目标值）的百分比；没有目标的单位为空。',
  }),
  indicator(
    'land_transferred_to_yuchi_shanju',
    '流转给玉池山居的土地面积',
    '亩',
    records(LAND, 'sum', { field: 'area', dateField: 'signed_on', filters: [eq('transferee', '玉池山居旅游发展有限公司')] }),
    { decimals: 1, description: '石牛冲项目：流入方为玉池山居旅游发展有限公司的流转面积。' },
  ),

  indicator('early_rice_seedling_area', '早稻集中育秧面积', '亩', items('early_rice', 'seedling_area'), { decimals: 1 }),
  indicator('early_rice_sown_area', '早稻种植面积', '亩', items('early_rice', 'sown_area'), { decimals: 1 }),
  indicator('early_rice_sown_growth', '早稻种植面积同比增幅', '%', formula('growth(early_rice_sown_area, last_year(early_rice_sown_area))'), {
    decimals: 1,
    workLine: '产业发展',
  }),

  indicator(
    'greenhouse_seedling_area',
    '大棚集中育秧面积',
    '亩',
    records('crop_planting', 'sum', { field: 'area', dateField: 'planted_on', filters: [eq('crop', '早稻育秧'), eq('greenhouse', true)] }),
    { decimals: 0, description: '“万平大棚计划”等大棚内的早稻集中育秧面积。' },
  ),
  indicator(
    'greenhouse_pepper_area',
    '大棚大红椒种植面积',
    '亩',
    records('crop_planting', 'sum', { field: 'area', dateField: 'planted_on', filters: PEPPER }),
    { decimals: 0 },
  ),
  indicator(
    'pepper_yield_min',
    '大红椒预计亩产（最低）',
    '斤',
    records('crop_planting', 'min', { field: 'yield_per_mu', dateField: 'planted_on', filters: PEPPER }),
  ),
  indicator(
    'pepper_yield_max',
    '大红椒预计亩产（最高）',
    '斤',
    records('crop_planting', 'max', { field: 'yield_per_mu', dateField: 'planted_on', filters: PEPPER }),
  ),
  indicator('pepper_yield_min_qianjin', '大红椒预计亩产下限（千斤）', '千斤', formula('pepper_yield_min / 1000'), {
    decimals: 0,
    workLine: '产业发展',
  }),
  indicator('pepper_yield_max_qianjin', '大红椒预计亩产上限（千斤）', '千斤', formula('pepper_yield_max / 1000'), {
    decimals: 0,
    workLine: '产业发展',
  }),
  indicator(
    'pepper_price_avg',
    '大红椒预计平均单价',
    '元/斤',
    records('crop_planting', 'avg', { field: 'price', weightField: 'area', dateField: 'planted_on', filters: PEPPER }),
    { decimals: 1, description: '各大棚大红椒种植记录预计每斤单价，按种植面积加权平均。' },
  ),
  indicator(
    'pepper_expected_income',
    '大红椒预计经济效益',
    '万元',
    records('crop_planting', 'sum', { field: 'expected_income', dateField: 'planted_on', filters: PEPPER }),
    { decimals: 0 },
  ),

  indicator(
    'building_materials_talks',
    '绿色建材洽谈企业',
    '家',
    records('industry_projects', 'count', { dateField: 'signed_on', timing: 'stock', filters: [eq('category', '绿色建材'), eq('stage', '洽谈')] }),
    { description: '期末仍处于洽谈阶段的绿色建材产业园项目（企业）数。' },
  ),
  indicator(
    'commerce_projects_started',
    '商贸服务项目开工数',
    '家',
    records('industry_projects', 'count', { dateField: 'started_on', filters: [eq('category', '商贸服务')] }),
    { description: '期间内开工的商贸服务类项目（如加油站）。' },
  ),
  indicator('industry_projects_started', '产业项目开工数', '个', records('industry_projects', 'count', { dateField: 'started_on' })),
  indicator(
    'industry_investment_planned',
    '签约产业项目计划总投资',
    '万元',
    records('industry_projects', 'sum', {
      field: 'planned_investment',
      dateField: 'signed_on',
      filters: [{ field: 'stage', op: 'ne', value: '洽谈' }],
    }),
    { decimals: 0 },
  ),

  indicator(
    'large_enterprises_visited',
    '走访大型企业数',
    '家',
    records('enterprise_visits', 'distinct', { field: 'enterprise', dateField: 'visited_on', filters: [eq('scale', '大型')] }),
    { description: '期间内干部走访过的大型企业（按企业名称去重）。' },
  ),
  indicator('enterprise_visits', '干部联企走访次数', '次', records('enterprise_visits', 'count', { dateField: 'visited_on' })),
  indicator(
    'enterprise_problems_unsolved',
    '企业反映困难未解决数',
    '个',
    records('enterprise_visits', 'count', {
      dateField: 'visited_on',
      filters: [{ field: 'problem_type', op: 'ne', value: '无' }, eq('solved', false)],
    }),
    { higherIsBetter: false },
  ),

  indicator('households', '户籍户数', '户', items('village_basics', 'households', { timing: 'stock' })),
  indicator('population', '户籍人口', '人', items('village_basics', 'population', { timing: 'stock' })),
  indicator('population_60', '60岁以上人口', '人', items('village_basics', 'population_60', { timing: 'stock' })),
  indicator('taxable_area', '计税总面积', '亩', items('village_basics', 'taxable_area', { timing: 'stock' }), { decimals: 1 }),
  indicator('farmland_area', '耕地面积', '亩', items('village_basics', 'farmland_area', { timing: 'stock' }), { decimals: 1 }),
];
