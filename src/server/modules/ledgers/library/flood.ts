// 防汛抗旱: reservoirs and their duty and reinforcement, evacuations, channel clearing.
import { boolean, choice, date, decimal, EVENT_DATE, integer, mobile, text, type BuiltinLedger } from './types.js';

export const FLOOD_LEDGERS: BuiltinLedger[] = [
  {
    key: 'reservoirs',
    name: '水库山塘名录及值守台账',
    kind: 'register',
    workLine: '防汛抗旱',
    description: '小（一）型、小（二）型水库和重点山塘一座一条：值守安排、除险加固情况。',
    fields: [
      text('name', '水库名称', { required: true }),
      choice('scale', '规模', ['小（一）型', '小（二）型', '重点山塘'], { required: true }),
      decimal('capacity', '总库容', '万立方米', 2),
      boolean('cliff', '高山挂壁水库'),
      integer('duty_hours', '汛期每日值守时长', '小时', { min: 0, max: 24 }),
      text('keeper', '值守人'),
      mobile('keeper_phone', '值守人电话'),
      choice('reinforcement', '除险加固', ['无需加固', '已完成', '在建', '计划实施'], { required: true }),
      date('reinforced_on', '除险加固完成日期', { when: { field: 'reinforcement', equals: '已完成' } }),
      integer('planned_year', '计划加固年度', '年', { when: { field: 'reinforcement', equals: ['在建', '计划实施'] }, min: 2020, max: 2030 }),
    ],
  },
  {
    key: 'evacuations',
    name: '群众转移避险台账',
    kind: 'register',
    workLine: '防汛抗旱',
    description: '汛期从地灾点、风险区转移群众，一次转移一条。',
    fields: [
      text('site', '地灾点/风险区名称', { required: true }),
      choice('risk', '风险类型', ['地质灾害隐患点', '山洪风险区', '水库下游', '危房'], { required: true }),
      date('moved_on', '转移日期', EVENT_DATE),
      integer('households', '转移户数', '户', { required: true }),
      integer('people', '转移人数', '人', { required: true }),
      choice('shelter', '安置方式', ['集中安置', '投亲靠友', '其他']),
    ],
  },
  {
    key: 'channel_clearing',
    name: '清淤砍青台账',
    kind: 'register',
    workLine: '防汛抗旱',
    description: '渠道、河段和水库周边清淤砍青，一段一条。',
    fields: [
      text('section', '渠道/河段', { required: true }),
      date('cleared_on', '完成日期', EVENT_DATE),
      decimal('length', '长度', 'km', 2, { required: true, max: 50 }),
      integer('workdays', '投入人工', '工日'),
    ],
  },
];
