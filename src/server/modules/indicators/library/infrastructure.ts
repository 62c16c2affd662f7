// 基础建设: rural roads by the day they were completed. Reservoir reinforcement is in flood.ts.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { eq, indicator, records } from './types.js';

const road = (type: string) =>
  records('road_works', 'sum', { field: 'length', dateField: 'completed_on', filters: [eq('type', type), eq('stage', '完工')] });

export const INFRASTRUCTURE_INDICATORS: IndicatorDefinition[] = [
  indicator('roads_hardened', '道路硬化里程', '公里', road('硬化'), { decimals: 1 }),
  indicator('roads_upgraded', '道路提质改造里程', '公里', road('提质改造'), { decimals: 1 }),
  indicator(
    'roads_asphalt_under_construction',
    '在建沥青公路里程',
    '公里',
    records('road_works', 'sum', { field: 'length', filters: [eq('type', '沥青路面'), eq('stage', '在建')] }),
    { decimals: 1, description: '台账中目前在建的沥青路面工程长度。' },
  ),
  indicator(
    'road_investment',
    '道路建设投资',
    '万元',
    records('road_works', 'sum', { field: 'investment', dateField: 'completed_on', filters: [eq('stage', '完工')] }),
    { decimals: 0 },
  ),
];
