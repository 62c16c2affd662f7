// Aggregates over ledger records, for the indicator engine: sums, counts, distinct counts, averages, minima and
// maxima of the records of some ledgers, with filters, per subject (a group of org units) and per window (a range of
// days or of ledger periods). The caller decides what to compute; this file decides how to read it fast. Each
// statement answers rows (si, wi, v0, v1, …): subject index, window index, one column per aggregate asked for.
//
// Why the statements look as they do (docs/benchmarks.md, "Indicator values"): an inner query (OFFSET 0) extracts
// each field and condition once, so joins and sorts carry narrow rows rather than the JSONB; windows that do not
// overlap place a record with one width_bucket lookup instead of a join comparing its date with every window; units
// map to subjects by a join on unnest(unit ids, subject indexes), so aggregates are taken over the rows of a whole
// subtree, never summed from its children's.
import { sql, type SQL } from 'drizzle-orm';
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import { PERSONAL_FIELD_TYPES } from '../../../core/masking.js';
import type { IndicatorFilter, ItemsSource, RecordsSource } from '../../../core/indicators.js';
import { addDays, type DateRange } from '../../../core/periods.js';
import { arrayLiteral } from '../../db/array-literal.js';
import { queryRows, type Queryable } from '../../db/connection.js';

/** Which org units make up each subject (by index): what the aggregates group by. */
export interface UnitMapping {
  unitIds: number[];
  subjectIndexes: number[];
}

/** One row of an aggregate statement: subject index, window index and the columns v0, v1, … */
export type AggregateRow = { si: number; wi: number } & Record<string, number | string | null>;

/** The records read: the live records of these ledgers, in these townships (whose index narrows the scan). */
export interface LedgerSelection {
  townshipIds: number[];
  ledgerIds: number[];
}

/** What one column aggregates: a field of the records that pass its filters and workflow states. */
export type RecordsAggregate = Pick<RecordsSource, 'aggregate' | 'field' | 'weightField' | 'filters' | 'statuses'>;

/** How a record's date field places it in a window: inside it (flow), or up to its end, from `since` on (stock). */
export type RecordDating = Pick<RecordsSource, 'dateField' | 'timing' | 'since'>;

/** Aggregates of a register ledger's records per subject and window; the columns share one scan. */
export interface RecordsAggregation extends LedgerSelection, RecordDating {
  /** The ledger's fields, by key: numeric fields compare as numbers in filters. */
  fields: ReadonlyMap<string, FieldDefinition>;
  windows: DateRange[];
  columns: RecordsAggregate[];
}

/** Aggregates of a periodic ledger's items over the periods each window reads; the columns share one scan. */
export interface ItemsAggregation extends LedgerSelection {
  columns: Pick<ItemsSource, 'item' | 'aggregate'>[];
  /** Pairs of a ledger period and the index of a window that reads it. */
  periods: (readonly [string, number])[];
}

/** One aggregate of each unit's latest entered value of an item up to a period, per window. */
export interface LatestItemAggregation extends LedgerSelection, Pick<ItemsSource, 'item' | 'aggregate'> {
  /** By window index: the last ledger period the window reads. */
  latestBy: string[];
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
    case 'eq':
      return sql`${json} = ${one(filter.value)}`;
    case 'ne':
      return sql`${json} IS DISTINCT FROM ${one(filter.value)}`;
    case 'in':
      return sql`${json} IN (${sql.join((filter.value as unknown[]).map(one), sql`, `)})`;
    case 'notIn':
      return sql`(${json} IS NULL OR ${json} NOT IN (${sql.join((filter.value as unknown[]).map(one), sql`, `)}))`;
    case 'gt':
      return compare('>');
    case 'gte':
      return compare('>=');
    case 'lt':
      return compare('<');
    case 'lte':
      return compare('<=');
    case 'empty':
      return empty;
    case 'notEmpty':
      return sql`NOT ${empty}`;
    case 'contains':
      return field?.type === 'multichoice'
        ? sql`${json} @> ${JSON.stringify([filter.value])}::jsonb`
        : sql`strpos(${fieldText(filter.field)}, ${String(filter.value)}) > 0`;
  }
}

/** The conditions of an aggregate other than its window: filters and workflow states (records aliased r). */
export function recordConditions(column: Pick<RecordsAggregate, 'filters' | 'statuses'>, fields: ReadonlyMap<string, FieldDefinition>): SQL | null {
  const parts = (column.filters ?? []).map((f) => filterSql(f, fields.get(f.field)));
  if (column.statuses?.length)
    parts.push(
      sql`r.status IN (${sql.join(
        column.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  return parts.length
    ? sql.join(
        parts.map((p) => sql`(${p})`),
        sql` AND `,
      )
    : null;
}

/** The date condition placing a record in window w (aliased w(ws, wn): first day, day after the last). */
export function recordWindowCondition(dating: RecordDating): SQL | null {
  if (!dating.dateField) return null;
  const date = fieldText(dating.dateField);
  if (dating.timing === 'flow') return sql`${date} >= w.ws AND ${date} < w.wn`;
  return dating.since ? sql`${date} >= ${dating.since} AND ${date} < w.wn` : sql`${date} < w.wn`;
}

// A window's days run from ws up to, not including, wn (the day after its end): a datetime on the last day counts.
const windowsTable = (windows: DateRange[]) =>
  sql`unnest(${arrayLiteral(windows.map((w) => w.start))}::text[], ${arrayLiteral(windows.map((w) => addDays(w.end, 1)))}::text[], ${arrayLiteral(windows.map((_, i) => i))}::int[]) AS w(ws, wn, wi)`;

const mappingTable = (m: UnitMapping) => sql`unnest(${arrayLiteral(m.unitIds)}::int[], ${arrayLiteral(m.subjectIndexes)}::int[]) AS m(uid, si)`;

// The township condition lets the (township_id, ledger_id) index narrow the scan to the ledgers read.
const idList = (ids: number[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
/** The records read; `onlyUnits` narrows them to some units' when a few subjects are recomputed. */
const selectionCondition = (selection: LedgerSelection, onlyUnits?: number[]) =>
  sql`r.township_id IN (${idList(selection.townshipIds)}) AND r.ledger_id IN (${idList(selection.ledgerIds)})${
    onlyUnits ? sql` AND r.org_unit_id = ANY(${arrayLiteral(onlyUnits)}::int[])` : sql``
  }`;

/**
 * Runs one aggregate statement with room to group and sort in memory: the default 4 MB work_mem spills the
 * groups of a county to disk. SET LOCAL ends with the statement's own transaction.
 */
export function aggregateRows(q: Queryable, statement: SQL): Promise<AggregateRow[]> {
  return q.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL work_mem = '64MB'`);
    return queryRows<AggregateRow>(tx, statement);
  });
}

/** Columns extracted once per record in the inner query, shared between aggregates that read the same thing. */
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

/** The outer aggregate of one column over the inner query's extracted columns. */
function extractedAggregate(column: RecordsAggregate, fields: ReadonlyMap<string, FieldDefinition>, extracts: Extracts): SQL {
  const condition = recordConditions(column, fields);
  const filter = condition
    ? sql` FILTER (WHERE ${extracts.add(`c:${JSON.stringify([column.filters, column.statuses])}`, sql`coalesce(${condition}, false)`)})`
    : sql``;
  const number = (key: string) => extracts.add(`n:${key}`, fieldNumber(key));
  const f = column.field ?? '';
  switch (column.aggregate) {
    case 'count':
      return sql`count(*)${filter}`;
    case 'distinct': {
      // ID numbers and mobiles are stored encrypted (a new random IV each): counted by their keyed hashes, which
      // are equal for equal values under one key (a plain value not yet encrypted counts by itself).
      const personal = fields.get(f) && PERSONAL_FIELD_TYPES.has(fields.get(f)!.type);
      const text = personal ? sql`coalesce(r.personal_hashes->>${f}, ${fieldText(f)})` : fieldText(f);
      return sql`count(DISTINCT ${extracts.add(`t:${f}`, text)})${filter}`;
    }
    case 'sum':
    case 'min':
    case 'max':
      return sql`${sql.raw(column.aggregate)}(${number(f)})${filter}`;
    case 'avg': {
      if (!column.weightField) return sql`avg(${number(f)})${filter}`;
      const [x, w] = [number(f), number(column.weightField)];
      return sql`sum(${x} * ${w})${filter} / nullif(sum(CASE WHEN ${x} IS NOT NULL THEN ${w} END)${filter}, 0)`;
    }
  }
}

/**
 * Windows that do not overlap (a list of months, quarters, days) place a date with one width_bucket lookup
 * instead of a join that compares the date with every window: bounds are the windows' first days and the days
 * after their last, and each bucket maps to its window or, in a gap, to nothing.
 */
function bucketOf(windows: DateRange[], date: SQL): SQL | null {
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

/** The statement of a register ledger's aggregates: one scan, one FILTERed column per aggregate. */
export function recordsAggregateStatement(a: RecordsAggregation, mapping: UnitMapping, onlyUnits?: number[]): SQL {
  const extracts = new Extracts();
  const aggregates = a.columns.map((column, i) => sql`${extractedAggregate(column, a.fields, extracts)} AS ${sql.identifier(`v${i}`)}`);
  const windows = a.windows;
  const conditions = [selectionCondition(a, onlyUnits), sql`r.deleted_at IS NULL`];
  let inner: SQL[] = [sql`r.org_unit_id AS uid`];
  let windowJoin: SQL;
  let windowFilter = sql``;
  if (!a.dateField) {
    windowJoin = sql`CROSS JOIN ${windowsTable(windows)}`;
  } else {
    const date = fieldText(a.dateField);
    const bucket = a.timing === 'flow' ? bucketOf(windows, date) : null;
    // A bucket outside every window is NULL: no range condition in the scan, whose JSONB comparison the planner
    // cannot estimate (it guesses a thousandth of the rows and sorts what a hash would group).
    if (!bucket) {
      const last = addDays(
        windows
          .map((w) => w.end)
          .sort()
          .at(-1)!,
        1,
      );
      const from = a.timing === 'flow' ? windows.map((w) => w.start).sort()[0] : a.since;
      conditions.push(from ? sql`${date} >= ${from} AND ${date} < ${last}` : sql`${date} < ${last}`);
    }
    if (bucket) {
      inner = [...inner, sql`${bucket} AS wi`];
      windowJoin = sql`CROSS JOIN LATERAL (SELECT x.wi) w`;
      windowFilter = sql`WHERE x.wi IS NOT NULL`;
    } else {
      inner = [...inner, sql`${date} AS d`];
      windowJoin = sql`JOIN ${windowsTable(windows)} ON ${a.timing === 'flow' ? sql`x.d >= w.ws AND x.d < w.wn` : sql`x.d < w.wn`}`;
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

const itemAggregate = (aggregate: ItemsSource['aggregate'], v: SQL) => (aggregate === 'count' ? sql`count(${v})` : sql`${sql.raw(aggregate)}(${v})`);

/** The statement of a periodic ledger's items over the periods each window reads (one scan for all items). */
export function itemsAggregateStatement(a: ItemsAggregation, mapping: UnitMapping, onlyUnits?: number[]): SQL {
  const items = a.columns.map((c, i) => sql`${fieldNumber(c.item)} AS ${sql.identifier(`e${i}`)}`);
  const aggregates = a.columns.map((c, i) => sql`${itemAggregate(c.aggregate, sql`x.${sql.identifier(`e${i}`)}`)} AS ${sql.identifier(`v${i}`)}`);
  const periods = [...new Set(a.periods.map((p) => p[0]))];
  return sql`
    SELECT m.si, w.wi, ${sql.join(aggregates, sql`, `)}
    FROM (
      SELECT r.org_unit_id AS uid, r.period, ${sql.join(items, sql`, `)} FROM ledger_records r
      WHERE ${selectionCondition(a, onlyUnits)} AND r.deleted_at IS NULL AND r.period = ANY(${arrayLiteral(periods)}::text[]) OFFSET 0
    ) x
    JOIN unnest(${arrayLiteral(a.periods.map((p) => p[0]))}::text[], ${arrayLiteral(a.periods.map((p) => p[1]))}::int[]) AS w(period, wi) ON w.period = x.period
    JOIN ${mappingTable(mapping)} ON m.uid = x.uid
    GROUP BY m.si, w.wi`;
}

/** The statement of an item's stock: each unit's latest entered value up to each window's last period. */
export function latestItemAggregateStatement(a: LatestItemAggregation, mapping: UnitMapping, onlyUnits?: number[]): SQL {
  const item = fieldNumber(a.item);
  return sql`
      SELECT m.si, x.wi, ${itemAggregate(a.aggregate, sql`x.v`)} AS v0
      FROM (
        SELECT DISTINCT ON (r.org_unit_id, w.wi) r.org_unit_id AS uid, w.wi, ${item} AS v
        FROM ledger_records r
        JOIN unnest(${arrayLiteral(a.latestBy)}::text[], ${arrayLiteral(a.latestBy.map((_, i) => i))}::int[]) AS w(latest, wi) ON r.period <= w.latest
        WHERE ${selectionCondition(a, onlyUnits)} AND r.deleted_at IS NULL AND ${item} IS NOT NULL
        ORDER BY r.org_unit_id, w.wi, r.period DESC
      ) x
      JOIN ${mappingTable(mapping)} ON m.uid = x.uid
      GROUP BY m.si, x.wi`;
}
