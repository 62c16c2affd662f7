// The 20 indicators of the indicator-values benchmark and its baseline: ONE hand-written SQL GROUP BY giving the
// same figures per village and month of 2022, one FILTERed aggregate per indicator (the two formulas computed
// from those aggregates in an outer SELECT). The mix: counts, counts with filters and workflow states, sums with
// filters, distinct counts, items of two periodic ledgers (daily and monthly) and two formulas.
import { sql } from 'drizzle-orm';
import { definitionProblems, type IndicatorDefinition, type IndicatorSource, type LedgerShape } from '../src/core/indicators.js';
import { queryRows, type Database } from '../src/server/db/connection.js';
import { indicators } from '../src/server/db/schema.js';
import { ledgerInfos } from '../src/server/modules/indicators/indicators.repository.js';
import type { County } from './county-data.js';

const fmt = (unit: string, decimals = 0) => ({ unit, decimals, scale: 'none' as const, higherIsBetter: true });
const flow = (ledger: string, dateField: string, rest: Partial<Extract<IndicatorSource, { type: 'records' }>> = {}): IndicatorSource =>
  ({ type: 'records', ledger, aggregate: 'count', dateField, timing: 'flow', ...rest });

export const BENCH_INDICATORS: IndicatorDefinition[] = [
  { key: 'houses_inspected', name: '自建房排查栋数', ...fmt('栋'), source: flow('self_built_houses', 'inspected_on') },
  { key: 'houses_risky', name: '较大隐患及初判危房栋数', ...fmt('栋'), source: flow('self_built_houses', 'inspected_on', { filters: [{ field: 'conclusion', op: 'in', value: ['存在较大隐患', '初判危房'] }] }) },
  { key: 'houses_fix_area', name: '纳入整治的自建房面积', ...fmt('平方米', 1), source: flow('self_built_houses', 'inspected_on', { aggregate: 'sum', field: 'floor_area', filters: [{ field: 'needs_fix', op: 'eq', value: true }] }) },
  { key: 'hazards_found', name: '排查安全隐患', ...fmt('处'), higherIsBetter: false, source: flow('safety_hazards', 'found_on') },
  { key: 'hazards_major', name: '重大安全隐患', ...fmt('处'), higherIsBetter: false, source: flow('safety_hazards', 'found_on', { filters: [{ field: 'level', op: 'eq', value: '重大隐患' }] }) },
  { key: 'hazards_rectified', name: '已整改安全隐患', ...fmt('处'), source: flow('safety_hazards', 'found_on', { statuses: ['rectified', 'closed'] }) },
  { key: 'assistance_amount', name: '社会救助发放金额', ...fmt('元', 2), scale: 'wan', source: flow('social_assistance', 'paid_on', { aggregate: 'sum', field: 'amount' }) },
  { key: 'dibao_amount', name: '城乡低保发放金额', ...fmt('元', 2), scale: 'wan', source: flow('social_assistance', 'paid_on', { aggregate: 'sum', field: 'amount', filters: [{ field: 'type', op: 'eq', value: '城乡低保' }] }) },
  { key: 'assisted_people', name: '救助对象人数', ...fmt('人'), source: flow('social_assistance', 'paid_on', { aggregate: 'distinct', field: 'person_id' }) },
  { key: 'farmland_transferred', name: '耕地流转面积', ...fmt('亩', 1), source: flow('land_transfer', 'signed_on', { aggregate: 'sum', field: 'area', filters: [{ field: 'land_type', op: 'eq', value: '耕地' }] }) },
  { key: 'farmland_contracts', name: '耕地流转合同', ...fmt('份'), source: flow('land_transfer', 'signed_on', { filters: [{ field: 'land_type', op: 'eq', value: '耕地' }] }) },
  { key: 'households_checked', name: '低保及监测户入户核查', ...fmt('户次'), source: flow('household_checks', 'checked_on', { filters: [{ field: 'type', op: 'in', value: ['低保户', '防返贫监测户'] }] }) },
  { key: 'consumption_amount', name: '单位及干部消费帮扶金额', ...fmt('元', 2), scale: 'wan', source: flow('consumption_support', 'bought_on', { aggregate: 'sum', field: 'amount', filters: [{ field: 'buyer_type', op: 'ne', value: '社会个人' }] }) },
  { key: 'enterprises_visited', name: '走访企业数', ...fmt('家'), source: flow('enterprise_visits', 'visited_on', { aggregate: 'distinct', field: 'credit_code' }) },
  { key: 'enterprise_problems', name: '企业反映困难', ...fmt('件'), higherIsBetter: false, source: flow('enterprise_visits', 'visited_on', { filters: [{ field: 'problem_type', op: 'ne', value: '无' }] }) },
  { key: 'monitored_new', name: '新纳入监测户（监测中）', ...fmt('户'), higherIsBetter: false, source: flow('monitored_households', 'included_on', { statuses: ['monitoring'] }) },
  { key: 'booster_60', name: '60岁以上加强针', ...fmt('剂'), source: { type: 'items', ledger: 'vaccination_daily', item: 'booster_60', aggregate: 'sum', timing: 'flow' } },
  { key: 'pension_paid', name: '城乡居民养老保险缴费', ...fmt('人'), source: { type: 'items', ledger: 'social_insurance', item: 'pension_paid', aggregate: 'sum', timing: 'flow' } },
  { key: 'hazard_rectify_rate', name: '隐患整改率', ...fmt('%', 1), source: { type: 'formula', formula: 'percent(hazards_rectified, hazards_found)' } },
  { key: 'avg_farmland_contract', name: '每份合同平均流转耕地', ...fmt('亩', 2), source: { type: 'formula', formula: 'farmland_transferred / farmland_contracts' } },
];

export const BENCH_KEYS = BENCH_INDICATORS.map((i) => i.key);

/** Stores the 20 definitions in every township, after the same check the definition service runs. */
export async function installBenchIndicators(database: Database, county: County): Promise<void> {
  for (const t of county.townships) {
    const ledgers = await ledgerInfos(database.db, [t.id]);
    const shapes = new Map<string, LedgerShape>(ledgers.map((l) => [l.key, { name: l.name, kind: l.kind, fields: [...l.fields.values()], states: l.workflowStates }]));
    const sources = new Map(BENCH_INDICATORS.map((i) => [i.key, i.source]));
    for (const i of BENCH_INDICATORS) {
      const others = new Map([...sources].filter(([k]) => k !== i.key));
      const problems = definitionProblems(i.key, i.source, shapes, others);
      if (problems.length) throw new Error(`indicator ${i.key}: ${JSON.stringify(problems)}`);
    }
    await database.db.insert(indicators).values(BENCH_INDICATORS.map((i, n) => ({
      townshipId: t.id, key: i.key, name: i.name, source: i.source, unit: i.unit, decimals: i.decimals, scale: i.scale,
      higherIsBetter: i.higherIsBetter, sortOrder: n,
    })));
  }
}

/** The ledger ids of a built-in ledger key across the county, as a PostgreSQL array literal. */
const idsOf = (county: County, key: string) => `{${county.townships.map((t) => t.ledgers.get(key)!).join(',')}}`;

/**
 * The baseline: one statement. Each record's village is the 4th element of its unit's path (/county/town/
 * village/group/), so records kept at the township itself belong to no village; its month is taken from the
 * ledger's date field (register ledgers) or its period id (periodic ledgers). Rows: village id, month (YYYYMM),
 * then one column per indicator key.
 */
export function baselineQuery(county: County) {
  const L = (key: string) => sql`${idsOf(county, key)}::int[]`;
  const n = (field: string) => sql.raw(`nullif(r.values->>'${field}', '')::float8`);
  const is = (key: string) => sql`r.ledger_id = ANY(${L(key)})`;
  return sql`
    SELECT village, month, houses_inspected, houses_risky, houses_fix_area, hazards_found, hazards_major, hazards_rectified,
      assistance_amount, dibao_amount, assisted_people, farmland_transferred, farmland_contracts, households_checked,
      consumption_amount, enterprises_visited, enterprise_problems, monitored_new, booster_60, pension_paid,
      hazards_rectified * 100.0 / nullif(hazards_found, 0) AS hazard_rectify_rate,
      farmland_transferred / nullif(farmland_contracts, 0) AS avg_farmland_contract
    FROM (
      SELECT x.village, x.month,
        count(*) FILTER (WHERE ${is('self_built_houses')}) AS houses_inspected,
        count(*) FILTER (WHERE ${is('self_built_houses')} AND r.values->>'conclusion' IN ('存在较大隐患', '初判危房')) AS houses_risky,
        coalesce(sum(${n('floor_area')}) FILTER (WHERE ${is('self_built_houses')} AND r.values->'needs_fix' = 'true'), 0) AS houses_fix_area,
        count(*) FILTER (WHERE ${is('safety_hazards')}) AS hazards_found,
        count(*) FILTER (WHERE ${is('safety_hazards')} AND r.values->>'level' = '重大隐患') AS hazards_major,
        count(*) FILTER (WHERE ${is('safety_hazards')} AND r.status IN ('rectified', 'closed')) AS hazards_rectified,
        coalesce(sum(${n('amount')}) FILTER (WHERE ${is('social_assistance')}), 0) AS assistance_amount,
        coalesce(sum(${n('amount')}) FILTER (WHERE ${is('social_assistance')} AND r.values->>'type' = '城乡低保'), 0) AS dibao_amount,
        count(DISTINCT r.values->>'person_id') FILTER (WHERE ${is('social_assistance')}) AS assisted_people,
        coalesce(sum(${n('area')}) FILTER (WHERE ${is('land_transfer')} AND r.values->>'land_type' = '耕地'), 0) AS farmland_transferred,
        count(*) FILTER (WHERE ${is('land_transfer')} AND r.values->>'land_type' = '耕地') AS farmland_contracts,
        count(*) FILTER (WHERE ${is('household_checks')} AND r.values->>'type' IN ('低保户', '防返贫监测户')) AS households_checked,
        coalesce(sum(${n('amount')}) FILTER (WHERE ${is('consumption_support')} AND r.values->>'buyer_type' IS DISTINCT FROM '社会个人'), 0) AS consumption_amount,
        count(DISTINCT r.values->>'credit_code') FILTER (WHERE ${is('enterprise_visits')}) AS enterprises_visited,
        count(*) FILTER (WHERE ${is('enterprise_visits')} AND r.values->>'problem_type' IS DISTINCT FROM '无') AS enterprise_problems,
        count(*) FILTER (WHERE ${is('monitored_households')} AND r.status = 'monitoring') AS monitored_new,
        sum(${n('booster_60')}) FILTER (WHERE ${is('vaccination_daily')}) AS booster_60,
        sum(${n('pension_paid')}) FILTER (WHERE ${is('social_insurance')}) AS pension_paid
      FROM ledger_records r
      JOIN org_units u ON u.id = r.org_unit_id
      CROSS JOIN LATERAL (SELECT split_part(u.path, '/', 4)::int AS village, CASE
        WHEN r.period IS NOT NULL THEN left(r.period, 6)
        ELSE replace(left(r.values->>(CASE
          WHEN ${is('self_built_houses')} THEN 'inspected_on' WHEN ${is('safety_hazards')} THEN 'found_on'
          WHEN ${is('social_assistance')} THEN 'paid_on' WHEN ${is('land_transfer')} THEN 'signed_on'
          WHEN ${is('household_checks')} THEN 'checked_on' WHEN ${is('consumption_support')} THEN 'bought_on'
          WHEN ${is('enterprise_visits')} THEN 'visited_on' ELSE 'included_on' END), 7), '-', '') END AS month) x
      WHERE r.township_id = ANY(${`{${county.townships.map((t) => t.id).join(',')}}`}::int[])
        AND r.ledger_id = ANY(${`{${['self_built_houses', 'safety_hazards', 'social_assistance', 'land_transfer', 'household_checks',
          'consumption_support', 'enterprise_visits', 'monitored_households', 'vaccination_daily', 'social_insurance']
          .map((k) => idsOf(county, k).slice(1, -1)).join(',')}}`}::int[])
        AND r.deleted_at IS NULL AND u.level IN ('village', 'group') AND x.month BETWEEN '202201' AND '202212'
      GROUP BY x.village, x.month
    ) g`;
}

export type BaselineRow = { village: number; month: string } & Record<string, string | number | null>;

export function runBaseline(database: Database, county: County): Promise<BaselineRow[]> {
  return queryRows<BaselineRow>(database.db, baselineQuery(county));
}
