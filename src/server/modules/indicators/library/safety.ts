// 安全生产: self-built house inspection, hazards and their rectification, enforcement actions.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { eq, formula, indicator, OPEN, records, RECTIFIED } from './types.js';

const action = (type: string) => records('enforcement_actions', 'count', { dateField: 'acted_on', filters: [eq('type', type)] });
const TRAFFIC = [eq('type', '交通安全集中执法')];

export const SAFETY_INDICATORS: IndicatorDefinition[] = [
  indicator('houses_inspected', '自建房排查栋数', '栋', records('self_built_houses', 'count', { dateField: 'inspected_on' })),
  indicator(
    'houses_with_hazards',
    '排查发现存在隐患的自建房',
    '栋',
    records('self_built_houses', 'count', { dateField: 'inspected_on', filters: [eq('needs_fix', true)] }),
    { higherIsBetter: false },
  ),
  indicator(
    'houses_suspected_dangerous',
    '初判危房栋数',
    '栋',
    records('self_built_houses', 'count', { dateField: 'inspected_on', filters: [eq('conclusion', '初判危房')] }),
    { higherIsBetter: false },
  ),
  indicator('house_inspection_coverage', '自建房排查覆盖率', '%', formula('percent(houses_inspected, households)'), {
    decimals: 1,
    workLine: '安全生产',
    description: '排查栋数与户籍户数之比（一户一栋的近似口径）。',
  }),

  indicator('hazards_found', '排查安全隐患', '处', records('safety_hazards', 'count', { dateField: 'found_on' })),
  indicator('hazards_rectified', '已整改安全隐患', '处', records('safety_hazards', 'count', { dateField: 'found_on', statuses: RECTIFIED }), {
    description: '期间内发现、现已整改或销号的隐患。',
  }),
  indicator('hazard_rectification_rate', '安全隐患整改率', '%', formula('percent(hazards_rectified, hazards_found)'), {
    decimals: 1,
    workLine: '安全生产',
  }),
  indicator('hazards_open', '未整改安全隐患', '处', records('safety_hazards', 'count', { dateField: 'found_on', timing: 'stock', statuses: OPEN }), {
    higherIsBetter: false,
    description: '期末前发现、目前仍待整改或整改中的隐患。',
  }),
  indicator(
    'major_hazards_open',
    '未整改重大隐患',
    '处',
    records('safety_hazards', 'count', { dateField: 'found_on', timing: 'stock', statuses: OPEN, filters: [eq('level', '重大隐患')] }),
    { higherIsBetter: false },
  ),
  indicator(
    'school_bus_hazards',
    '校园校车安全隐患',
    '处',
    records('safety_hazards', 'count', { dateField: 'found_on', filters: [eq('category', '校园校车')] }),
    { description: '期间内排查出的校园及校车安全隐患（排查整改数）。' },
  ),
  indicator(
    'reservoir_hazards_rectified',
    '水库山塘风险隐患整治数',
    '处',
    records('safety_hazards', 'count', { dateField: 'rectified_on', statuses: RECTIFIED, filters: [eq('category', '水库山塘')] }),
    { description: '期间内完成整改的水库山塘类隐患。' },
  ),

  indicator('traffic_enforcement_actions', '交通安全集中执法行动', '次', action('交通安全集中执法')),
  indicator(
    'traffic_detained',
    '交通安全集中执法拘留人数',
    '人',
    records('enforcement_actions', 'sum', { field: 'detained', dateField: 'acted_on', filters: TRAFFIC }),
  ),
  indicator(
    'vehicles_seized',
    '扣押摩托车电动车',
    '台',
    records('enforcement_actions', 'sum', { field: 'vehicles_seized', dateField: 'acted_on', filters: TRAFFIC }),
  ),
  indicator('fireworks_patrols', '烟花爆竹打非禁燃巡查行动', '次', action('烟花爆竹打非禁燃巡查')),
  indicator(
    'fireworks_seizure_lists',
    '烟花爆竹收缴清单',
    '份',
    records('enforcement_actions', 'sum', { field: 'seizure_lists', dateField: 'acted_on', filters: [eq('type', '烟花爆竹打非禁燃巡查')] }),
  ),
  indicator('demolition_actions', '控违拆违集中行动', '次', action('控违拆违集中行动')),
  indicator(
    'enforcement_staff_deployed',
    '专项行动出动人次',
    '人次',
    records('enforcement_actions', 'sum', { field: 'staff', dateField: 'acted_on' }),
  ),
];
