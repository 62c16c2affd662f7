// Queries of the indicators module: definitions, the catalog the engine reads, org subtrees and targets.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import type { IndicatorSource, Scale } from '../../../core/indicators.js';
import type { PeriodType } from '../../../core/periods.js';
import { queryRows, type Queryable } from '../../db/connection.js';
import { indicators, indicatorTargets, workLines } from '../../db/schema.js';
import type { Catalog, LedgerInfo } from './indicator-engine.js';

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
  return await q.select({
    id: indicators.id, townshipId: indicators.townshipId, key: indicators.key, name: indicators.name,
    description: indicators.description, workLineId: indicators.workLineId, workLine: workLines.name,
    source: indicators.source, unit: indicators.unit, decimals: indicators.decimals, scale: indicators.scale,
    higherIsBetter: indicators.higherIsBetter, builtin: indicators.builtin, sortOrder: indicators.sortOrder,
  }).from(indicators)
    .leftJoin(workLines, eq(workLines.id, indicators.workLineId))
    .where(and(inArray(indicators.townshipId, townshipIds), isNull(indicators.deletedAt)))
    .orderBy(asc(indicators.sortOrder), asc(indicators.id)) as IndicatorRow[];
}

export async function findIndicator(q: Queryable, townshipId: number, key: string): Promise<IndicatorRow | undefined> {
  return (await listIndicators(q, [townshipId])).find((i) => i.key === key);
}

/** Every live ledger of the townships with the fields of its current version. */
export async function ledgerInfos(q: Queryable, townshipIds: number[]): Promise<(LedgerInfo & { townshipId: number; workflowStates: string[] })[]> {
  if (townshipIds.length === 0) return [];
  const rows = await queryRows<{ id: number; townshipId: number; key: string; name: string; kind: 'register' | 'periodic'; periodType: PeriodType | null; fields: FieldDefinition[]; workflow: { states?: { key: string }[] } | null }>(q, sql`
    SELECT l.id, l.township_id AS "townshipId", l.key, l.name, l.kind, l.period_type AS "periodType", v.fields, v.workflow
    FROM ledgers l JOIN ledger_versions v ON v.ledger_id = l.id AND v.version = l.current_version
    WHERE l.township_id IN (${sql.join(townshipIds.map((t) => sql`${t}`), sql`, `)}) AND l.deleted_at IS NULL`);
  return rows.map((r) => ({
    id: r.id, townshipId: r.townshipId, key: r.key, name: r.name, kind: r.kind, periodType: r.periodType,
    fields: new Map(r.fields.map((f) => [f.key, f])), workflowStates: (r.workflow?.states ?? []).map((s) => s.key),
  }));
}

export async function loadCatalogs(q: Queryable, townshipIds: number[]): Promise<Catalog[]> {
  const [rows, ledgerRows] = await Promise.all([listIndicators(q, townshipIds), ledgerInfos(q, townshipIds)]);
  return townshipIds.map((townshipId) => ({
    townshipId,
    indicators: new Map(rows.filter((r) => r.townshipId === townshipId).map((r) => [r.key, { id: r.id, source: r.source }])),
    ledgers: new Map(ledgerRows.filter((l) => l.townshipId === townshipId).map((l) => [l.key, l])),
  }));
}

export interface UnitNode {
  id: number;
  code: string;
  name: string;
  level: string;
  path: string;
  parentId: number | null;
  townshipId: number | null;
}

/** The unit and every current unit below it (closed, merged units keep no records of their own). */
export function subtree(q: Queryable, path: string): Promise<UnitNode[]> {
  return queryRows<UnitNode>(q, sql`
    SELECT id, code, name, level, path, parent_id AS "parentId", township_id AS "townshipId"
    FROM org_units WHERE path LIKE ${`${path}%`} AND valid_to IS NULL ORDER BY code`);
}

export function unitByCode(q: Queryable, code: string): Promise<UnitNode | undefined> {
  return queryRows<UnitNode>(q, sql`
    SELECT id, code, name, level, path, parent_id AS "parentId", township_id AS "townshipId"
    FROM org_units WHERE code = ${code}`).then((rows) => rows[0]);
}

export function unitByTownshipId(q: Queryable, townshipId: number): Promise<UnitNode | undefined> {
  return queryRows<UnitNode>(q, sql`
    SELECT id, code, name, level, path, parent_id AS "parentId", township_id AS "townshipId"
    FROM org_units WHERE id = ${townshipId}`).then((rows) => rows[0]);
}

/** The township's small cadre groups (包村小组) and the villages each covers. */
export function smallCadreGroups(q: Queryable, townshipId: number) {
  return queryRows<{ id: number; name: string; villageIds: number[] }>(q, sql`
    SELECT g.id, g.name, coalesce(array_agg(cv.org_unit_id) FILTER (WHERE cv.org_unit_id IS NOT NULL), '{}') AS "villageIds"
    FROM cadre_groups g LEFT JOIN cadre_group_villages cv ON cv.group_id = g.id
    WHERE g.township_id = ${townshipId} AND g.kind = 'small' AND g.deleted_at IS NULL
    GROUP BY g.id, g.name, g.sort_order ORDER BY g.sort_order, g.id`);
}

export interface TargetRow {
  indicatorId: number;
  orgUnitId: number;
  period: string;
  value: number;
}

export async function targetsOf(q: Queryable, indicatorIds: number[], periods: string[]): Promise<TargetRow[]> {
  if (indicatorIds.length === 0 || periods.length === 0) return [];
  return await q.select({
    indicatorId: indicatorTargets.indicatorId, orgUnitId: indicatorTargets.orgUnitId, period: indicatorTargets.period, value: indicatorTargets.value,
  }).from(indicatorTargets).where(and(inArray(indicatorTargets.indicatorId, indicatorIds), inArray(indicatorTargets.period, periods)));
}
