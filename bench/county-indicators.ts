// The 20 indicators of the indicator-values benchmark, chosen from the built-in indicator library, and its
// baseline: ONE hand-written SQL GROUP BY giving the same figures per village and month of 2022, one FILTERed
// aggregate per indicator (the two formulas computed from those aggregates in an outer SELECT). The mix: counts,
// counts with filters and workflow states, sums (one filtered), distinct counts, items of two periodic ledgers
// (daily and monthly) and two formulas (a rate, and a sum of two items whose second item is read only for it).
import { sql } from 'drizzle-orm';
import type { IndicatorDefinition } from '../src/core/indicators.js';
import { queryRows, type Database } from '../src/server/db/connection.js';
import { builtinIndicator } from '../src/server/modules/indicators/library/index.js';
import { installBuiltinIndicators } from '../src/server/modules/indicators/library/install-library.js';
import type { County } from './county-data.js';

export const BENCH_KEYS = [
  'houses_inspected',
  'houses_with_hazards',
  'houses_suspected_dangerous',
  'hazards_found',
  'hazards_rectified',
  'households_checked',
  'household_check_people',
  'assistance_recipients',
  'assistance_paid',
  'monitored_households_added',
  'consumption_support_amount',
  'land_transferred',
  'land_transferred_cultivated',
  'land_transfer_contracts',
  'enterprise_visits',
  'enterprise_problems_unsolved',
  'pension_contributors',
  'booster_doses_60',
  'hazard_rectification_rate',
  'booster_doses',
];

export const BENCH_INDICATORS: IndicatorDefinition[] = BENCH_KEYS.map((key) => {
  const definition = builtinIndicator(key);
  if (!definition) throw new Error(`the indicator library has no ${key}`);
  return definition;
});

/** Installs the 20 (and the indicator their formula reads) from the library in every township. */
export async function installBenchIndicators(database: Database, county: County): Promise<void> {
  for (const t of county.townships) {
    const ids = await installBuiltinIndicators(database.db, t.id, null, BENCH_KEYS);
    const missing = BENCH_KEYS.filter((k) => !ids.has(k));
    if (missing.length) throw new Error(`not installed in ${t.name}: ${missing.join(', ')}`);
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
    SELECT village, month, houses_inspected, houses_with_hazards, houses_suspected_dangerous, hazards_found, hazards_rectified,
      households_checked, household_check_people, assistance_recipients, assistance_paid, monitored_households_added,
      consumption_support_amount, land_transferred, land_transferred_cultivated, land_transfer_contracts, enterprise_visits,
      enterprise_problems_unsolved, pension_contributors, booster_doses_60,
      hazards_rectified * 100.0 / nullif(hazards_found, 0) AS hazard_rectification_rate,
      booster_doses_18_59 + booster_doses_60 AS booster_doses
    FROM (
      SELECT x.village, x.month,
        count(*) FILTER (WHERE ${is('self_built_houses')}) AS houses_inspected,
        count(*) FILTER (WHERE ${is('self_built_houses')} AND r.values->'needs_fix' = 'true') AS houses_with_hazards,
        count(*) FILTER (WHERE ${is('self_built_houses')} AND r.values->>'conclusion' = '初判危房') AS houses_suspected_dangerous,
        count(*) FILTER (WHERE ${is('safety_hazards')}) AS hazards_found,
        count(*) FILTER (WHERE ${is('safety_hazards')} AND r.status IN ('rectified', 'closed')) AS hazards_rectified,
        count(DISTINCT r.values->>'head_id') FILTER (WHERE ${is('household_checks')}) AS households_checked,
        coalesce(sum(${n('family_size')}) FILTER (WHERE ${is('household_checks')}), 0) AS household_check_people,
        count(DISTINCT r.values->>'person_id') FILTER (WHERE ${is('social_assistance')}) AS assistance_recipients,
        coalesce(sum(${n('amount')}) FILTER (WHERE ${is('social_assistance')}), 0) AS assistance_paid,
        count(*) FILTER (WHERE ${is('monitored_households')}) AS monitored_households_added,
        coalesce(sum(${n('amount')}) FILTER (WHERE ${is('consumption_support')}), 0) AS consumption_support_amount,
        coalesce(sum(${n('area')}) FILTER (WHERE ${is('land_transfer')}), 0) AS land_transferred,
        coalesce(sum(${n('area')}) FILTER (WHERE ${is('land_transfer')} AND r.values->>'land_type' = '耕地'), 0) AS land_transferred_cultivated,
        count(*) FILTER (WHERE ${is('land_transfer')}) AS land_transfer_contracts,
        count(*) FILTER (WHERE ${is('enterprise_visits')}) AS enterprise_visits,
        count(*) FILTER (WHERE ${is('enterprise_visits')} AND r.values->>'problem_type' IS DISTINCT FROM '无' AND r.values->'solved' = 'false') AS enterprise_problems_unsolved,
        sum(${n('pension_paid')}) FILTER (WHERE ${is('social_insurance')}) AS pension_contributors,
        sum(${n('booster_60')}) FILTER (WHERE ${is('vaccination_daily')}) AS booster_doses_60,
        sum(${n('booster_18_59')}) FILTER (WHERE ${is('vaccination_daily')}) AS booster_doses_18_59
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
        AND r.ledger_id = ANY(${`{${[
          'self_built_houses',
          'safety_hazards',
          'social_assistance',
          'land_transfer',
          'household_checks',
          'consumption_support',
          'enterprise_visits',
          'monitored_households',
          'vaccination_daily',
          'social_insurance',
        ]
          .map((k) => idsOf(county, k).slice(1, -1))
          .join(',')}}`}::int[])
        AND r.deleted_at IS NULL AND u.level IN ('village', 'group') AND x.month BETWEEN '202201' AND '202212'
      GROUP BY x.village, x.month
    ) g`;
}

export type BaselineRow = { village: number; month: string } & Record<string, string | number | null>;

export function runBaseline(database: Database, county: County): Promise<BaselineRow[]> {
  return queryRows<BaselineRow>(database.db, baselineQuery(county));
}
