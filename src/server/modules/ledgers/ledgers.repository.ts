// SQL for ledgers, their versions and records. Every query is bounded by township_id (DESIGN.md §8).
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import { ledgerRecords, ledgers, ledgerVersions, workLines } from '../../db/schema.js';
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import type { Workflow } from '../../../core/ledger-workflow.js';
import type { PeriodType } from '../../../core/periods.js';

export type LedgerRow = typeof ledgers.$inferSelect;

export interface LedgerListRow {
  key: string;
  name: string;
  kind: LedgerRow['kind'];
  version: number;
  workLineId: number | null;
  workLineName: string | null;
  description: string | null;
  periodType: PeriodType | null;
  builtin: boolean;
  hasWorkflow: boolean;
  records: number;
  fields: FieldDefinition[];
}

export function listLedgers(q: Queryable, townshipId: number) {
  return queryRows<LedgerListRow>(
    q,
    sql`
    SELECT l.key, l.name, l.kind, l.current_version AS version, l.work_line_id AS "workLineId", w.name AS "workLineName",
           l.description, l.period_type AS "periodType", l.builtin, v.workflow IS NOT NULL AS "hasWorkflow", v.fields,
           (SELECT count(*)::int FROM ledger_records r WHERE r.ledger_id = l.id AND r.deleted_at IS NULL) AS records
    FROM ledgers l
    JOIN ledger_versions v ON v.ledger_id = l.id AND v.version = l.current_version
    LEFT JOIN work_lines w ON w.id = l.work_line_id
    WHERE l.township_id = ${townshipId} AND l.deleted_at IS NULL
    ORDER BY l.id`,
  );
}

/** A live ledger as it reads now: the fields and workflow of its current version. */
export interface CurrentLedger {
  id: number;
  townshipId: number;
  key: string;
  name: string;
  kind: 'register' | 'periodic';
  periodType: PeriodType | null;
  fields: Map<string, FieldDefinition>;
  workflow: Workflow | null;
  /** The workflow's state keys; empty without a workflow. */
  workflowStates: string[];
}

/** Every live ledger of the townships with the fields and workflow of its current version. */
export async function ledgerShapes(q: Queryable, townshipIds: number[]): Promise<CurrentLedger[]> {
  if (townshipIds.length === 0) return [];
  const rows = await queryRows<Omit<CurrentLedger, 'fields' | 'workflowStates'> & { fields: FieldDefinition[] }>(
    q,
    sql`
    SELECT l.id, l.township_id AS "townshipId", l.key, l.name, l.kind, l.period_type AS "periodType", v.fields, v.workflow
    FROM ledgers l JOIN ledger_versions v ON v.ledger_id = l.id AND v.version = l.current_version
    WHERE l.township_id IN (${sql.join(
      townshipIds.map((t) => sql`${t}`),
      sql`, `,
    )}) AND l.deleted_at IS NULL`,
  );
  return rows.map((r) => ({ ...r, fields: new Map(r.fields.map((f) => [f.key, f])), workflowStates: r.workflow?.states.map((s) => s.key) ?? [] }));
}

/** A live ledger of the township; with `lock`, held until the transaction ends (serialises unique checks). */
export async function findLedger(q: Queryable, townshipId: number, key: string, lock = false): Promise<LedgerRow | undefined> {
  const base = q
    .select()
    .from(ledgers)
    .where(and(eq(ledgers.townshipId, townshipId), eq(ledgers.key, key), isNull(ledgers.deletedAt)));
  const rows = lock ? await base.for('no key update') : await base;
  return rows[0];
}

export async function findVersion(q: Queryable, ledgerId: number, version: number) {
  const [row] = await q
    .select()
    .from(ledgerVersions)
    .where(and(eq(ledgerVersions.ledgerId, ledgerId), eq(ledgerVersions.version, version)));
  return row;
}

export async function findWorkLine(q: Queryable, townshipId: number, id: number) {
  const [row] = await q
    .select()
    .from(workLines)
    .where(and(eq(workLines.townshipId, townshipId), eq(workLines.id, id), isNull(workLines.deletedAt)));
  return row;
}

export async function insertLedger(q: Queryable, row: typeof ledgers.$inferInsert) {
  const [created] = await q.insert(ledgers).values(row).returning();
  return created;
}

export async function insertVersion(q: Queryable, row: typeof ledgerVersions.$inferInsert) {
  await q.insert(ledgerVersions).values(row);
}

export async function setCurrentVersion(q: Queryable, ledgerId: number, version: number) {
  await q.update(ledgers).set({ currentVersion: version }).where(eq(ledgers.id, ledgerId));
}

/** Whether any record of the ledger (deleted ones too: they can be restored) holds a value for the field. */
export async function fieldHasData(q: Queryable, ledgerId: number, key: string): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    q,
    sql`
    SELECT EXISTS (SELECT 1 FROM ledger_records WHERE ledger_id = ${ledgerId} AND "values" -> ${key} IS NOT NULL) AS found`,
  );
  return rows[0].found;
}

export async function countInStatus(q: Queryable, ledgerId: number, status: string): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    q,
    sql`
    SELECT count(*)::int AS n FROM ledger_records WHERE ledger_id = ${ledgerId} AND status = ${status}`,
  );
  return rows[0].n;
}

export async function setMissingStatus(q: Queryable, ledgerId: number, status: string) {
  await q
    .update(ledgerRecords)
    .set({ status })
    .where(and(eq(ledgerRecords.ledgerId, ledgerId), isNull(ledgerRecords.status)));
}

export interface RecordView {
  id: number;
  orgUnit: { code: string; name: string };
  values: Record<string, unknown>;
  /** Periodic ledgers: the period id. */
  period: string | null;
  /** Ledgers with a workflow: the state key. */
  status: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  deletedAt: string | null;
  /** True when ID numbers or mobiles were masked for this user. */
  masked: boolean;
}

export interface RecordRow {
  id: string | number;
  code: string;
  unitId: number;
  unitName: string;
  unitPath: string;
  values: Record<string, unknown>;
  period: string | null;
  status: string | null;
  version: number;
  createdAt: Date | string;
  updatedAt: Date | string;
  updatedBy: string | null;
  deletedAt: Date | string | null;
}

// Villager groups and grids are named after their village (燕塘村/三组): every village has a 三组.
const SELECT_RECORD = sql`
  SELECT r.id, u.code, u.id AS "unitId",
         CASE u.level WHEN 'group' THEN p.name || '/' || u.name WHEN 'grid' THEN g.name || '/' || p.name || '/' || u.name ELSE u.name END AS "unitName",
         u.path AS "unitPath", r."values", r.period, r.status, r.version,
         r.created_at AS "createdAt", r.updated_at AS "updatedAt", coalesce(us.display_name, us.username) AS "updatedBy",
         r.deleted_at AS "deletedAt"
  FROM ledger_records r
  JOIN org_units u ON u.id = r.org_unit_id
  LEFT JOIN org_units p ON p.id = u.parent_id
  LEFT JOIN org_units g ON g.id = p.parent_id
  LEFT JOIN users us ON us.id = r.updated_by`;

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export function toView(row: RecordRow): RecordView {
  return {
    id: Number(row.id),
    orgUnit: { code: row.code, name: row.unitName },
    values: row.values,
    period: row.period,
    status: row.status,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    updatedBy: row.updatedBy,
    deletedAt: row.deletedAt == null ? null : iso(row.deletedAt),
    masked: false,
  };
}

export async function findRecord(q: Queryable, townshipId: number, ledgerId: number, id: number) {
  const rows = await queryRows<RecordRow>(
    q,
    sql`${SELECT_RECORD}
    WHERE r.township_id = ${townshipId} AND r.ledger_id = ${ledgerId} AND r.id = ${id}`,
  );
  return rows[0];
}

export interface RecordFilter {
  townshipId: number;
  ledgerId: number;
  /** Materialised paths of the subtrees the user may read (and asked for). */
  scopePaths: string[];
  deleted: boolean;
  search?: string;
  status?: string;
  period?: string;
  /** Field filters already checked against the ledger's fields; personal ones by their keyed hashes. */
  fields: { key: string; type: string; value: string; hashes?: string[] }[];
}

const NUMERIC = new Set(['integer', 'decimal']);
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, '\\$&')}%`;

/** `from..to` with either end optional, or one value meaning both ends. */
function rangeOf(value: string): [string | undefined, string | undefined] {
  if (!value.includes('..')) return [value, value];
  const [from, to] = value.split('..');
  return [from || undefined, to || undefined];
}

const hashList = (hashes: string[]) =>
  sql.join(
    hashes.map((h) => sql`${h}`),
    sql`, `,
  );

function fieldCondition(f: RecordFilter['fields'][number]): SQL {
  // Personal values are stored encrypted: an exact value is found by its keyed hash under any key still in use.
  if (f.hashes) return sql`(r.personal_hashes ->> ${f.key}) IN (${hashList(f.hashes)})`;
  const text = sql`(r."values" ->> ${f.key})`;
  if (NUMERIC.has(f.type) || f.type === 'date' || f.type === 'datetime') {
    const [from, to] = rangeOf(f.value);
    const value = NUMERIC.has(f.type) ? sql`${text}::numeric` : sql`left(${text}, 10)`;
    const bound = (end: string) => (NUMERIC.has(f.type) ? Number(end) : end);
    // the service refuses a range open at both ends; an empty condition here would be broken SQL
    return sql.join(
      [
        sql`${text} IS NOT NULL`,
        ...(from !== undefined ? [sql`${value} >= ${bound(from)}`] : []),
        ...(to !== undefined ? [sql`${value} <= ${bound(to)}`] : []),
      ],
      sql` AND `,
    );
  }
  if (f.type === 'multichoice') return sql`r."values" -> ${f.key} @> ${JSON.stringify([f.value])}::jsonb`;
  if (f.type === 'boolean') return sql`${text} = ${String(f.value === '是' || f.value === 'true')}`;
  if (f.type === 'text' || f.type === 'longtext') return sql`${text} ILIKE ${likePattern(f.value)}`;
  return sql`${text} = ${f.value}`;
}

export function recordConditions(filter: RecordFilter): SQL {
  const conditions: SQL[] = [
    sql`r.township_id = ${filter.townshipId}`,
    sql`r.ledger_id = ${filter.ledgerId}`,
    filter.deleted ? sql`r.deleted_at IS NOT NULL` : sql`r.deleted_at IS NULL`,
    // no scope at all reads nothing (an empty OR would be broken SQL)
    filter.scopePaths.length
      ? sql`(${sql.join(
          filter.scopePaths.map((p) => sql`u.path LIKE ${`${p}%`}`),
          sql` OR `,
        )})`
      : sql`false`,
  ];
  if (filter.search) conditions.push(sql`r.search_text LIKE ${likePattern(filter.search.toLowerCase())}`);
  if (filter.status) conditions.push(sql`r.status = ${filter.status}`);
  if (filter.period) conditions.push(sql`r.period = ${filter.period}`);
  for (const f of filter.fields) conditions.push(fieldCondition(f));
  return sql.join(conditions, sql` AND `);
}

export type RecordSort = { by: 'id' | 'updatedAt' | 'createdAt' | 'orgUnit' | 'period' | 'status' } | { by: 'field'; key: string; numeric: boolean };

function orderBy(sort: RecordSort, order: 'asc' | 'desc'): SQL {
  const dir = order === 'asc' ? sql`ASC` : sql`DESC`;
  const column = {
    id: sql`r.id`,
    updatedAt: sql`r.updated_at`,
    createdAt: sql`r.created_at`,
    orgUnit: sql`u.code`,
    period: sql`r.period`,
    status: sql`r.status`,
  };
  const expr =
    sort.by === 'field' ? (sort.numeric ? sql`(r."values" ->> ${sort.key})::numeric` : sql`(r."values" ->> ${sort.key})`) : column[sort.by];
  return sql`${expr} ${dir} NULLS LAST, r.id ${dir}`;
}

export async function listRecords(
  q: Queryable,
  filter: RecordFilter,
  sort: RecordSort,
  order: 'asc' | 'desc',
  page: number,
  pageSize: number,
  sumKeys: string[],
) {
  const where = recordConditions(filter);
  const rows = await queryRows<RecordRow>(
    q,
    sql`${SELECT_RECORD} WHERE ${where}
    ORDER BY ${orderBy(sort, order)} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const sums = sumKeys.map((key, i) => sql`, sum((r."values" ->> ${key})::numeric)::text AS ${sql.raw(`s${i}`)}`);
  // Summed as numeric, which does not overflow, and read as text: a float8 sum of two huge values once made the
  // whole list fail. A total past what a double holds is left out rather than shown as Infinity.
  const [aggregate] = await queryRows<Record<string, number | string | null>>(
    q,
    sql`
    SELECT count(*)::int AS total ${sql.join(sums, sql``)}
    FROM ledger_records r JOIN org_units u ON u.id = r.org_unit_id WHERE ${where}`,
  );
  const totals = Object.fromEntries(
    sumKeys.flatMap((key, i) => {
      const sum = Number(aggregate[`s${i}`] ?? 0);
      return Number.isFinite(sum) ? [[key, sum]] : [];
    }),
  );
  return { rows, total: aggregate.total as number, totals };
}

/** Every record of the filter, in list order, for exports; bounded by `limit`. */
export function allRecords(q: Queryable, filter: RecordFilter, sort: RecordSort, order: 'asc' | 'desc', limit: number) {
  return queryRows<RecordRow>(q, sql`${SELECT_RECORD} WHERE ${recordConditions(filter)} ORDER BY ${orderBy(sort, order)} LIMIT ${limit}`);
}

/** Live records of the ledger holding the value in the field, other than `exceptId`. */
export interface ValueHolder {
  id: number;
  unitName: string;
  unitPath: string;
}

/** A live record of the ledger holding the value (a personal one: under one of its keyed hashes), with its unit, if any. */
export async function valueHolder(
  q: Queryable,
  townshipId: number,
  ledgerId: number,
  key: string,
  value: unknown,
  exceptId?: number,
  hashes?: string[],
) {
  const holds = hashes ? sql`(r.personal_hashes ->> ${key}) IN (${hashList(hashes)})` : sql`r."values" @> ${JSON.stringify({ [key]: value })}::jsonb`;
  const rows = await queryRows<ValueHolder>(
    q,
    sql`
    SELECT r.id::int AS id, u.name AS "unitName", u.path AS "unitPath" FROM ledger_records r JOIN org_units u ON u.id = r.org_unit_id
    WHERE r.township_id = ${townshipId} AND r.ledger_id = ${ledgerId} AND r.deleted_at IS NULL
      AND ${holds} ${exceptId ? sql`AND r.id <> ${exceptId}` : sql``}
    LIMIT 1`,
  );
  return rows[0] as ValueHolder | undefined;
}

export async function insertRecord(q: Queryable, row: typeof ledgerRecords.$inferInsert) {
  const [created] = await q.insert(ledgerRecords).values(row).returning({ id: ledgerRecords.id });
  return created.id;
}

/** The optimistic-lock update: changes the row only if nobody changed it since `expectedVersion`. */
export async function updateRecordValues(
  q: Queryable,
  id: number,
  expectedVersion: number,
  change: {
    values?: Record<string, unknown>;
    personalHashes?: Record<string, string>;
    searchText?: string;
    status?: string;
    definitionVersion?: number;
  },
  userId: number | null,
): Promise<boolean> {
  const rows = await q
    .update(ledgerRecords)
    .set({ ...change, version: sql`${ledgerRecords.version} + 1`, updatedBy: userId, updatedAt: new Date() })
    .where(and(eq(ledgerRecords.id, id), eq(ledgerRecords.version, expectedVersion), isNull(ledgerRecords.deletedAt)))
    .returning({ id: ledgerRecords.id });
  return rows.length === 1;
}

export async function setDeleted(q: Queryable, id: number, userId: number | null, deleted: boolean) {
  await q
    .update(ledgerRecords)
    .set(
      deleted
        ? { deletedAt: new Date(), deletedBy: userId }
        : { deletedAt: null, deletedBy: null, updatedBy: userId, updatedAt: new Date(), version: sql`${ledgerRecords.version} + 1` },
    )
    .where(eq(ledgerRecords.id, id));
}

export function recordHistory(q: Queryable, townshipId: number, id: number) {
  return queryRows<{ action: string; at: Date | string; username: string | null; before: unknown; after: unknown }>(
    q,
    sql`
    SELECT action, at, username, before, after FROM audit_log
    WHERE township_id = ${townshipId} AND entity = 'ledger_record' AND entity_id = ${String(id)}
    ORDER BY id`,
  );
}

/** Whether another live record holds the unit's period (before restoring a deleted one). */
export async function periodTaken(q: Queryable, ledgerId: number, unitPath: string, period: string, exceptId: number) {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`
    SELECT r.id FROM ledger_records r JOIN org_units u ON u.id = r.org_unit_id
    WHERE r.ledger_id = ${ledgerId} AND u.path = ${unitPath} AND r.period = ${period} AND r.deleted_at IS NULL AND r.id <> ${exceptId}
    LIMIT 1`,
  );
  return rows.length > 0;
}

/**
 * A value of the field held by more than one live record, if any (before a field is made unique). Personal values
 * are compared by their keyed hashes (the value answered is then one holder's, still encrypted).
 */
export async function duplicateValue(q: Queryable, ledgerId: number, key: string, personal = false): Promise<unknown> {
  const compared = personal ? sql`coalesce(personal_hashes -> ${key}, "values" -> ${key})` : sql`"values" -> ${key}`;
  const rows = await queryRows<{ value: unknown }>(
    q,
    sql`
    SELECT min("values" ->> ${key}) AS value FROM ledger_records
    WHERE ledger_id = ${ledgerId} AND deleted_at IS NULL AND "values" -> ${key} IS NOT NULL
    GROUP BY ${compared} HAVING count(*) > 1 LIMIT 1`,
  );
  return rows[0]?.value;
}

/**
 * The personal-data fields (ID numbers, mobiles) of the ledgers of the given records, over every version of each
 * ledger, so that an old snapshot of a record is masked by the fields it had then as well.
 */
export async function personalFieldsOfRecords(q: Queryable, recordIds: number[]): Promise<Map<number, { key: string; type: string }[]>> {
  const byRecord = new Map<number, { key: string; type: string }[]>();
  if (recordIds.length === 0) return byRecord;
  const rows = await queryRows<{ id: string; key: string; type: string }>(
    q,
    sql`
    SELECT DISTINCT r.id, f ->> 'key' AS key, f ->> 'type' AS type
    FROM ledger_records r JOIN ledger_versions v ON v.ledger_id = r.ledger_id CROSS JOIN LATERAL jsonb_array_elements(v.fields) f
    WHERE r.id IN (${sql.join(
      recordIds.map((id) => sql`${id}`),
      sql`, `,
    )}) AND f ->> 'type' IN ('idcard', 'mobile')`,
  );
  for (const r of rows) byRecord.set(Number(r.id), [...(byRecord.get(Number(r.id)) ?? []), { key: r.key, type: r.type }]);
  return byRecord;
}
