// The ledger a request names, within the township that requireTownship (policy/access.ts) resolved for it.
import type { Queryable } from '../../db/connection.js';
import { notFound } from '../../http/app-error.js';
import type { TownshipTarget } from '../../policy/access.js';
import * as repo from './ledgers.repository.js';

/** How ledger use cases name their township to the access check (for the message of a user without one). */
export const LEDGERS: TownshipTarget = { what: '台账' };

/** A live ledger of the township; another township's ledger is as unknown as a missing one. */
export async function ledgerOf(q: Queryable, townshipId: number, key: string, lock = false) {
  const ledger = await repo.findLedger(q, townshipId, key, lock);
  if (!ledger) throw notFound(`台账“${key}”`);
  return ledger;
}
