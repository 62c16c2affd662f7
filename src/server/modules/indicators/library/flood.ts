// 防汛抗旱: the reservoir directory (a stock, read as it stands), reinforcement, evacuations, channel clearing.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { eq, indicator, oneOf, records } from './types.js';

const SMALL = [oneOf('scale', ['小（一）型', '小（二）型'])];

export const FLOOD_INDICATORS: IndicatorDefinition[] = [
  indicator('small_reservoirs', '小I、II型水库', '处', records('reservoirs', 'count', { filters: SMALL }), {
    description: '名录中的小（一）型和小（二）型水库，按名录现状统计。',
  }),
  indicator('reservoirs_and_ponds', '水库山塘', '处', records('reservoirs', 'count')),
  indicator('reservoir_duty_hours', '水库汛期每日值守时长', '小时', records('reservoirs', 'max', { field: 'duty_hours', filters: SMALL })),
  indicator(
    'reservoirs_reinforced',
    '完成除险加固水库',
    '座',
    records('reservoirs', 'count', { dateField: 'reinforced_on', filters: [eq('reinforcement', '已完成')] }),
  ),
  indicator(
    'reservoirs_reinforcement_planned',
    '计划除险加固水库',
    '座',
    records('reservoirs', 'count', { filters: [oneOf('reinforcement', ['在建', '计划实施'])] }),
    { description: '名录中除险加固在建或计划实施的水库山塘。' },
  ),
  indicator('evacuated_households', '转移避险群众户数', '户', records('evacuations', 'sum', { field: 'households', dateField: 'moved_on' })),
  indicator('evacuated_people', '转移避险群众人数', '人', records('evacuations', 'sum', { field: 'people', dateField: 'moved_on' })),
  indicator('channel_cleared_length', '清淤砍青长度', '公里', records('channel_clearing', 'sum', { field: 'length', dateField: 'cleared_on' }), {
    decimals: 1,
  }),
];
