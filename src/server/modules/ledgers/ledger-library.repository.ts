// SQL for installing the built-in ledgers: which a township already has, and the new ledgers with their first
// versions written in one statement each.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { ledgers, ledgerVersions } from '../../db/schema.js';

/** The ids of the township's live ledgers among the given keys, by key. */
export async function liveLedgerIdsByKey(q: Queryable, townshipId: number, keys: string[]): Promise<Map<string, number>> {
  const rows = await q
    .select({ id: ledgers.id, key: ledgers.key })
    .from(ledgers)
    .where(and(eq(ledgers.townshipId, townshipId), inArray(ledgers.key, keys), isNull(ledgers.deletedAt)));
  return new Map(rows.map((l) => [l.key, l.id]));
}

/** Inserts the ledgers in one statement; answers the id of each by key. */
export function insertLedgers(q: Queryable, rows: (typeof ledgers.$inferInsert)[]): Promise<{ id: number; key: string }[]> {
  return q.insert(ledgers).values(rows).returning({ id: ledgers.id, key: ledgers.key });
}

/** Inserts ledger versions in one statement. */
export async function insertLedgerVersions(q: Queryable, rows: (typeof ledgerVersions.$inferInsert)[]): Promise<void> {
  await q.insert(ledgerVersions).values(rows);
}
