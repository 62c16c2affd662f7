// The table of scheduled jobs, once per (kind, key). A job is claimed by one UPDATE … RETURNING on a row locked
// with FOR UPDATE SKIP LOCKED: of two processes, one gets it and the other nothing; a claim older than the stale
// limit (a process that died) may be taken again, and a failed job is retried a few times.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';

export const STALE_CLAIM_MINUTES = 10;
export const MAX_JOB_ATTEMPTS = 5;

export async function ensureJob(q: Queryable, kind: string, key: string): Promise<void> {
  await q.execute(sql`INSERT INTO jobs (kind, key) VALUES (${kind}, ${key}) ON CONFLICT (kind, key) DO NOTHING`);
}

/** Takes the job if it is due (or failed, or claimed long ago by a process that died); answers its id, or nothing. */
export async function claimJob(q: Queryable, kind: string, key: string): Promise<number | undefined> {
  const rows = await queryRows<{ id: number }>(
    q,
    sql`UPDATE jobs SET state = 'running', claimed_at = now(), attempts = attempts + 1
        WHERE id = (
          SELECT id FROM jobs
          WHERE kind = ${kind} AND key = ${key} AND attempts < ${MAX_JOB_ATTEMPTS}
            AND (state IN ('due', 'failed')
                 OR (state = 'running' AND claimed_at < now() - make_interval(mins => ${STALE_CLAIM_MINUTES})))
          FOR UPDATE SKIP LOCKED)
        RETURNING id`,
  );
  return rows[0]?.id;
}

/** Done in the transaction of the job's work: its writes and its state commit together. */
export async function finishJob(q: Queryable, id: number): Promise<void> {
  await q.execute(sql`UPDATE jobs SET state = 'done', done_at = now(), last_error = NULL WHERE id = ${id}`);
}

export async function failJob(q: Queryable, id: number, error: string): Promise<void> {
  await q.execute(sql`UPDATE jobs SET state = 'failed', last_error = ${error.slice(0, 2000)} WHERE id = ${id}`);
}

export async function jobState(q: Queryable, kind: string, key: string) {
  const rows = await queryRows<{ state: string; attempts: number; lastError: string | null }>(
    q,
    sql`SELECT state, attempts, last_error AS "lastError" FROM jobs WHERE kind = ${kind} AND key = ${key}`,
  );
  return rows[0];
}
