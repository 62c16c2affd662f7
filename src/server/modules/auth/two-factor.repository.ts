// Second factors (two_factor, two_factor_recovery_codes) and the second-factor state of sessions. Using a code and
// spending a recovery code are each one statement, so two parallel requests cannot both use the same one.
import { and, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { sessions, twoFactor, twoFactorRecoveryCodes } from '../../db/schema.js';

export type TwoFactorRow = typeof twoFactor.$inferSelect;

/** Which of the users have a confirmed second factor (an enrolment started but not confirmed does not count). */
export async function confirmedUserIds(q: Queryable, userIds: number[]): Promise<Set<number>> {
  if (userIds.length === 0) return new Set();
  const rows = await q
    .select({ userId: twoFactor.userId })
    .from(twoFactor)
    .where(and(inArray(twoFactor.userId, userIds), isNotNull(twoFactor.confirmedAt)));
  return new Set(rows.map((r) => r.userId));
}

export async function twoFactorOf(q: Queryable, userId: number): Promise<TwoFactorRow | undefined> {
  const [row] = await q.select().from(twoFactor).where(eq(twoFactor.userId, userId));
  return row;
}

/** A new secret waiting for its first code; replaces an enrolment not yet confirmed. */
export async function saveUnconfirmed(q: Queryable, userId: number, secretSealed: string) {
  await q
    .insert(twoFactor)
    .values({ userId, secretSealed })
    .onConflictDoUpdate({ target: twoFactor.userId, set: { secretSealed, confirmedAt: null, lastUsedStep: null, createdAt: sql`now()` } });
}

/** A confirmed enrolment (the system's: demo loader, tests' builders). */
export async function saveConfirmed(q: Queryable, userId: number, secretSealed: string) {
  await q
    .insert(twoFactor)
    .values({ userId, secretSealed, confirmedAt: sql`now()` })
    .onConflictDoUpdate({ target: twoFactor.userId, set: { secretSealed, confirmedAt: sql`now()`, lastUsedStep: null } });
}

/** Records the step as used, unless it (or a newer one) already was: false then. */
export async function useStep(q: Queryable, userId: number, step: number): Promise<boolean> {
  const rows = await q
    .update(twoFactor)
    .set({ lastUsedStep: step })
    .where(and(eq(twoFactor.userId, userId), or(isNull(twoFactor.lastUsedStep), lt(twoFactor.lastUsedStep, step))))
    .returning({ userId: twoFactor.userId });
  return rows.length === 1;
}

export async function markConfirmed(q: Queryable, userId: number) {
  await q
    .update(twoFactor)
    .set({ confirmedAt: sql`now()` })
    .where(eq(twoFactor.userId, userId));
}

export async function deleteTwoFactor(q: Queryable, userId: number) {
  await q.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await q.delete(twoFactor).where(eq(twoFactor.userId, userId));
}

/** Replaces the user's recovery codes with these hashes. */
export async function replaceRecoveryCodes(q: Queryable, userId: number, codeHashes: string[]) {
  await q.delete(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  await q.insert(twoFactorRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
}

/** Spends an unused recovery code: true when it was one. */
export async function spendRecoveryCode(q: Queryable, userId: number, codeHash: string): Promise<boolean> {
  const rows = await q
    .update(twoFactorRecoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), eq(twoFactorRecoveryCodes.codeHash, codeHash), isNull(twoFactorRecoveryCodes.usedAt)))
    .returning({ id: twoFactorRecoveryCodes.id });
  return rows.length === 1;
}

export async function unusedRecoveryCodeCount(q: Queryable, userId: number): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(twoFactorRecoveryCodes)
    .where(and(eq(twoFactorRecoveryCodes.userId, userId), isNull(twoFactorRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/** The session has given its second factor now: a pending login is complete, and a step-up is fresh. */
export async function markSessionVerified(q: Queryable, sessionId: string) {
  await q
    .update(sessions)
    .set({ twoFactorPending: false, twoFactorAt: sql`now()` })
    .where(eq(sessions.id, sessionId));
}
