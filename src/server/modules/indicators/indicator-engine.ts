// The indicator engine: values of indicators × subjects × windows, computed from ledger records at read time.
//
// A subject is what a value is for (a village, a township, a cadre group, a county): the set of org units whose
// records it covers. A window is a closed range of days (a period capped by the as-of date, a relative period).
// Base indicators become SQL: one query per ledger and date field for register ledgers, with one FILTERed
// aggregate column per indicator, so twenty indicators over one ledger cost one scan. Units are mapped to
// subjects by a join on unnest(unit ids, subject indexes): sums, averages and distinct counts are taken over the
// rows of the whole subtree, never summed from the children's values. Formulas are evaluated afterwards in JS.
import { sql, type SQL } from 'drizzle-orm';
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import type { IndicatorFilter, IndicatorSource, ItemsSource, RecordsSource } from '../../../core/indicators.js';
import { evaluateFormula, parseFormula, type FormulaNode } from '../../../core/formula.js';
import { addDays, lastYearRange, periodOf, periodsBetween, type DateRange, type PeriodType } from '../../../core/periods.js';
import { arrayLiteral } from '../../db/array-literal.js';
import { queryRows, type Queryable } from '../../db/connection.js';
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
  if (!last) { last = { ...lastYearRange(w), id: `${w.id}${LAST_YEAR}`, future: w.future }; lastYearWindows.set(w, last); }
  return last;
}

/** Values by key, window id and subject index: nested lookups of strings the request already holds. */
type Cells = Map<string, Map<string, (number | null)[]>>;
function cellsOf(cells: Cells, key: string, windowId: string): (number | null)[] {
  let byWindow = cells.get(key);
  if (!byWindow) { byWindow = new Map(); cells.set(key, byWindow); }
  let bySubject = byWindow.get(windowId);
  if (!bySubject) { bySubject = []; byWindow.set(windowId, bySubject); }
  return bySubject;
}


const fieldText = (key: string) => sql`(r.values->>${key})`;
const fieldNumber = (key: string) => sql`nullif(r.values->>${key}, '')::float8`;
const isNumeric = (field: FieldDefinition | undefined) => field?.type === 'integer' || field?.type === 'decimal';

function filterSql(filter: IndicatorFilter, field: FieldDefinition | undefined): SQL {
  const json = sql`(r.values->${filter.field})`;
  const empty = sql`(${json} IS NULL OR ${json} = 'null'::jsonb OR ${json} = '""'::jsonb OR ${json} = '[]'::jsonb)`;
  const one = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;
  const compare = (op: string) => {
    const value = filter.value as string | number;
    return isNumeric(field)
      ? sql`${fieldNumber(filter.field)} ${sql.raw(op)} ${Number(value)}`
      : sql`${fieldText(filter.field)} ${sql.raw(op)} ${String(value)}`;
  };
  switch (filter.op) {
    case 'eq': return sql`${json} = ${one(filter.value)}`;
    case 'ne': return sql`${json} IS DISTINCT FROM ${one(filter.value)}`;
    case 'in': return sql`${json} IN (${sql.join((filter.value as unknown[]).map(one), sql`, `)})`;
    case 'notIn': return sql`(${json} IS NULL OR ${json} NOT IN (${sql.join((filter.value as unknown[]).map(one), sql`, `)}))`;
    case 'gt': return compare('>');
    case 'gte': return compare('>=');
    case 'lt': return compare('<');
    case 'lte': return compare('<=');
    case 'empty': return empty;
    case 'notEmpty': return sql`NOT ${empty}`;
    case 'contains': return field?.type === 'multichoice'
      ? sql`${json} @> ${JSON.stringify([filter.value])}::jsonb`
      : sql`strpos(${fieldText(filter.field)}, ${String(filter.value)}) > 0`;
  }
}

/** The conditions of a records source other than its period: filters and workflow states. */
export function recordsConditions(source: RecordsSource, ledger: LedgerInfo): SQL | null {
  const parts = (source.filters ?? []).map((f) => filterSql(f, ledger.fields.get(f.field)));
  if (source.statuses?.length) parts.push(sql`r.status IN (${sql.join(source.statuses.map((s) => sql`${s}`), sql`, `)})`);
  return parts.length ? sql.join(parts.map((p) => sql`(${p})`), sql` AND `) : null;
}

/** The date condition placing a record in window w (aliased w(ws, wn): first day, day after the last). */
export function recordsWindowCondition(source: Pick<RecordsSource, 'dateField' | 'timing' | 'since'>): SQL | null {
  if (!source.dateField) return null;
  const date = fieldText(source.dateField);
  if (source.timing === 'flow') return sql`${date} >= w.ws AND ${date} < w.wn`;
  return source.since ? sql`${date} >= ${source.since} AND ${date} < w.wn` : sql`${date} < w.wn`;
}

// A window's days run from ws up to, not including, wn (the day after its end): a datetime on the last day counts.
const windowsTable = (windows: Window[]) => sql`unnest(${arrayLiteral(windows.map((w) => w.start))}::text[], ${arrayLiteral(windows.map((w) => addDays(w.end, 1)))}::text[], ${arrayLiteral(windows.map((_, i) => i))}::int[]) AS w(ws, wn, wi)`;

const mappingTable = (m: Mapping) => sql`unnest(${arrayLiteral(m.unitIds)}::int[], ${arrayLiteral(m.subjectIndexes)}::int[]) AS m(uid, si)`;

/** The ledger periods of a periodic ledger that a window reads, by window index. */
export function itemPeriods(source: ItemsSource, periodType: PeriodType, window: Window): { ids: string[]; latestBy?: string } {
  if (source.timing === 'stock') return { ids: [], latestBy: periodOf(periodType, window.end).id };
  const from = source.timing === 'cumulative' ? (source.since ?? '2000-01-01') : window.start;
  if (from > window.end) return { ids: [] };
  // Only ledger periods wholly inside the range: a week straddling two months belongs to neither.
  return { ids: periodsBetween(periodType, from, window.end).filter((p) => p.start >= from && p.end <= window.end).map((p) => p.id) };
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

// The township condition lets the (township_id, ledger_id) index narrow the scan to the ledgers read.
const idList = (ids: number[]) => sql.join(ids.map((i) => sql`${i}`), sql`, `);
/** The records a task reads; `onlyUnits` narrows them to some units' when a few subjects are recomputed. */
const ledgerCondition = (task: Task, onlyUnits?: number[]) => sql`r.township_id IN (${idList(task.townshipIds)}) AND r.ledger_id IN (${idList(task.ledgerIds)})${
  onlyUnits ? sql` AND r.org_unit_id = ANY(${arrayLiteral(onlyUnits)}::int[])` : sql``}`;

// Sums of float8 carry binary noise (0.1 + 0.2); six decimals are more than any unit here shows.
const toNumber = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Math.round(Number(v) * 1e6) / 1e6);

const STATEMENTS_AT_ONCE = 3;

/**
 * Runs one aggregate statement with room to group and sort in memory: the default 4 MB work_mem spills the
 * groups of a county to disk. SET LOCAL ends with the statement's own transaction.
 */
function aggregateRows(q: Queryable, statement: SQL): Promise<Row[]> {
  return q.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    return queryRows<Row>(tx, statement);
  });
}

async function runLimited(jobs: (() => Promise<void>)[], limit: number) {
  let next = 0;
  const worker = async () => { while (next < jobs.length) await jobs[next++](); };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

/** Columns extracted once per record in the inner query, shared between indicators that read the same thing. */
class Extracts {
  private readonly byKey = new Map<string, string>();
  readonly columns: SQL[] = [];
  add(key: string, expression: SQL): SQL {
    let alias = this.byKey.get(key);
    if (!alias) {
      alias = `x${this.byKey.size}`;
      this.byKey.set(key, alias);
      this.columns.push(sql`${expression} AS ${sql.identifier(alias)}`);
    }
    return sql`x.${sql.identifier(alias)}`;
  }
}

/** The outer aggregate of one records indicator over the inner query's extracted columns. */
function extractedAggregate(source: RecordsSource, ledger: LedgerInfo, extracts: Extracts): SQL {
  const condition = recordsConditions(source, ledger);
  const filter = condition ? sql` FILTER (WHERE ${extracts.add(`c:${JSON.stringify([source.filters, source.statuses])}`, sql`coalesce(${condition}, false)`)})` : sql``;
  const number = (key: string) => extracts.add(`n:${key}`, fieldNumber(key));
  const f = source.field ?? '';
  switch (source.aggregate) {
    case 'count': return sql`count(*)${filter}`;
    case 'distinct': return sql`count(DISTINCT ${extracts.add(`t:${f}`, fieldText(f))})${filter}`;
    case 'sum': case 'min': case 'max': return sql`${sql.raw(source.aggregate)}(${number(f)})${filter}`;
    case 'avg': {
      if (!source.weightField) return sql`avg(${number(f)})${filter}`;
      const [x, w] = [number(f), number(source.weightField)];
      return sql`sum(${x} * ${w})${filter} / nullif(sum(CASE WHEN ${x} IS NOT NULL THEN ${w} END)${filter}, 0)`;
    }
  }
}

/**
 * Windows that do not overlap (a list of months, quarters, days) place a date with one width_bucket lookup
 * instead of a join that compares the date with every window: bounds are the windows' first days and the days
 * after their last, and each bucket maps to its window or, in a gap, to nothing.
 */
function bucketOf(windows: Window[], date: SQL): SQL | null {
  const order = windows.map((w, i) => ({ w, i })).sort((a, b) => a.w.start.localeCompare(b.w.start));
  for (let k = 1; k < order.length; k++) if (order[k].w.start <= order[k - 1].w.end) return null;
  const bounds: string[] = [];
  const map: (number | null)[] = [];
  for (const { w, i } of order) {
    if (bounds.at(-1) !== w.start) {
      if (bounds.length) map.push(null);
      bounds.push(w.start);
    }
    map.push(i);
    bounds.push(addDays(w.end, 1));
  }
  return sql`(${arrayLiteral(map)}::int[])[width_bucket(${date}, ${arrayLiteral(bounds)}::text[])]`;
}

function recordsStatement(batch: Task[], mapping: Mapping, onlyUnits?: number[]): SQL {
  const first = batch[0];
  const source = first.source as RecordsSource;
  const extracts = new Extracts();
  const aggregates = batch.map((task, i) => sql`${extractedAggregate(task.source as RecordsSource, task.ledger, extracts)} AS ${sql.identifier(`v${i}`)}`);
  const windows = first.windows;
  const conditions = [ledgerCondition(first, onlyUnits), sql`r.deleted_at IS NULL`];
  let inner: SQL[] = [sql`r.org_unit_id AS uid`];
  let windowJoin: SQL;
  let windowFilter = sql``;
  if (!source.dateField) {
    windowJoin = sql`CROSS JOIN ${windowsTable(windows)}`;
  } else {
    const date = fieldText(source.dateField);
    const bucket = source.timing === 'flow' ? bucketOf(windows, date) : null;
    // A bucket outside every window is NULL: no range condition in the scan, whose JSONB comparison the planner
    // cannot estimate (it guesses a thousandth of the rows and sorts what a hash would group).
    if (!bucket) {
      const last = addDays(windows.map((w) => w.end).sort().at(-1)!, 1);
      const from = source.timing === 'flow' ? windows.map((w) => w.start).sort()[0] : source.since;
      conditions.push(from ? sql`${date} >= ${from} AND ${date} < ${last}` : sql`${date} < ${last}`);
    }
    if (bucket) {
      inner = [...inner, sql`${bucket} AS wi`];
      windowJoin = sql`CROSS JOIN LATERAL (SELECT x.wi) w`;
      windowFilter = sql`WHERE x.wi IS NOT NULL`;
    } else {
      inner = [...inner, sql`${date} AS d`];
      windowJoin = sql`JOIN ${windowsTable(windows)} ON ${source.timing === 'flow' ? sql`x.d >= w.ws AND x.d < w.wn` : sql`x.d < w.wn`}`;
    }
  }
  // The inner query extracts what the aggregates read, so that joins and sorts carry narrow rows, not the
  // whole JSONB; OFFSET 0 keeps the planner from folding it back in.
  return sql`
    SELECT m.si, w.wi, ${sql.join(aggregates, sql`, `)}
    FROM (SELECT ${sql.join([...inner, ...extracts.columns], sql`, `)} FROM ledger_records r WHERE ${sql.join(conditions, sql` AND `)} OFFSET 0) x
    JOIN ${mappingTable(mapping)} ON m.uid = x.uid
    ${windowJoin}
    ${windowFilter}
    GROUP BY m.si, w.wi`;
}

function itemsStatement(batch: Task[], mapping: Mapping, onlyUnits?: number[]): SQL | null {
  const task = batch[0];
  const source = task.source as ItemsSource;
  const periodType = task.ledger.periodType!;
  const agg = (s: ItemsSource, v: SQL) => (s.aggregate === 'count' ? sql`count(${v})` : sql`${sql.raw(s.aggregate)}(${v})`);
  if (source.timing === 'stock') {
    const item = fieldNumber(source.item);
    const latest = task.windows.map((w) => itemPeriods(source, periodType, w).latestBy!);
    return sql`
      SELECT m.si, x.wi, ${agg(source, sql`x.v`)} AS v0
      FROM (
        SELECT DISTINCT ON (r.org_unit_id, w.wi) r.org_unit_id AS uid, w.wi, ${item} AS v
        FROM ledger_records r
        JOIN unnest(${arrayLiteral(latest)}::text[], ${arrayLiteral(latest.map((_, i) => i))}::int[]) AS w(latest, wi) ON r.period <= w.latest
        WHERE ${ledgerCondition(task, onlyUnits)} AND r.deleted_at IS NULL AND ${item} IS NOT NULL
        ORDER BY r.org_unit_id, w.wi, r.period DESC
      ) x
      JOIN ${mappingTable(mapping)} ON m.uid = x.uid
      GROUP BY m.si, x.wi`;
  }
  const pairs = task.windows.flatMap((w, wi) => itemPeriods(source, periodType, w).ids.map((p) => [p, wi] as const));
  if (pairs.length === 0) return null;
  const items = batch.map((t, i) => sql`${fieldNumber((t.source as ItemsSource).item)} AS ${sql.identifier(`e${i}`)}`);
  const aggregates = batch.map((t, i) => sql`${agg(t.source as ItemsSource, sql`x.${sql.identifier(`e${i}`)}`)} AS ${sql.identifier(`v${i}`)}`);
  const periods = [...new Set(pairs.map((p) => p[0]))];
  return sql`
    SELECT m.si, w.wi, ${sql.join(aggregates, sql`, `)}
    FROM (
      SELECT r.org_unit_id AS uid, r.period, ${sql.join(items, sql`, `)} FROM ledger_records r
      WHERE ${ledgerCondition(task, onlyUnits)} AND r.deleted_at IS NULL AND r.period = ANY(${arrayLiteral(periods)}::text[]) OFFSET 0
    ) x
    JOIN unnest(${arrayLiteral(pairs.map((p) => p[0]))}::text[], ${arrayLiteral(pairs.map((p) => p[1]))}::int[]) AS w(period, wi) ON w.period = x.period
    JOIN ${mappingTable(mapping)} ON m.uid = x.uid
    GROUP BY m.si, w.wi`;
}

export async function computeValues(q: Queryable, request: EngineRequest): Promise<ValueLookup> {
  const catalogs = new Map(request.catalogs.map((c) => [c.townshipId, c]));
  const parsed = new Map<string, FormulaNode>();
  const formulaOf = (source: IndicatorSource) => {
    if (source.type !== 'formula') return null;
    let node = parsed.get(source.formula);
    if (!node) { node = parseFormula(source.formula); parsed.set(source.formula, node); }
    return node;
  };
  const sourcesOf = (key: string) => request.catalogs.flatMap((c) => {
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
      if (task) { task.ledgerIds.push(ledger.id); task.townshipIds.push(townshipId); continue; }
      bySource.set(signature, { key, source, ledgerKey: source.ledger, ledgerIds: [ledger.id], ledger, townshipIds: [townshipId], windows });
    }
    tasks.push(...bySource.values());
  }

  // 3. The unit → subject mapping, shared by every query.
  const mapping: Mapping = { unitIds: [], subjectIndexes: [] };
  request.subjects.forEach((s, i) => { for (const u of s.unitIds) { mapping.unitIds.push(u); mapping.subjectIndexes.push(i); } });

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
        cells[row.si] = aggregate === 'min' ? Math.min(before, value) : aggregate === 'max' ? Math.max(before, value)
          : aggregate === 'avg' ? null : before + value;
      }
    }
  };

  // 3a. Register ledgers: tasks sharing ledger key, townships, date field and windows run as one query.
  const batches = new Map<string, Task[]>();
  for (const task of tasks) {
    if (task.source.type !== 'records') continue;
    const s = task.source;
    const batchKey = JSON.stringify([task.ledgerKey, task.ledgerIds, s.dateField ?? null, s.dateField ? s.timing : null, s.since ?? null, task.windows.map((w) => w.id)]);
    batches.set(batchKey, [...(batches.get(batchKey) ?? []), task]);
  }
  const statements: { batch: Task[]; statement: Statement }[] = [...batches.values()].map((batch) => ({
    batch, statement: { ledgerIds: batch[0].ledgerIds, build: (m, units) => recordsStatement(batch, m, units) },
  }));

  // 3b. Periodic ledgers: the items of one ledger read for the same periods share a query; a stock (each
  //     unit's latest entered period) is one query per item.
  const itemBatches = new Map<string, Task[]>();
  for (const [i, task] of tasks.entries()) {
    if (task.source.type !== 'items' || !task.ledger.periodType) continue;
    const s = task.source;
    // A stock is one statement per task: townships defining the key differently are different tasks.
    const batchKey = s.timing === 'stock' ? `stock:${i}` : JSON.stringify([task.ledgerKey, task.ledgerIds, s.timing, s.since ?? null, task.windows.map((w) => w.id)]);
    itemBatches.set(batchKey, [...(itemBatches.get(batchKey) ?? []), task]);
  }
  for (const batch of itemBatches.values()) {
    statements.push({ batch, statement: { ledgerIds: batch[0].ledgerIds, build: (m, units) => itemsStatement(batch, m, units) } });
  }
  // A few statements at a time: each may run parallel workers, and the machine has few cores.
  const rowsOf = await statementRows(q, statements.map((s) => s.statement), mapping, request.subjects.length,
    (statement) => aggregateRows(q, statement), (jobs) => runLimited(jobs, STATEMENTS_AT_ONCE));
  statements.forEach(({ batch }, n) => batch.forEach((task, i) => merge(task, rowsOf[n], `v${i}`)));

  // Counts and sums over records are 0 where a subject had no rows; everything else stays null (nothing entered).
  const zeroWhenEmpty = new Map<string, Set<number>>();
  for (const task of tasks) {
    if (task.source.type === 'records' && ['count', 'sum', 'distinct'].includes(task.source.aggregate)) {
      zeroWhenEmpty.set(task.key, new Set([...(zeroWhenEmpty.get(task.key) ?? []), ...task.townshipIds]));
    }
  }
  const windowsById = new Map<string, Window>();
  for (const w of request.windows) { windowsById.set(w.id, w); }

  const subjectIndex = new Map(request.subjects.map((s, i) => [s.id, i]));
  // The definition a subject uses: that of the first of its townships defining the key.
  const sources = new Map<string, (IndicatorSource | null)[]>();
  const sourceOf = (key: string, si: number): IndicatorSource | null => {
    let bySubject = sources.get(key);
    if (!bySubject) { bySubject = []; sources.set(key, bySubject); }
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
