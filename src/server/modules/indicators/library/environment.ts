// 生态环保 and 人居环境: planting, garbage and sewage facilities, environment problems, beautiful hamlets,
// toilet and dilapidated-house renovation, illegal buildings, tomb remediation.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { eq, formula, indicator, OPEN, oneOf, records, RECTIFIED } from './types.js';

const SEWAGE_BUILT = { dateField: 'completed_on', filters: [eq('stage', '建成')] };
const tombs = (...filters: ReturnType<typeof eq>[]) => records('tombs', 'count', { dateField: 'done_on', filters });

export const ENVIRONMENT_INDICATORS: IndicatorDefinition[] = [
  indicator('trees_planted', '经济林种植株数', '株', records('forest_planting', 'sum', { field: 'trees', dateField: 'planted_on' }), {
    scale: 'wan',
    decimals: 1,
  }),
  indicator('forest_planted_area', '造林及经济林种植面积', '亩', records('forest_planting', 'sum', { field: 'area', dateField: 'planted_on' }), {
    decimals: 0,
  }),
  indicator(
    'camellia_planted_area',
    '油茶种植面积',
    '亩',
    records('forest_planting', 'sum', { field: 'area', dateField: 'planted_on', filters: [eq('species', '油茶')] }),
    { decimals: 0 },
  ),

  indicator(
    'garbage_stations_built',
    '新增垃圾中转站',
    '个',
    records('garbage_facilities', 'count', { dateField: 'built_on', filters: [eq('type', '垃圾中转站')] }),
  ),
  indicator(
    'garbage_points_added',
    '新增垃圾投放点',
    '个',
    records('garbage_facilities', 'count', { dateField: 'built_on', filters: [eq('type', '垃圾投放点')] }),
  ),
  indicator(
    'garbage_facilities_broken',
    '待维修垃圾收运设施',
    '处',
    records('garbage_facilities', 'count', { dateField: 'built_on', timing: 'stock', filters: [eq('state', '待维修')] }),
    { higherIsBetter: false },
  ),
  indicator(
    'illegal_dumps_cleared',
    '整治违规垃圾点',
    '处',
    records('env_problems', 'count', { dateField: 'fixed_on', statuses: RECTIFIED, filters: [eq('type', '违规垃圾点')] }),
    { description: '期间内整治完成（已整治或已销号）的违规垃圾点。' },
  ),
  indicator(
    'env_problems_open',
    '未整治人居环境问题',
    '处',
    records('env_problems', 'count', { dateField: 'found_on', timing: 'stock', statuses: OPEN }),
    { higherIsBetter: false },
  ),

  indicator('sewage_pipe_length', '新敷设污水管网', '公里', records('sewage_facilities', 'sum', { field: 'pipe_length', ...SEWAGE_BUILT }), {
    decimals: 1,
  }),
  indicator('sewage_capacity', '新增污水日处理能力', '立方米/日', records('sewage_facilities', 'sum', { field: 'capacity', ...SEWAGE_BUILT })),
  indicator('sewage_people_served', '污水处理新增覆盖人口', '人', records('sewage_facilities', 'sum', { field: 'people_served', ...SEWAGE_BUILT }), {
    scale: 'wan',
    decimals: 2,
  }),

  indicator(
    'beautiful_hamlets_planned',
    '计划打造秀美屋场',
    '个',
    records('beautiful_hamlets', 'count', { filters: [oneOf('stage', ['计划', '在建'])] }),
    { description: '台账中计划或在建、尚未建成的秀美屋场。' },
  ),
  indicator('beautiful_hamlets_built', '建成秀美屋场', '个', records('beautiful_hamlets', 'count', { filters: [eq('stage', '建成')] })),

  indicator('toilets_renovated', '完成农村改厕', '户', records('toilet_renovation', 'count', { dateField: 'done_on' })),
  indicator('toilet_renovation_completion', '改厕任务完成率', '%', formula('percent(toilets_renovated, target(toilets_renovated))'), {
    decimals: 1,
    workLine: '人居环境',
  }),
  indicator('toilets_accepted', '改厕已验收', '户', records('toilet_renovation', 'count', { dateField: 'done_on', filters: [eq('accepted', true)] })),
  indicator('dilapidated_houses_renovated', '完成危房改造', '户', records('dilapidated_houses', 'count', { dateField: 'done_on' })),
  indicator(
    'dilapidated_house_subsidies',
    '危房改造补助资金',
    '元',
    records('dilapidated_houses', 'sum', { field: 'subsidy', dateField: 'done_on' }),
    { scale: 'wan', decimals: 1 },
  ),

  indicator(
    'existing_illegal_buildings_demolished',
    '拆除存量违法建筑',
    '栋',
    records('illegal_buildings', 'count', { dateField: 'demolished_on', filters: [eq('type', '存量违法建筑')] }),
  ),
  indicator(
    'new_illegal_buildings_demolished',
    '拆除新增违章建筑',
    '起',
    records('illegal_buildings', 'count', { dateField: 'demolished_on', filters: [eq('type', '新增违章建筑')] }),
  ),
  indicator(
    'illegal_building_area_demolished',
    '违法建筑拆除面积',
    '平方米',
    records('illegal_buildings', 'sum', { field: 'area', dateField: 'demolished_on' }),
  ),

  indicator('living_tombs_removed', '拆除活人墓（已验收）', '座', tombs(eq('type', '活人墓'), eq('accepted', true))),
  indicator('buried_tombs_relocated', '迁移已葬墓', '座', tombs(eq('type', '已葬墓'), eq('method', '迁移'))),
  indicator('buried_tombs_demolished', '拆除已葬墓', '座', tombs(eq('type', '已葬墓'), eq('method', '拆除'))),
  indicator('buried_tombs_remediated', '整治已葬墓', '座', tombs(eq('type', '已葬墓'))),
  indicator('tombs_regreened', '违规墓地复垦复绿', '座', tombs(eq('regreened', true))),
];
