// Queries of the indicators module's own tables: definitions and targets. Org units, cadre groups and ledgers are
// read through their modules (org, cadre, ledgers index.ts).
import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { IndicatorSource, Scale } from '../../../core/indicators.js';
import type { Queryable } from '../../db/connection.js';
import { indicators, indicatorTargets } from '../../db/schema.js';
import { workLineNames } from '../cadre/index.js';

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

export interface TargetRow {
  indicatorId: number;
  orgUnitId: number;
  period: string;
  value: number;
}

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
