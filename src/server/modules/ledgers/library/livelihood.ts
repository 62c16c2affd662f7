// 民生保障: household checks, social assistance, social insurance figures, fund recovery, labour and
// entrepreneurship support.
import { choice, date, decimal, EVENT_DATE, idcard, integer, mobile, text, type BuiltinLedger } from './types.js';

export const LIVELIHOOD_LEDGERS: BuiltinLedger[] = [
  {
    key: 'household_checks', name: '低保及监测户入户核查台账', kind: 'register', workLine: '民生保障',
    description: '低保户、监测户、低保申请户入户调查和家庭收入核算，一户一次一条。',
    fields: [
      text('head', '户主姓名', { required: true }),
      idcard('head_id', '户主身份证号码', { required: true }),
      choice('type', '户类型', ['低保户', '防返贫监测户', '低保申请户'], { required: true }),
      integer('family_size', '家庭人口', '人', { required: true, min: 1, max: 20 }),
      integer('annual_income', '家庭年收入', '元', { required: true }),
      date('checked_on', '核查日期', EVENT_DATE),
      choice('result', '核查结论', ['符合条件', '不符合条件', '需复核'], { required: true }),
      text('checker', '核查人'),
    ],
  },
  {
    key: 'social_assistance', name: '社会救助发放台账', kind: 'register', workLine: '民生保障',
    description: '低保金、特困供养金、临时救助等发放，一名救助对象一次发放一条。',
    fields: [
      text('name', '救助对象', { required: true }),
      idcard('person_id', '身份证号码', { required: true }),
      choice('type', '救助类型', ['城乡低保', '特困供养', '临时救助', '残疾人两项补贴', '医疗救助'], { required: true }),
      integer('covered', '保障人数', '人', { min: 1, max: 20 }),
      decimal('amount', '发放金额', '元', 2, { required: true }),
      date('paid_on', '发放日期', EVENT_DATE),
    ],
  },
  {
    key: 'social_insurance', name: '社保医保经办月报', kind: 'periodic', periodType: 'month', workLine: '民生保障',
    description: '各村每月完成的城乡居民养老保险缴费、生存认证、合作医疗缴费、困难群体免缴退费和医疗救助人数。',
    fields: [
      integer('pension_paid', '城乡居民养老保险缴费', '人'),
      integer('survival_checks', '养老保险生存认证', '人'),
      integer('medical_paid', '城乡居民合作医疗缴费', '人'),
      integer('medical_refunds', '困难群体医保全半免缴费退费', '人'),
      integer('medical_aid_remote', '异地就医困难群体医疗救助', '人'),
    ],
  },
  {
    key: 'social_fund_recovery', name: '社保基金追缴台账', kind: 'register', workLine: '民生保障',
    description: '死亡多领冒领、企保居保重复领取、异地参保重复领取的追缴，一人一条。',
    fields: [
      text('name', '姓名', { required: true }),
      idcard('person_id', '身份证号码', { required: true }),
      choice('reason', '追缴类型', ['死亡多领冒领', '企保居保重复领取', '异地参保重复领取'], { required: true }),
      decimal('amount', '追缴金额', '元', 2, { required: true }),
      date('recovered_on', '追缴日期', EVENT_DATE),
    ],
  },
  {
    key: 'labor_survey', name: '劳动力资源摸排', kind: 'periodic', periodType: 'half', workLine: '民生保障',
    description: '充分就业村创建：各村每半年摸排劳动力资源和就业、培训意愿。',
    fields: [
      integer('labor_force', '劳动力资源', '人'),
      integer('employed', '已就业', '人'),
      integer('want_job', '有就业意愿', '人'),
      integer('want_training', '有培训意愿', '人'),
    ],
  },
  {
    key: 'entrepreneurship_support', name: '创业扶持台账', kind: 'register', workLine: '民生保障',
    description: '“五类人员”创业补贴和小微企业创业担保贴息贷款，一户一条。',
    fields: [
      text('applicant', '申请人', { required: true }),
      idcard('applicant_id', '身份证号码', { required: true }),
      mobile('phone', '联系电话'),
      choice('type', '扶持类型', ['五类人员创业补贴', '小微企业创业贴息贷款'], { required: true }),
      text('business', '创业项目'),
      decimal('amount', '金额', '元', 2, { required: true }),
      date('approved_on', '批准日期', EVENT_DATE),
    ],
  },
];
