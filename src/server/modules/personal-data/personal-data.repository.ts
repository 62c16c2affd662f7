// SQL of the personal-data steps: finding records and audit entries whose personal values are plain or sealed
// under another key than the current one, and writing them back re-sealed, in batches.
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';

/** Every ledger with personal fields in any of its versions, with those fields (keys and types). */
export async function personalLedgers(q: Queryable): Promise<{ ledgerId: number; fields: { key: string; type: string }[] }[]> {
  const rows = await queryRows<{ ledgerId: number; key: string; type: string }>(
    q,
    sql`
    SELECT DISTINCT v.ledger_id AS "ledgerId", f ->> 'key' AS key, f ->> 'type' AS type
    FROM ledger_versions v CROSS JOIN LATERAL jsonb_array_elements(v.fields) f
    WHERE f ->> 'type' IN ('idcard', 'mobile') ORDER BY 1, 2`,
  );
  const byLedger = new Map<number, { key: string; type: string }[]>();
  for (const r of rows) byLedger.set(r.ledgerId, [...(byLedger.get(r.ledgerId) ?? []), { key: r.key, type: r.type }]);
  return [...byLedger].map(([ledgerId, fields]) => ({ ledgerId, fields }));
}

/** The condition on a text that is not yet in its final form: plain (`enc:` absent) or sealed under another key. */
const stale = (text: SQL, currentPrefix: string | null) =>
  currentPrefix ? sql`(${text} <> '' AND ${text} NOT LIKE ${`${currentPrefix}%`})` : sql`(${text} <> '' AND ${text} NOT LIKE 'enc:%')`;

export interface StoredRecord {
  id: number;
  version: number;
  values: Record<string, unknown>;
}

/**
 * Up to `limit` records of the ledger after `afterId` with a personal value to (re)seal. `currentPrefix`:
 * `enc:v1:<current key id>:` when re-encrypting under a new key; null when only plain values are sealed.
 */
export function staleRecords(q: Queryable, ledgerId: number, keys: string[], currentPrefix: string | null, afterId: number, limit: number) {
  const any = sql.join(
    keys.map((k) => stale(sql`coalesce(r."values" ->> ${k}, '')`, currentPrefix)),
    sql` OR `,
  );
  return queryRows<StoredRecord>(
    q,
    sql`
    SELECT r.id::bigint::float8 AS id, r.version, r."values" FROM ledger_records r
    WHERE r.ledger_id = ${ledgerId} AND r.id > ${afterId} AND (${any})
    ORDER BY r.id LIMIT ${limit}`,
  );
}

/** Writes a record's re-sealed values, unless it changed since it was read (it is then taken by the next pass). */
export async function resealRecord(q: Queryable, row: StoredRecord, values: Record<string, unknown>, hashes: Record<string, string>) {
  const rows = await queryRows<{ id: number }>(
    q,
    sql`
    UPDATE ledger_records SET "values" = ${JSON.stringify(values)}::jsonb, personal_hashes = personal_hashes || ${JSON.stringify(hashes)}::jsonb
    WHERE id = ${row.id} AND version = ${row.version} RETURNING id`,
  );
  return rows.length === 1;
}

export interface StoredEntry {
  id: number;
  entity: string;
  entityId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** Audit entries after `afterId` that may hold plain personal values: a record's snapshots, a personal export's filter. */
export function entriesToSeal(q: Queryable, afterId: number, limit: number) {
  return queryRows<StoredEntry>(
    q,
    sql`
    SELECT id::float8 AS id, entity, entity_id AS "entityId", action, before, after FROM audit_log
    WHERE id > ${afterId} AND (entity = 'ledger_record' OR action = 'ledger.export_personal')
    ORDER BY id LIMIT ${limit}`,
  );
}

/** Audit entries after `afterId` holding a value sealed under another key than `keyId`. */
export function entriesUnderOtherKeys(q: Queryable, keyId: string, afterId: number, limit: number) {
  const other = `enc:v1:(?!${keyId}:)`;
  return queryRows<StoredEntry>(
    q,
    sql`
    SELECT id::float8 AS id, entity, entity_id AS "entityId", action, before, after FROM audit_log
    WHERE id > ${afterId} AND (before::text ~ ${other} OR after::text ~ ${other})
    ORDER BY id LIMIT ${limit}`,
  );
}

/**
 * Rewrites the snapshots of audit entries, in one transaction that tells the append-only trigger (migration 0015)
 * this is the re-encryption step: it lets an UPDATE through only when no column but before/after changes.
 */
export async function resealEntries(q: Queryable, entries: { id: number; before: unknown; after: unknown }[]) {
  if (entries.length === 0) return;
  await q.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('zhenwu.audit_reencrypt', 'on', true)`);
    for (const e of entries) {
      await tx.execute(sql`
        UPDATE audit_log SET before = ${e.before == null ? null : JSON.stringify(e.before)}::jsonb,
                             after = ${e.after == null ? null : JSON.stringify(e.after)}::jsonb
        WHERE id = ${e.id}`);
    }
  });
}

/** The ledger of each record, by record id as text (an audit entry's entity id). */
export async function ledgersOfRecords(q: Queryable, ids: number[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: string; ledgerId: number }>(
    q,
    sql`SELECT id::text AS id, ledger_id AS "ledgerId" FROM ledger_records WHERE id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [r.id, r.ledgerId]));
}

/** Whether the one-time sealing of old audit entries has run (it records itself in the log). */
export async function auditSealed(q: Queryable): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    q,
    sql`SELECT EXISTS (SELECT 1 FROM audit_log WHERE entity = 'personal_data' AND entity_id = 'v1' AND action = 'personal_data.encrypt') AS found`,
  );
  return rows[0].found;
}

/** The ids of the keys that sealed values still name, in records and in the audit log. */
export async function keyIdsInUse(q: Queryable): Promise<Set<string>> {
  const rows = await queryRows<{ id: string }>(
    q,
    sql`
    SELECT DISTINCT m[1] AS id FROM (
      SELECT regexp_matches(r."values"::text, 'enc:v1:([0-9a-f]{8}):', 'g') AS m FROM ledger_records r WHERE r."values"::text LIKE '%enc:v1:%'
      UNION ALL
      SELECT regexp_matches(coalesce(a.before::text, '') || coalesce(a.after::text, ''), 'enc:v1:([0-9a-f]{8}):', 'g')
      FROM audit_log a WHERE coalesce(a.before::text, '') || coalesce(a.after::text, '') LIKE '%enc:v1:%'
    ) s`,
  );
  return new Set(rows.map((r) => r.id));
}
