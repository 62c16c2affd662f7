// Demo targets (目标任务数) for a few indicators of the built-in library, for the township and each village, for
// 2022S1 and 2022: set from each village's size as a township would, so that some villages meet them and some
// do not. Deterministic: a fixed seed and the villages' basics of 2022.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../src/server/db/connection.js';
import { indicatorTargets } from '../src/server/db/schema.js';
import { seededRandom } from './seeded-random.js';

interface VillageBasics {
  unitId: number;
  code: string;
  households: number;
  population60: number;
  /** The city's 60+ vaccination task for the village in 2022S1 (疫苗接种任务数 ledger), when entered. */
  task60: number | null;
}

export interface DemoTarget {
  key: string;
  unitId: number;
  period: string;
  value: number;
}

const round = (x: number, step: number) => Math.round(x / step) * step;

/** The targets by indicator key, unit and period. Pure: the same villages and seed give the same targets. */
export function demoIndicatorTargets(seed: number, townshipUnitId: number, villages: VillageBasics[]): DemoTarget[] {
  const r = seededRandom((seed ^ 0x7a59e7) >>> 0);
  const targets: DemoTarget[] = [];
  const add = (key: string, half: (v: VillageBasics) => number, year: (halfTarget: number) => number) => {
    const halves = villages.map((v) => ({ unitId: v.unitId, value: half(v) }));
    for (const [period, values] of [
      ['2022S1', halves],
      ['2022', halves.map((h) => ({ ...h, value: year(h.value) }))],
    ] as const) {
      for (const v of values) targets.push({ key, unitId: v.unitId, period, value: v.value });
      targets.push({ key, unitId: townshipUnitId, period, value: values.reduce((s, v) => s + v.value, 0) });
    }
  };
  // Land transfer: about 0.75–1.1 亩 a household in the half year (the drive transfers 400–550 亩 a village).
  add(
    'land_transferred',
    (v) => round(v.households * (0.75 + r.next() * 0.35), 10),
    (h) => round(h * 1.8, 10),
  );
  // 60+ first doses, cumulative: the task the city set in the 疫苗接种任务数 ledger, so that the card's completion
  // and 60岁以上接种任务完成率 agree; else 85–97 % of the village's over-60s. The year's target is the same people.
  add(
    'first_doses_60_done',
    (v) => {
      const share = round(v.population60 * (0.85 + r.next() * 0.12), 1);
      return v.task60 ?? share;
    },
    (h) => h,
  );
  // Toilet renovation: 11–15 households in the half year, 25–30 in the year.
  add(
    'toilets_renovated',
    () => r.int(11, 15),
    (h) => h + r.int(14, 16),
  );
  // Self-built houses: every household's house, by the end of June.
  add(
    'houses_inspected',
    (v) => v.households,
    (h) => h,
  );
  return targets;
}

/** Writes the demo targets of the installed indicators (keys missing from `indicatorIds` are skipped). */
export async function loadDemoIndicatorTargets(
  q: Queryable,
  townshipId: number,
  userId: number | null,
  indicatorIds: Map<string, number>,
  seed: number,
) {
  const villages = await queryRows<VillageBasics>(
    q,
    sql`
    SELECT u.id AS "unitId", u.code, (r.values->>'households')::int AS households, (r.values->>'population_60')::int AS "population60",
      (SELECT (t.values->>'target_60')::int FROM ledger_records t JOIN ledgers tl ON tl.id = t.ledger_id
        WHERE tl.township_id = l.township_id AND tl.key = 'vaccination_targets' AND t.org_unit_id = u.id AND t.period = '2022S1'
          AND t.deleted_at IS NULL) AS "task60"
    FROM ledger_records r JOIN ledgers l ON l.id = r.ledger_id JOIN org_units u ON u.id = r.org_unit_id
    WHERE l.township_id = ${townshipId} AND l.key = 'village_basics' AND r.period = '2022' AND r.deleted_at IS NULL AND u.level = 'village'
    ORDER BY u.code`,
  );
  const rows = demoIndicatorTargets(seed, townshipId, villages)
    .filter((t) => indicatorIds.has(t.key))
    .map((t) => ({ townshipId, indicatorId: indicatorIds.get(t.key)!, orgUnitId: t.unitId, period: t.period, value: t.value, updatedBy: userId }));
  if (rows.length) await q.insert(indicatorTargets).values(rows).onConflictDoNothing();
  return rows.length;
}
