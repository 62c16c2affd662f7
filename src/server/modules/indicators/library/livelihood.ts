// 民生保障: household checks, social assistance, social and medical insurance figures, fund recovery, labour
// survey and entrepreneurship support.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { eq, formula, indicator, items, records } from './types.js';

const INSURANCE = 'social_insurance';
const support = (type: string) => records('entrepreneurship_support', 'count', { dateField: 'approved_on', filters: [eq('type', type)] });

export const LIVELIHOOD_INDICATORS: IndicatorDefinition[] = [
  indicator('households_checked', '入户核查户数', '户', records('household_checks', 'distinct', { field: 'head_id', dateField: 'checked_on' }), {
    description: '期间内入户核查的低保户、监测户和低保申请户（按户主身份证去重）。',
  }),
  indicator('household_check_people', '入户核查人口', '人', records('household_checks', 'sum', { field: 'family_size', dateField: 'checked_on' })),
  indicator('assistance_recipients', '社会救助人数', '人', records('social_assistance', 'distinct', { field: 'person_id', dateField: 'paid_on' })),
  indicator('assistance_paid', '社会救助发放金额', '元', records('social_assistance', 'sum', { field: 'amount', dateField: 'paid_on' }), {
    scale: 'wan',
    decimals: 1,
  }),
  indicator('pension_contributors', '城乡居民养老保险缴费人数', '人', items(INSURANCE, 'pension_paid')),
  indicator('survival_checks', '养老保险生存认证人数', '人', items(INSURANCE, 'survival_checks')),
  indicator('medical_insurance_paid', '城乡居民合作医疗缴费人数', '人', items(INSURANCE, 'medical_paid')),
  indicator('medical_refunds', '困难群体医保全半免缴费退费人数', '人', items(INSURANCE, 'medical_refunds')),
  indicator('medical_aid_remote', '异地就医困难群体医疗救助人数', '人', items(INSURANCE, 'medical_aid_remote')),
  indicator(
    'fund_recovery_people',
    '社保基金追缴人数',
    '人',
    records('social_fund_recovery', 'distinct', { field: 'person_id', dateField: 'recovered_on' }),
  ),
  indicator('fund_recovered', '社保基金追缴金额', '元', records('social_fund_recovery', 'sum', { field: 'amount', dateField: 'recovered_on' })),

  indicator('full_employment_villages', '充分就业村创建村数', '个', items('labor_survey', 'labor_force', { aggregate: 'count' }), {
    description: '期间内填报了劳动力资源摸排的村（社区）数。',
  }),
  indicator('labor_force', '劳动力资源', '人', items('labor_survey', 'labor_force'), { scale: 'wan', decimals: 1 }),
  indicator('labor_employed', '已就业劳动力', '人', items('labor_survey', 'employed')),
  indicator('employment_rate', '劳动力就业率', '%', formula('percent(labor_employed, labor_force)'), { decimals: 1, workLine: '民生保障' }),
  indicator('five_groups_startup_subsidies', '“五类人员”创业补贴户数', '户', support('五类人员创业补贴')),
  indicator('startup_loans', '小微企业创业贴息贷款户数', '户', support('小微企业创业贴息贷款')),
];
