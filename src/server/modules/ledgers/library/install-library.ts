// Installs the built-in ledgers into a township: each as a ledger (builtin) and its version 1, linked to the
// township's work line of the same name when there is one. Idempotent: keys the township already has are kept.
import type { Queryable } from '../../../db/connection.js';
import { listWorkLines } from '../../cadre/index.js';
import { insertLedgers, insertLedgerVersions, liveLedgerIdsByKey } from '../ledger-library.repository.js';
import { BUILTIN_LEDGERS } from './index.js';

/** Returns the ids of the township's built-in ledgers (new and existing) by key; `only` limits which are installed. */
export async function installBuiltinLedgers(q: Queryable, townshipId: number, userId: number | null, only?: string[]): Promise<Map<string, number>> {
  const chosen = only ? BUILTIN_LEDGERS.filter((l) => only.includes(l.key)) : BUILTIN_LEDGERS;
  const keys = chosen.map((l) => l.key);
  if (keys.length === 0) return new Map();
  const ids = await liveLedgerIdsByKey(q, townshipId, keys);
  const missing = chosen.filter((l) => !ids.has(l.key));
  if (missing.length === 0) return ids;

  const lineIds = new Map((await listWorkLines(q, townshipId)).map((l) => [l.name, l.id]));
  const created = await insertLedgers(
    q,
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
  );
  for (const c of created) ids.set(c.key, c.id);
  await insertLedgerVersions(
    q,
    missing.map((l) => ({ townshipId, ledgerId: ids.get(l.key)!, version: 1, fields: l.fields, workflow: l.workflow ?? null, createdBy: userId })),
  );
  return ids;
}
