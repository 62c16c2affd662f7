// Queries of the indicator definitions (targets, rankings and quality rules have their own repositories). Org
// units, cadre groups and ledgers are read through their modules (org, cadre, ledgers index.ts).
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { IndicatorSource, Scale } from '../../../core/indicators.js';
import type { Queryable } from '../../db/connection.js';
import { indicators } from '../../db/schema.js';
import { workLineNames } from '../cadre/index.js';

export type NewIndicator = typeof indicators.$inferInsert;
/** What changing a definition may change (not its township, key or origin). */
export type IndicatorChange = Pick<NewIndicator, 'name' | 'description' | 'workLineId' | 'source' | 'unit' | 'decimals' | 'scale' | 'higherIsBetter'>;

export interface IndicatorRow {
  id: number;
  townshipId: number;
  key: string;
  name: string;
  description: string | null;
  workLineId: number | null;
  workLine: string | null;
  source: IndicatorSource;
  unit: string;
  decimals: number;
  scale: Scale;
  higherIsBetter: boolean;
  builtin: boolean;
  sortOrder: number;
}

export async function listIndicators(q: Queryable, townshipIds: number[]): Promise<IndicatorRow[]> {
  if (townshipIds.length === 0) return [];
  const rows = await q
    .select({
      id: indicators.id,
      townshipId: indicators.townshipId,
      key: indicators.key,
      name: indicators.name,
      description: indicators.description,
      workLineId: indicators.workLineId,
      source: indicators.source,
      unit: indicators.unit,
      decimals: indicators.decimals,
      scale: indicators.scale,
      higherIsBetter: indicators.higherIsBetter,
      builtin: indicators.builtin,
      sortOrder: indicators.sortOrder,
    })
    .from(indicators)
    .where(and(inArray(indicators.townshipId, townshipIds), isNull(indicators.deletedAt)))
    .orderBy(asc(indicators.sortOrder), asc(indicators.id));
  // work lines are the cadre module's: their names come through its surface
  const names = await workLineNames(q, [...new Set(rows.flatMap((r) => (r.workLineId == null ? [] : [r.workLineId])))]);
  return rows.map((r) => ({ ...r, workLine: r.workLineId == null ? null : (names.get(r.workLineId) ?? null) })) as IndicatorRow[];
}

export async function findIndicator(q: Queryable, townshipId: number, key: string): Promise<IndicatorRow | undefined> {
  return (await listIndicators(q, [townshipId])).find((i) => i.key === key);
}

/** The ids of the township's indicators by key: nothing else, for installing the built-in library. */
export async function indicatorIdsByKey(q: Queryable, townshipId: number): Promise<{ id: number; key: string }[]> {
  return q
    .select({ id: indicators.id, key: indicators.key })
    .from(indicators)
    .where(and(eq(indicators.townshipId, townshipId), isNull(indicators.deletedAt)));
}

export async function insertIndicators(q: Queryable, values: NewIndicator[]): Promise<{ id: number; key: string }[]> {
  return q.insert(indicators).values(values).returning({ id: indicators.id, key: indicators.key });
}

export async function insertIndicator(q: Queryable, values: NewIndicator): Promise<number> {
  const [row] = await insertIndicators(q, [values]);
  return row.id;
}

export async function updateIndicator(q: Queryable, id: number, change: IndicatorChange): Promise<void> {
  await q
    .update(indicators)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(indicators.id, id));
}

/** Marks the indicator deleted (its key may be used again). */
export async function deleteIndicator(q: Queryable, id: number): Promise<void> {
  await q.update(indicators).set({ deletedAt: new Date() }).where(eq(indicators.id, id));
}
