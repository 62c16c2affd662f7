// Data versions of ledger records. Statement-level triggers on ledger_records (migration 0006) note every changed
// (ledger, org unit) pair in ledger_data_changes; the sum of a pair's weights and its highest id are its version: a
// later commit always raises the sum, whatever order ids were taken in. Readers (the indicator cache) compare
// versions to know whether the records under some units changed since they last read them.
import { sql } from 'drizzle-orm';
import { arrayLiteral } from '../../db/array-literal.js';
import { queryRows, type Queryable } from '../../db/connection.js';
import type { UnitMapping } from './ledger-aggregates.repository.js';

/** Sum of the weights of some change notes and their highest id. */
export interface DataVersion {
  weight: bigint;
  top: bigint;
}

export interface DataVersions {
  /** Per ledger and subject (index in the mapping): the notes of the subject's units; none noted, none listed. */
  bySubject: { ledgerId: number; subjectIndex: number; version: DataVersion }[];
  /** The notes of no ledger (a TRUNCATE): they change every version. */
  everything: DataVersion;
  /** How many notes could be folded into others (several for one pair); see compactDataChanges. */
  redundant: number;
}

/** The data versions of the ledgers' records under each subject's units, in one small query. */
export async function dataVersions(q: Queryable, ledgerIds: number[], mapping: UnitMapping): Promise<DataVersions> {
  const rows = await queryRows<{ ledger_id: number | null; si: number | null; n: string; top: string; redundant: string }>(
    q,
    sql`
    SELECT c.ledger_id, m.si, sum(c.weight)::text AS n, max(c.id)::text AS top, (count(*) - count(DISTINCT c.org_unit_id))::text AS redundant
    FROM ledger_data_changes c
    JOIN unnest(${arrayLiteral(mapping.unitIds)}::int[], ${arrayLiteral(mapping.subjectIndexes)}::int[]) AS m(uid, si) ON m.uid = c.org_unit_id
    WHERE c.ledger_id = ANY(${arrayLiteral(ledgerIds)}::int[])
    GROUP BY c.ledger_id, m.si
    UNION ALL
    SELECT NULL, NULL, coalesce(sum(weight), 0)::text, coalesce(max(id), 0)::text, '0' FROM ledger_data_changes WHERE ledger_id IS NULL`,
  );
  const versions: DataVersions = { bySubject: [], everything: { weight: 0n, top: 0n }, redundant: 0 };
  for (const row of rows) {
    const version = { weight: BigInt(row.n), top: BigInt(row.top) };
    versions.redundant += Number(row.redundant);
    if (row.ledger_id === null) versions.everything = version;
    else versions.bySubject.push({ ledgerId: row.ledger_id, subjectIndex: row.si!, version });
  }
  return versions;
}

/**
 * Folds the notes of every (ledger, unit) that has several into one, ledgers nobody reads included; every version
 * stays the same. Pairs with one note are not touched; notes written meanwhile are not in the DELETE's snapshot and
 * stay as they are.
 */
export async function compactDataChanges(q: Queryable): Promise<void> {
  await q.execute(sql`
    WITH several AS (
      SELECT coalesce(ledger_id, -1) AS l, coalesce(org_unit_id, -1) AS u FROM ledger_data_changes GROUP BY 1, 2 HAVING count(*) > 1
    ), gone AS (
      DELETE FROM ledger_data_changes c USING several s WHERE coalesce(c.ledger_id, -1) = s.l AND coalesce(c.org_unit_id, -1) = s.u
      RETURNING c.id, c.ledger_id, c.org_unit_id, c.weight
    )
    INSERT INTO ledger_data_changes (id, ledger_id, org_unit_id, weight)
    SELECT max(id), ledger_id, org_unit_id, sum(weight) FROM gone GROUP BY ledger_id, org_unit_id`);
}
