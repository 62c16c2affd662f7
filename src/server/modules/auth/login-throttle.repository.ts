// Failed-login counting by username (login_throttle). One row per username typed, real or not; every change is
// one statement, so parallel attempts cannot read the same count.
import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { loginThrottle } from '../../db/schema.js';

/**
 * Counts an attempt before its password is checked and answers its place in the current run of attempts.
 * A run ends after `windowMinutes` without attempts or when a lock ends; attempts during a lock are not counted.
 */
export async function countAttempt(q: Queryable, username: string, windowMinutes: number) {
  const [row] = await q
    .insert(loginThrottle)
    .values({ username, failures: 1, lastAttemptAt: sql`now()` })
    .onConflictDoUpdate({
      target: loginThrottle.username,
      set: {
        failures: sql`CASE
          WHEN ${loginThrottle.lockedUntil} > now() THEN ${loginThrottle.failures}
          WHEN ${loginThrottle.lockedUntil} IS NOT NULL OR ${loginThrottle.lastAttemptAt} < now() - make_interval(mins => ${windowMinutes}) THEN 1
          ELSE ${loginThrottle.failures} + 1 END`,
        lastAttemptAt: sql`CASE WHEN ${loginThrottle.lockedUntil} > now() THEN ${loginThrottle.lastAttemptAt} ELSE now() END`,
        lockedUntil: sql`CASE WHEN ${loginThrottle.lockedUntil} > now() THEN ${loginThrottle.lockedUntil} END`,
      },
    })
    .returning({ attempt: loginThrottle.failures, lockedUntil: loginThrottle.lockedUntil });
  return row;
}

export async function lockUsername(q: Queryable, username: string, minutes: number) {
  await q
    .update(loginThrottle)
    .set({ failures: 0, lockedUntil: sql`now() + make_interval(mins => ${minutes})` })
    .where(eq(loginThrottle.username, username));
}

export async function clearUsername(q: Queryable, username: string) {
  await q.delete(loginThrottle).where(eq(loginThrottle.username, username));
}

/** Forgets runs that ended long ago, so that a stream of made-up usernames cannot grow the table without bound. */
export async function pruneStale(q: Queryable, olderThanMinutes: number) {
  await q
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.lastAttemptAt, sql`now() - make_interval(mins => ${olderThanMinutes})`),
        or(isNull(loginThrottle.lockedUntil), lt(loginThrottle.lockedUntil, sql`now()`)),
      ),
    );
}

/** The end of each current lock, for the given usernames. */
export async function activeLocks(q: Queryable, usernames: string[]): Promise<Map<string, Date>> {
  if (usernames.length === 0) return new Map();
  const rows = await q
    .select({ username: loginThrottle.username, lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.username, usernames), gt(loginThrottle.lockedUntil, sql`now()`)));
  return new Map(rows.map((r) => [r.username, r.lockedUntil!]));
}
