// The indicator engine: values of indicators × subjects × windows, computed from ledger records at read time.
//
// A subject is what a value is for (a village, a township, a cadre group, a county): the set of org units whose
// records it covers. A window is a closed range of days (a period capped by the as-of date, a relative period).
// Base indicators become aggregates that the ledgers module reads (ledger-aggregates.repository.ts): one statement
// per ledger and date field for register ledgers, with one column per indicator, so twenty indicators over one
// ledger cost one scan. Aggregates are taken per subject over the rows of its whole subtree, never summed from the
// children's values. This file decides what to compute — which keys, windows and periods, how townships' results
// combine — and evaluates formulas afterwards in JS.
import type { SQL } from 'drizzle-orm';
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import type { IndicatorSource, ItemsSource, RecordsSource } from '../../../core/indicators.js';
import { evaluateFormula, parseFormula, type FormulaNode } from '../../../core/formula.js';
import { lastYearRange, periodOf, periodsBetween, type DateRange, type PeriodType } from '../../../core/periods.js';
import type { Queryable } from '../../db/connection.js';
import {
  aggregateRows,
  itemsAggregateStatement,
  latestItemAggregateStatement,
  recordsAggregateStatement,
  type RecordsAggregation,
} from '../ledgers/index.js';
import { statementRows, type Mapping, type Row, type Statement } from './indicator-cache.js';

export interface LedgerInfo {
  id: number;
  key: string;
  name: string;
  kind: 'register' | 'periodic';
  periodType: PeriodType | null;
  fields: Map<string, FieldDefinition>;
}

/** One township's indicators and ledgers, by key. */
export interface Catalog {
  townshipId: number;
  indicators: Map<string, { id: number; source: IndicatorSource }>;
  ledgers: Map<string, LedgerInfo>;
}

export interface Subject {
  id: string;
  /** Every org unit the subject covers (its subtree, or a cadre group's villages with their subtrees). */
  unitIds: number[];
  /** Townships the units belong to: whose definitions apply. */
  townshipIds: number[];
}

export interface Window extends DateRange {
  id: string;
  /** Entirely after the as-of date: nothing has happened yet, every value is null. */
  future?: boolean;
}

export type TargetLookup = (key: string, subjectId: string, windowId: string) => number | null;

export interface EngineRequest {
  catalogs: Catalog[];
  keys: string[];
  subjects: Subject[];
  windows: Window[];
  targets?: TargetLookup;
}

/** The values, read by key, subject and window id. */
export type ValueLookup = (key: string, subjectId: string, windowId: string) => number | null;

const LAST_YEAR = '~ly';
const lastYearWindows = new WeakMap<Window, Window>();
function lastYearWindow(w: Window): Window {
  let last = lastYearWindows.get(w);
  if (!last) {
    last = { ...lastYearRange(w), id: `${w.id}${LAST_YEAR}`, future: w.future };
    lastYearWindows.set(w, last);
  }
  return last;
}

/** Values by key, window id and subject index: nested lookups of strings the request already holds. */
type Cells = Map<string, Map<string, (number | null)[]>>;
function cellsOf(cells: Cells, key: string, windowId: string): (number | null)[] {
  let byWindow = cells.get(key);
  if (!byWindow) {
    byWindow = new Map();
    cells.set(key, byWindow);
  }
  let bySubject = byWindow.get(windowId);
  if (!bySubject) {
    bySubject = [];
    byWindow.set(windowId, bySubject);
  }
  return bySubject;
}

/** The ledger periods of a periodic ledger that a window reads, by window index. */
export function itemPeriods(source: ItemsSource, periodType: PeriodType, window: Window): { ids: string[]; latestBy?: string } {
  if (source.timing === 'stock') return { ids: [], latestBy: periodOf(periodType, window.end).id };
  const from = source.timing === 'cumulative' ? (source.since ?? '2000-01-01') : window.start;
  if (from > window.end) return { ids: [] };
  // Only ledger periods wholly inside the range: a week straddling two months belongs to neither.
  return {
    ids: periodsBetween(periodType, from, window.end)
      .filter((p) => p.start >= from && p.end <= window.end)
      .map((p) => p.id),
  };
}

interface Task {
  key: string;
  source: RecordsSource | ItemsSource;
  ledgerKey: string;
  ledgerIds: number[];
  ledger: LedgerInfo;
  townshipIds: number[];
  windows: Window[];
}

// Sums of float8 carry binary noise (0.1 + 0.2); six decimals are more than any unit here shows.
const toNumber = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 1e6) / 1e6);

const STATEMENTS_AT_ONCE = 3;

async function runLimited(jobs: (() => Promise<void>)[], limit: number) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

/** The aggregates of a batch of register-ledger tasks (same ledgers, date field and windows): one scan. */
function recordsAggregation(batch: Task[]): RecordsAggregation {
  const first = batch[0];
  const source = first.source as RecordsSource;
  return {
    townshipIds: first.townshipIds,
    ledgerIds: first.ledgerIds,
    fields: first.ledger.fields,
    dateField: source.dateField,
    timing: source.timing,
    since: source.since,
    windows: first.windows,
    columns: batch.map((task) => task.source as RecordsSource),
  };
}

/** The statement of a batch of periodic-ledger tasks: the periods each window reads, or each unit's latest entry. */
function itemsStatement(batch: Task[], mapping: Mapping, onlyUnits?: number[]): SQL | null {
  const task = batch[0];
  const source = task.source as ItemsSource;
  const periodType = task.ledger.periodType!;
  const selection = { townshipIds: task.townshipIds, ledgerIds: task.ledgerIds };
  if (source.timing === 'stock') {
    const latestBy = task.windows.map((w) => itemPeriods(source, periodType, w).latestBy!);
    return latestItemAggregateStatement({ ...selection, item: source.item, aggregate: source.aggregate, latestBy }, mapping, onlyUnits);
  }
  const periods = task.windows.flatMap((w, wi) => itemPeriods(source, periodType, w).ids.map((p) => [p, wi] as const));
  if (periods.length === 0) return null;
  return itemsAggregateStatement({ ...selection, columns: batch.map((t) => t.source as ItemsSource), periods }, mapping, onlyUnits);
}

export async function computeValues(q: Queryable, request: EngineRequest): Promise<ValueLookup> {
  const catalogs = new Map(request.catalogs.map((c) => [c.townshipId, c]));
  const parsed = new Map<string, FormulaNode>();
  const formulaOf = (source: IndicatorSource) => {
    if (source.type !== 'formula') return null;
    let node = parsed.get(source.formula);
    if (!node) {
      node = parseFormula(source.formula);
      parsed.set(source.formula, node);
    }
    return node;
  };
  const sourcesOf = (key: string) =>
    request.catalogs.flatMap((c) => {
      const indicator = c.indicators.get(key);
      return indicator ? [{ townshipId: c.townshipId, source: indicator.source }] : [];
    });

  // 1. Which base indicators are needed for which windows (formulas pull in their references, last_year(x)
  //    pulls x in for the window a year earlier).
  const needed = new Map<string, Map<string, Window>>();
  const visit = (key: string, window: Window, depth: number) => {
    if (depth > 20) return;
    for (const { source } of sourcesOf(key)) {
      const node = formulaOf(source);
      if (!node) {
        const windows = needed.get(key) ?? new Map<string, Window>();
        windows.set(window.id, window);
        needed.set(key, windows);
        continue;
      }
      const refs: FormulaNode[] = [node];
      while (refs.length) {
        const n = refs.pop()!;
        if (n.kind === 'ref') {
          if (n.of === 'value') visit(n.key, window, depth + 1);
          if (n.of === 'last_year') visit(n.key, lastYearWindow(window), depth + 1);
        } else if (n.kind === 'unary') refs.push(n.operand);
        else if (n.kind === 'binary') refs.push(n.left, n.right);
        else if (n.kind === 'call') refs.push(...n.args);
      }
    }
  };
  for (const key of request.keys) for (const w of request.windows) visit(key, w, 0);

  // 2. Tasks: one per base key and distinct definition, with the ledgers of every township that defines it so.
  const tasks: Task[] = [];
  for (const [key, windowMap] of needed) {
    const windows = [...windowMap.values()].filter((w) => !w.future);
    if (windows.length === 0) continue;
    const bySource = new Map<string, Task>();
    for (const { townshipId, source } of sourcesOf(key)) {
      if (source.type === 'formula') continue;
      const ledger = catalogs.get(townshipId)!.ledgers.get(source.ledger);
      if (!ledger) continue;
      const signature = JSON.stringify(source);
      const task = bySource.get(signature);
      if (task) {
        task.ledgerIds.push(ledger.id);
        task.townshipIds.push(townshipId);
        continue;
      }
      bySource.set(signature, { key, source, ledgerKey: source.ledger, ledgerIds: [ledger.id], ledger, townshipIds: [townshipId], windows });
    }
    tasks.push(...bySource.values());
  }

  // 3. The unit → subject mapping, shared by every query.
  const mapping: Mapping = { unitIds: [], subjectIndexes: [] };
  request.subjects.forEach((s, i) => {
    for (const u of s.unitIds) {
      mapping.unitIds.push(u);
      mapping.subjectIndexes.push(i);
    }
  });

  const results: Cells = new Map();
  const merge = (task: Task, rows: Row[], column: string) => {
    const aggregate = task.source.aggregate;
    const byWindow = task.windows.map((w) => cellsOf(results, task.key, w.id));
    for (const row of rows) {
      const cells = byWindow[row.wi];
      const value = toNumber(row[column]);
      const before = cells[row.si];
      if (before === undefined || before === null) cells[row.si] = value;
      else if (value !== null) {
        cells[row.si] =
          aggregate === 'min' ? Math.min(before, value) : aggregate === 'max' ? Math.max(before, value) : aggregate === 'avg' ? null : before + value;
      }
    }
  };

  // 3a. Register ledgers: tasks sharing ledger key, townships, date field and windows run as one query.
  const batches = new Map<string, Task[]>();
  for (const task of tasks) {
    if (task.source.type !== 'records') continue;
    const s = task.source;
    const batchKey = JSON.stringify([
      task.ledgerKey,
      task.ledgerIds,
      s.dateField ?? null,
      s.dateField ? s.timing : null,
      s.since ?? null,
      task.windows.map((w) => w.id),
    ]);
    batches.set(batchKey, [...(batches.get(batchKey) ?? []), task]);
  }
  const statements: { batch: Task[]; statement: Statement }[] = [...batches.values()].map((batch) => {
    const aggregation = recordsAggregation(batch);
    return { batch, statement: { ledgerIds: batch[0].ledgerIds, build: (m, units) => recordsAggregateStatement(aggregation, m, units) } };
  });

  // 3b. Periodic ledgers: the items of one ledger read for the same periods share a query; a stock (each
  //     unit's latest entered period) is one query per item.
  const itemBatches = new Map<string, Task[]>();
  for (const [i, task] of tasks.entries()) {
    if (task.source.type !== 'items' || !task.ledger.periodType) continue;
    const s = task.source;
    // A stock is one statement per task: townships defining the key differently are different tasks.
    const batchKey =
      s.timing === 'stock'
        ? `stock:${i}`
        : JSON.stringify([task.ledgerKey, task.ledgerIds, s.timing, s.since ?? null, task.windows.map((w) => w.id)]);
    itemBatches.set(batchKey, [...(itemBatches.get(batchKey) ?? []), task]);
  }
  for (const batch of itemBatches.values()) {
    statements.push({ batch, statement: { ledgerIds: batch[0].ledgerIds, build: (m, units) => itemsStatement(batch, m, units) } });
  }
  // A few statements at a time: each may run parallel workers, and the machine has few cores.
  const rowsOf = await statementRows(
    q,
    statements.map((s) => s.statement),
    mapping,
    request.subjects.length,
    (statement) => aggregateRows(q, statement),
    (jobs) => runLimited(jobs, STATEMENTS_AT_ONCE),
  );
  statements.forEach(({ batch }, n) => batch.forEach((task, i) => merge(task, rowsOf[n], `v${i}`)));

  // Counts and sums over records are 0 where a subject had no rows; everything else stays null (nothing entered).
  const zeroWhenEmpty = new Map<string, Set<number>>();
  for (const task of tasks) {
    if (task.source.type === 'records' && ['count', 'sum', 'distinct'].includes(task.source.aggregate)) {
      zeroWhenEmpty.set(task.key, new Set([...(zeroWhenEmpty.get(task.key) ?? []), ...task.townshipIds]));
    }
  }
  const windowsById = new Map<string, Window>();
  for (const w of request.windows) {
    windowsById.set(w.id, w);
  }

  const subjectIndex = new Map(request.subjects.map((s, i) => [s.id, i]));
  // The definition a subject uses: that of the first of its townships defining the key.
  const sources = new Map<string, (IndicatorSource | null)[]>();
  const sourceOf = (key: string, si: number): IndicatorSource | null => {
    let bySubject = sources.get(key);
    if (!bySubject) {
      bySubject = [];
      sources.set(key, bySubject);
    }
    let source = bySubject[si];
    if (source === undefined) {
      const township = request.subjects[si].townshipIds.find((t) => catalogs.get(t)?.indicators.has(key));
      source = township === undefined ? null : catalogs.get(township)!.indicators.get(key)!.source;
      bySubject[si] = source;
    }
    return source;
  };
  const memo: Cells = new Map();
  const valueOf = (key: string, si: number, window: Window, depth = 0): number | null => {
    if (window.future) return null;
    const known = cellsOf(memo, key, window.id);
    if (known[si] !== undefined) return known[si];
    if (depth > 20) return null;
    const source = sourceOf(key, si);
    let value: number | null = null;
    if (source?.type === 'formula') {
      const subjectId = request.subjects[si].id;
      value = evaluateFormula(formulaOf(source)!, (ref, of) => {
        if (of === 'target') return request.targets?.(ref, subjectId, window.id) ?? null;
        return valueOf(ref, si, of === 'last_year' ? lastYearWindow(window) : window, depth + 1);
      });
    } else if (source) {
      const found = results.get(key)?.get(window.id)?.[si];
      const zero = zeroWhenEmpty.get(key);
      value = found ?? (zero && request.subjects[si].townshipIds.some((t) => zero.has(t)) ? 0 : null);
    }
    known[si] = value;
    return value;
  };
  return (key, subjectId, windowId) => {
    const window = windowsById.get(windowId);
    const si = subjectIndex.get(subjectId);
    if (!window || si === undefined) return null;
    return valueOf(key, si, window);
  };
}
