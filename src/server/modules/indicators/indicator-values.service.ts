// Live values: indicators × subjects (a unit, its descendants of a level, or the township's cadre groups) ×
// periods, computed by the engine from current data. Also the subject and window resolution that rankings,
// quality rules and explanations share.
import { chinaToday } from '../../../core/china-time.js';
import { periodWindow, type PeriodWindow } from '../../../core/periods.js';
import { completion, type IndicatorSource } from '../../../core/indicators.js';
import { ORG_LEVELS, type OrgLevel } from '../../../core/org-levels.js';
import type { Queryable } from '../../db/connection.js';
import { invalid, notFound, type FieldError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { requireUnit } from '../../policy/access.js';
import { smallGroupsWithVillages } from '../cadre/index.js';
import { ledgerShapes } from '../ledgers/index.js';
import { findUnit, unitsUnder, type OrgUnitRef } from '../org/index.js';
import { computeValues, type Catalog, type Subject, type ValueLookup } from './indicator-engine.js';
import * as repo from './indicators.repository.js';
import * as targetsRepo from './indicator-targets.repository.js';

export const SPLIT_LEVELS = ['town', 'village', 'group', 'grid', 'cadre_group'] as const;
export type SplitLevel = (typeof SPLIT_LEVELS)[number];

export interface SubjectView {
  code: string;
  name: string;
  level: string;
}

/** What values are asked for, resolved: the unit, its subjects with their subtrees, the townships involved. */
export interface Scope {
  unit: OrgUnitRef;
  nodes: OrgUnitRef[];
  subjects: (Subject & SubjectView)[];
  townshipIds: number[];
}

/** The unit a request is about (the user's township by default), after checking the user may read it. */
export async function readableUnit(ctx: ServiceContext, q: Queryable, code?: string): Promise<OrgUnitRef> {
  const unit = code ? await findUnit(q, { code }) : ctx.townshipId == null ? undefined : await findUnit(q, { id: ctx.townshipId });
  if (!unit) {
    if (code) throw notFound(`单位“${code}”`);
    throw invalid([{ field: 'orgUnit', message: '您的账号不属于任何乡镇，请指定单位' }], '未指定单位');
  }
  requireUnit(ctx, 'indicator.read', unit);
  return unit;
}

/** The unit's subtree split into subjects: the unit itself, its descendants of a level, or its cadre groups. */
export async function resolveScope(q: Queryable, unit: OrgUnitRef, by?: SplitLevel): Promise<Scope> {
  const nodes = await unitsUnder(q, unit.path);
  const townshipIds = [...new Set(nodes.map((n) => n.townshipId).filter((t): t is number => t !== null))];
  const under = (paths: string[]) => nodes.filter((n) => paths.some((p) => n.path.startsWith(p)));
  const subjectOf = (n: OrgUnitRef, paths: string[]): Subject & SubjectView => {
    const covered = under(paths);
    return {
      id: n.code,
      code: n.code,
      name: n.name,
      level: n.level,
      unitIds: covered.map((c) => c.id),
      townshipIds: [...new Set(covered.map((c) => c.townshipId).filter((t): t is number => t !== null))],
    };
  };
  if (!by) return { unit, nodes, townshipIds, subjects: [subjectOf(unit, [unit.path])] };

  if (by === 'cadre_group') {
    if (unit.level !== 'town') throw invalid([{ field: 'by', message: '按包村小组拆分时，请选择乡镇' }]);
    const groups = await smallGroupsWithVillages(q, unit.id);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    return {
      unit,
      nodes,
      townshipIds,
      subjects: groups.map((g) => {
        const paths = g.villageIds.map((v) => byId.get(v)?.path).filter((p): p is string => !!p);
        const covered = under(paths);
        return { id: `cg${g.id}`, code: `cg${g.id}`, name: g.name, level: 'cadre_group', unitIds: covered.map((c) => c.id), townshipIds: [unit.id] };
      }),
    };
  }
  if (ORG_LEVELS.indexOf(by) <= ORG_LEVELS.indexOf(unit.level as OrgLevel)) {
    throw invalid([{ field: 'by', message: `“${unit.name}”不能再按这一级拆分，请选择它下面的层级` }]);
  }
  // Each node belongs to the subject whose path its own path starts with.
  const parts = nodes.filter((n) => n.level === by);
  const index = new Map(parts.map((p, i) => [p.id, i]));
  const members: number[][] = parts.map(() => []);
  const townships: Set<number>[] = parts.map(() => new Set());
  for (const n of nodes) {
    const owner = n.path
      .split('/')
      .filter(Boolean)
      .map(Number)
      .find((id) => index.has(id));
    if (owner === undefined) continue;
    members[index.get(owner)!].push(n.id);
    if (n.townshipId !== null) townships[index.get(owner)!].add(n.townshipId);
  }
  return {
    unit,
    nodes,
    townshipIds,
    subjects: parts.map((p, i) => ({ id: p.code, code: p.code, name: p.name, level: p.level, unitIds: members[i], townshipIds: [...townships[i]] })),
  };
}

/** Period ids and relative periods of a request, resolved against the as-of date; a bad one → 400 naming it. */
export function resolveWindows(periods: string[], asOf: string, field = 'period'): PeriodWindow[] {
  const errors: FieldError[] = [];
  const windows = periods.map((id, i) => {
    const window = periodWindow(id, asOf);
    if (!window)
      errors.push({
        field: `${field}.${i}`,
        message: `“${id}”不是有效的期间（例：2022、2022S1、2022Q2、202206、2022W24、20220615、LAST_7_DAYS，上年同期加 LY: 如 LY:2022S1）`,
      });
    return window!;
  });
  if (errors.length) throw invalid(errors, '期间有误');
  return windows;
}

/**
 * Targets of the subjects: a unit's own target for the period, else the sum of its children's (recursively);
 * a cadre group's is the sum of its villages'. Relative periods have no targets.
 */
export async function targetLookup(q: Queryable, scope: Scope, catalogs: Catalog[], windows: PeriodWindow[]) {
  // Every indicator's targets for these periods (a small table): formulas read target(x) of keys not asked for.
  const ids = catalogs.flatMap((c) => [...c.indicators.values()].map((i) => i.id));
  const rows = await targetsRepo.targetsOf(
    q,
    ids,
    windows.map((w) => w.id),
  );
  const explicit = new Map(rows.map((r) => [`${r.indicatorId}:${r.orgUnitId}:${r.period}`, r.value]));
  const catalogOf = new Map(catalogs.map((c) => [c.townshipId, c]));
  const children = new Map<number, OrgUnitRef[]>();
  for (const n of scope.nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const byId = new Map(scope.nodes.map((n) => [n.id, n]));
  const byCode = new Map(scope.nodes.map((n) => [n.code, n]));
  const standard = new Set(windows.filter((w) => /^\d/.test(w.id)).map((w) => w.id));
  const memo = new Map<string, number | null>();
  const ofUnit = (key: string, unit: OrgUnitRef, period: string): number | null => {
    const memoKey = `${key}:${unit.id}:${period}`;
    if (memo.has(memoKey)) return memo.get(memoKey)!;
    const indicatorId = unit.townshipId === null ? undefined : catalogOf.get(unit.townshipId)?.indicators.get(key)?.id;
    let value = indicatorId === undefined ? undefined : explicit.get(`${indicatorId}:${unit.id}:${period}`);
    if (value === undefined) {
      const parts = (children.get(unit.id) ?? []).map((c) => ofUnit(key, c, period)).filter((v): v is number => v !== null);
      value = parts.length ? parts.reduce((a, b) => a + b, 0) : undefined;
    }
    memo.set(memoKey, value ?? null);
    return value ?? null;
  };
  const subjects = new Map(scope.subjects.map((s) => [s.id, s]));
  return (key: string, subjectId: string, windowId: string): number | null => {
    const subject = subjects.get(subjectId);
    if (!subject || !standard.has(windowId)) return null;
    if (subject.level !== 'cadre_group') {
      const unit = byCode.get(subject.code);
      return unit ? ofUnit(key, unit, windowId) : null;
    }
    // A cadre group: the sum over its villages (the subtrees' top units).
    const villages = subject.unitIds.map((id) => byId.get(id)!).filter((n) => n.level === 'village');
    const parts = villages.map((v) => ofUnit(key, v, windowId)).filter((v): v is number => v !== null);
    return parts.length ? parts.reduce((a, b) => a + b, 0) : null;
  };
}

/** Each township's indicators and live ledgers (as their current versions read), by key: what the engine reads. */
export async function loadCatalogs(q: Queryable, townshipIds: number[]): Promise<Catalog[]> {
  const [rows, ledgerRows] = await Promise.all([repo.listIndicators(q, townshipIds), ledgerShapes(q, townshipIds)]);
  return townshipIds.map((townshipId) => ({
    townshipId,
    indicators: new Map(rows.filter((r) => r.townshipId === townshipId).map((r) => [r.key, { id: r.id, source: r.source }])),
    ledgers: new Map(ledgerRows.filter((l) => l.townshipId === townshipId).map((l) => [l.key, l])),
  }));
}

export interface Draft {
  townshipId: number;
  key: string;
  source: IndicatorSource;
}

export interface Evaluation {
  scope: Scope;
  catalogs: Catalog[];
  windows: PeriodWindow[];
  value: ValueLookup;
  target: (key: string, subjectId: string, windowId: string) => number | null;
}

/**
 * Computes the keys for every subject and window of a scope; unknown keys → 400. `draft` adds a definition that
 * is not stored (a preview) to the township it belongs to.
 */
export async function evaluate(q: Queryable, scope: Scope, keys: string[], windows: PeriodWindow[], draft?: Draft): Promise<Evaluation> {
  const catalogs = await loadCatalogs(q, scope.townshipIds);
  if (draft) catalogs.find((c) => c.townshipId === draft.townshipId)?.indicators.set(draft.key, { id: -1, source: draft.source });
  const unknown = keys.filter((k) => !catalogs.some((c) => c.indicators.has(k)));
  if (unknown.length)
    throw invalid(
      unknown.map((k) => ({ field: 'keys', message: `指标“${k}”不存在` })),
      '指标不存在',
    );
  const target = await targetLookup(q, scope, catalogs, windows);
  const value = await computeValues(q, { catalogs, keys, subjects: scope.subjects, windows, targets: target });
  return { scope, catalogs, windows, value, target };
}

export interface ValuesQuery {
  keys: string[];
  period: string[];
  asOf?: string;
  orgUnit?: string;
  by?: SplitLevel;
  targets?: boolean;
}

export async function indicatorValues(ctx: ServiceContext, query: ValuesQuery) {
  const asOf = query.asOf ?? chinaToday();
  const windows = resolveWindows(query.period, asOf);
  const unit = await readableUnit(ctx, ctx.db, query.orgUnit);
  const scope = await resolveScope(ctx.db, unit, query.by);
  const { value, target } = await evaluate(ctx.db, scope, query.keys, windows);
  const items = query.keys.flatMap((indicator) =>
    scope.subjects.flatMap((s) =>
      windows.map((w) => {
        const v = value(indicator, s.id, w.id);
        if (!query.targets) return { indicator, orgUnit: s.id, period: w.id, value: v };
        const t = target(indicator, s.id, w.id);
        return { indicator, orgUnit: s.id, period: w.id, value: v, target: t, completion: completion(v, t) };
      }),
    ),
  );
  const meta = await repo.listIndicators(ctx.db, scope.townshipIds);
  return {
    items,
    indicators: query.keys.map((key) => {
      const m = meta.find((i) => i.key === key)!;
      return { key, name: m.name, unit: m.unit, decimals: m.decimals, scale: m.scale, higherIsBetter: m.higherIsBetter };
    }),
    orgUnits: scope.subjects.map(({ code, name, level }) => ({ code, name, level })),
    periods: windows.map(({ id, label, start, end }) => ({ id, label, start, end })),
    asOf,
  };
}
