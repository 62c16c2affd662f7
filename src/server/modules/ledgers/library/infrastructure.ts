// 基础建设: roads (hardening, upgrading, asphalt). Reservoir reinforcement is in the reservoirs ledger (flood.ts).
import { choice, date, decimal, EVENT_DATE, text, type BuiltinLedger } from './types.js';

export const INFRASTRUCTURE_LEDGERS: BuiltinLedger[] = [
  {
    key: 'road_works',
    name: '农村道路建设台账',
    kind: 'register',
    workLine: '产业发展',
    description: '道路硬化、提质改造和沥青路面工程，一段一条；按完工日期统计里程。',
    fields: [
      text('name', '道路名称', { required: true }),
      choice('type', '建设类型', ['硬化', '提质改造', '沥青路面'], { required: true }),
      decimal('length', '长度', 'km', 2, { required: true, max: 50 }),
      decimal('width', '路面宽度', '米', 1),
      decimal('investment', '投资', '万元', 2),
      choice('stage', '建设状态', ['计划', '在建', '完工'], { required: true }),
      date('started_on', '开工日期', EVENT_DATE),
      date('completed_on', '完工日期', { when: { field: 'stage', equals: '完工' } }),
    ],
  },
];
