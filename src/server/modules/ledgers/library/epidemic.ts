// 疫情防控: daily vaccination doses per village by age group, and each village's targets.
import { integer, text, type BuiltinLedger } from './types.js';

export const EPIDEMIC_LEDGERS: BuiltinLedger[] = [
  {
    key: 'vaccination_daily',
    name: '新冠疫苗接种日报',
    kind: 'periodic',
    periodType: 'day',
    workLine: '疫情防控',
    description: '各村每日接种剂次，按年龄段和剂次分列；“昨日”“近七日”通报由此生成。',
    fields: [
      integer('first_3_17', '3-17岁第一剂', '剂'),
      integer('first_18_59', '18-59岁第一剂', '剂'),
      integer('first_60', '60岁以上第一剂', '剂'),
      integer('full_60', '60岁以上全程接种', '剂'),
      integer('booster_18_59', '18-59岁加强针', '剂'),
      integer('booster_60', '60岁以上加强针', '剂'),
      text('remark', '备注'),
    ],
  },
  {
    key: 'vaccination_targets',
    name: '疫苗接种任务数',
    kind: 'periodic',
    periodType: 'half',
    workLine: '疫情防控',
    description: '市里下达到各村的接种任务数（人）。',
    fields: [integer('target_60', '60岁以上接种任务数', '人'), integer('target_booster', '加强针任务数', '人')],
  },
];
