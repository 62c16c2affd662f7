// Wrong second-factor codes are counted like wrong passwords (login_throttle), under a key of their own: a right
// password clears the password count, so sharing it would give whoever knows the password endless tries at the
// code. The key holds a control character, which no typed username can (http/text-guard.ts), so a login attempt
// cannot count towards it.
import type { Queryable } from '../../db/connection.js';
import { activeLocks, clearUsername, countAttempt, lockUsername } from './login-throttle.repository.js';

/** Minutes a password-only (pending) session waits for its code before it ends. */
export const PENDING_LOGIN_MINUTES = 5;

export const secondFactorKey = (username: string) => `\u0001two-factor:${username}`;

export async function secondFactorLock(q: Queryable, username: string): Promise<Date | undefined> {
  return (await activeLocks(q, [secondFactorKey(username)])).get(secondFactorKey(username));
}

export const countSecondFactorAttempt = (q: Queryable, username: string, windowMinutes: number) =>
  countAttempt(q, secondFactorKey(username), windowMinutes);

export const lockSecondFactor = (q: Queryable, username: string, minutes: number) => lockUsername(q, secondFactorKey(username), minutes);

export const clearSecondFactorFailures = (q: Queryable, username: string) => clearUsername(q, secondFactorKey(username));

/** Each of the usernames' second-factor locks, by username. */
export async function secondFactorLocksOf(q: Queryable, usernames: string[]): Promise<Map<string, Date>> {
  const locks = await activeLocks(q, usernames.map(secondFactorKey));
  return new Map(usernames.filter((u) => locks.has(secondFactorKey(u))).map((u) => [u, locks.get(secondFactorKey(u))!]));
}
