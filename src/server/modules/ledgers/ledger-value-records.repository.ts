// The records behind an aggregate value ("这个数怎么来的"): the rows an aggregate of ledger-aggregates.repository.ts
// read for one group of units and one window, under the same conditions, with their unit's name and who entered
// them. Callers shape them (masking, labels); nothing here decides what may be shown.
import { sql, type SQL } from 'drizzle-orm';
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import { addDays, type DateRange } from '../../../core/periods.js';
import { queryRows, type Queryable } from '../../db/connection.js';
import { recordConditions, recordWindowCondition, type RecordDating, type RecordsAggregate } from './ledger-aggregates.repository.js';

interface Behind {
  ledgerId: number;
  /** The units whose records count (a subject's). */
  unitIds: number[];
}

/** Which records a value read: register records in a window, entered items of some periods, or latest entries. */
export type ValueRecordsQuery = Behind &
  (
    | {
        kind: 'records';
        window: DateRange;
        dating: RecordDating;
        conditions: Pick<RecordsAggregate, 'filters' | 'statuses'>;
        fields: ReadonlyMap<string, FieldDefinition>;
      }
    | { kind: 'items'; item: string; periods: string[] }
    /** Each unit's latest period up to `latestBy` with the item entered. */
    | { kind: 'latestItem'; item: string; latestBy: string }
  );

export interface ValueRecord {
  id: string | number;
  code: string;
  unitName: string;
  values: Record<string, unknown>;
  period: string | null;
  status: string | null;
  createdBy: string | null;
  createdAt: Date | string;
  updatedBy: string | null;
  updatedAt: Date | string;
}

const UNIT_NAME = sql`CASE u.level WHEN 'group' THEN p.name || '/' || u.name WHEN 'grid' THEN gp.name || '/' || p.name || '/' || u.name ELSE u.name END`;
const UNIT_JOINS = sql`JOIN org_units u ON u.id = r.org_unit_id LEFT JOIN org_units p ON p.id = u.parent_id LEFT JOIN org_units gp ON gp.id = p.parent_id`;
const idList = (ids: number[]) =>
  sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );

/** FROM, WHERE and ORDER BY of the records behind a value. */
function plan(query: ValueRecordsQuery): { from: SQL; where: SQL; order: SQL } {
  const units = query.unitIds.length ? idList(query.unitIds) : sql`NULL`;
  const base = sql`r.ledger_id = ${query.ledgerId} AND r.deleted_at IS NULL AND r.org_unit_id IN (${units})`;
  if (query.kind === 'records') {
    const windowTable = sql`(SELECT ${query.window.start}::text AS ws, ${addDays(query.window.end, 1)}::text AS wn) w`;
    const conditions = [base, recordWindowCondition(query.dating), recordConditions(query.conditions, query.fields)].filter(
      (c): c is SQL => c !== null,
    );
    return {
      from: sql`ledger_records r ${UNIT_JOINS} CROSS JOIN ${windowTable}`,
      where: sql.join(conditions, sql` AND `),
      order: query.dating.dateField ? sql`r.values->>${query.dating.dateField} DESC, r.id DESC` : sql`r.id DESC`,
    };
  }
  const item = sql`nullif(r.values->>${query.item}, '')`;
  if (query.kind === 'latestItem') {
    return {
      from: sql`ledger_records r ${UNIT_JOINS}`,
      where: sql`${base} AND ${item} IS NOT NULL AND r.period = (
        SELECT max(r2.period) FROM ledger_records r2 WHERE r2.ledger_id = r.ledger_id AND r2.org_unit_id = r.org_unit_id
          AND r2.deleted_at IS NULL AND r2.period <= ${query.latestBy} AND nullif(r2.values->>${query.item}, '') IS NOT NULL)`,
      order: sql`u.code, r.period DESC`,
    };
  }
  const list = query.periods.length
    ? sql.join(
        query.periods.map((p) => sql`${p}`),
        sql`, `,
      )
    : sql`NULL`;
  return {
    from: sql`ledger_records r ${UNIT_JOINS}`,
    where: sql`${base} AND ${item} IS NOT NULL AND r.period IN (${list})`,
    order: sql`r.period DESC, u.code`,
  };
}

export async function countRecordsBehindValue(q: Queryable, query: ValueRecordsQuery): Promise<number> {
  const { from, where } = plan(query);
  const [{ total }] = await queryRows<{ total: number }>(q, sql`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`);
  return total;
}

/** A page of the records behind a value, newest first (records by their date, items by period). */
export function recordsBehindValue(q: Queryable, query: ValueRecordsQuery, limit: number, offset: number): Promise<ValueRecord[]> {
  const { from, where, order } = plan(query);
  return queryRows<ValueRecord>(
    q,
    sql`
    SELECT r.id, u.code, ${UNIT_NAME} AS "unitName", r.values, r.period, r.status,
           coalesce(cu.display_name, cu.username) AS "createdBy", r.created_at AS "createdAt",
           coalesce(uu.display_name, uu.username) AS "updatedBy", r.updated_at AS "updatedAt"
    FROM ${from}
    LEFT JOIN users cu ON cu.id = r.created_by LEFT JOIN users uu ON uu.id = r.updated_by
    WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`,
  );
}
