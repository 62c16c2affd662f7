// The one runner of scheduled work (docs/architecture.md): a job (kind, key) runs at most once to completion,
// whatever the number of processes or reruns. Its work and its "done" commit in one transaction, so a crash
// leaves neither; the claim commits first, so another process skips it meanwhile.
import type { Db, Tx } from '../../db/connection.js';
import { claimJob, ensureJob, failJob, finishJob } from './jobs.repository.js';

export type JobOutcome<T> = { ran: true; result: T } | { ran: false };

export async function runJobOnce<T>(db: Db, kind: string, key: string, work: (tx: Tx) => Promise<T>): Promise<JobOutcome<T>> {
  await ensureJob(db, kind, key);
  const id = await claimJob(db, kind, key);
  if (id === undefined) return { ran: false };
  try {
    const result = await db.transaction(async (tx) => {
      const value = await work(tx);
      await finishJob(tx, id);
      return value;
    });
    return { ran: true, result };
  } catch (error) {
    await failJob(db, id, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
