// Sessions (sessions): one row per signed-in browser, keyed by the sha256 of its cookie token. A session ends by
// setting revoked_at; rows are never deleted, so an ended session cannot come back.
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { sessions, twoFactor, users, type UserRow } from '../../db/schema.js';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(
  q: Queryable,
  row: { id: string; userId: number; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date; twoFactorPending: boolean },
) {
  await q.insert(sessions).values(row);
}

/** A session not yet ended, with its account (disabled or not) and when the account's second factor was confirmed. */
export async function liveSessionWithUser(
  q: Queryable,
  id: string,
): Promise<{ session: SessionRow; user: UserRow; twoFactorConfirmedAt: Date | null } | undefined> {
  const [row] = await q
    .select({ session: sessions, user: users, twoFactorConfirmedAt: twoFactor.confirmedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(twoFactor, eq(twoFactor.userId, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  return row;
}

export async function touchSession(q: Queryable, id: string, lastSeenAt: Date) {
  await q.update(sessions).set({ lastSeenAt }).where(eq(sessions.id, id));
}

export async function endSession(q: Queryable, id: string, revokedAt: Date) {
  await q.update(sessions).set({ revokedAt }).where(eq(sessions.id, id));
}

/** Ends every other live session of the user: the one with `keepId` stays. */
export async function endOtherSessions(q: Queryable, userId: number, keepId: string, revokedAt: Date) {
  await q
    .update(sessions)
    .set({ revokedAt })
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepId), isNull(sessions.revokedAt)));
}

/** Ends every live session of the user, at the database's clock. */
export async function endSessionsOf(q: Queryable, userId: number) {
  await q
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
