// Installs the built-in ledgers into a township: each as a ledger (builtin) and its version 1, linked to the
// township's work line of the same name when there is one. Idempotent: keys the township already has are kept.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../../db/connection.js';
import { ledgers, ledgerVersions, workLines } from '../../../db/schema.js';
import { BUILTIN_LEDGERS } from './index.js';

/** Returns the ids of the township's built-in ledgers (new and existing) by key; `only` limits which are installed. */
export async function installBuiltinLedgers(q: Queryable, townshipId: number, userId: number | null, only?: string[]): Promise<Map<string, number>> {
  const chosen = only ? BUILTIN_LEDGERS.filter((l) => only.includes(l.key)) : BUILTIN_LEDGERS;
  const keys = chosen.map((l) => l.key);
  if (keys.length === 0) return new Map();
  const existing = await q
    .select({ id: ledgers.id, key: ledgers.key })
    .from(ledgers)
    .where(and(eq(ledgers.townshipId, townshipId), inArray(ledgers.key, keys), isNull(ledgers.deletedAt)));
  const ids = new Map(existing.map((l) => [l.key, l.id]));
  const missing = chosen.filter((l) => !ids.has(l.key));
  if (missing.length === 0) return ids;

  const lines = await q
    .select({ id: workLines.id, name: workLines.name })
    .from(workLines)
    .where(and(eq(workLines.townshipId, townshipId), isNull(workLines.deletedAt)));
  const lineIds = new Map(lines.map((l) => [l.name, l.id]));
  const created = await q
    .insert(ledgers)
    .values(
      missing.map((l) => ({
        townshipId,
        key: l.key,
        name: l.name,
        kind: l.kind,
        description: l.description,
        periodType: l.periodType ?? null,
        builtin: true,
        workLineId: lineIds.get(l.workLine) ?? null,
        currentVersion: 1,
      })),
    )
    .returning({ id: ledgers.id, key: ledgers.key });
  for (const c of created) ids.set(c.key, c.id);
  await q
    .insert(ledgerVersions)
    .values(
      missing.map((l) => ({ townshipId, ledgerId: ids.get(l.key)!, version: 1, fields: l.fields, workflow: l.workflow ?? null, createdBy: userId })),
    );
  return ids;
}
