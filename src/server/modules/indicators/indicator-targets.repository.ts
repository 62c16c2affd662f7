// Queries of the targets (目标任务数): per indicator, org unit and period.
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { indicatorTargets } from '../../db/schema.js';

export interface TargetRow {
  indicatorId: number;
  orgUnitId: number;
  period: string;
  value: number;
}

export type NewTarget = typeof indicatorTargets.$inferInsert;

export async function targetsOf(q: Queryable, indicatorIds: number[], periods: string[]): Promise<TargetRow[]> {
  if (indicatorIds.length === 0 || periods.length === 0) return [];
  return await q
    .select({
      indicatorId: indicatorTargets.indicatorId,
      orgUnitId: indicatorTargets.orgUnitId,
      period: indicatorTargets.period,
      value: indicatorTargets.value,
    })
    .from(indicatorTargets)
    .where(and(inArray(indicatorTargets.indicatorId, indicatorIds), inArray(indicatorTargets.period, periods)));
}

/** The targets of one indicator and period that these units have now. */
export async function unitTargets(q: Queryable, indicatorId: number, period: string, orgUnitIds: number[]) {
  return q
    .select()
    .from(indicatorTargets)
    .where(ofUnits(indicatorId, period, orgUnitIds));
}

/** Replaces these units' targets of one indicator and period by the given rows (a unit without a row has none). */
export async function replaceUnitTargets(q: Queryable, indicatorId: number, period: string, orgUnitIds: number[], rows: NewTarget[]) {
  await q.delete(indicatorTargets).where(ofUnits(indicatorId, period, orgUnitIds));
  if (rows.length) await q.insert(indicatorTargets).values(rows);
}

function ofUnits(indicatorId: number, period: string, orgUnitIds: number[]) {
  return and(eq(indicatorTargets.indicatorId, indicatorId), eq(indicatorTargets.period, period), inArray(indicatorTargets.orgUnitId, orgUnitIds));
}
