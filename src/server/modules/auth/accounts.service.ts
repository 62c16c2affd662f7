// What the users module needs of accounts kept by auth: the roles each account holds, its login lock, and
// forgetting failed logins when an administrator resets or enables an account.
import type { Queryable } from '../../db/connection.js';
import { activeLocks, clearUsername } from './login-throttle.repository.js';
import { loadRoleBindings, type RoleBinding } from './principal.repository.js';
import { clearSecondFactorFailures, secondFactorLocksOf } from './two-factor-throttle.js';
import { confirmedUserIds } from './two-factor.repository.js';

export type { RoleBinding };

/** Each user's role bindings (pending grants included, marked), by user id. */
export function roleBindingsOf(q: Queryable, userIds: number[]): Promise<Map<number, RoleBinding[]>> {
  return loadRoleBindings(q, userIds);
}

/** Which of the users sign in with a second factor: the user list shows it and offers its reset. */
export function secondFactorEnrolledOf(q: Queryable, userIds: number[]): Promise<Set<number>> {
  return confirmedUserIds(q, userIds);
}

/** Until when each of the usernames is locked after failed logins (passwords or second-factor codes), for those that are. */
export async function loginLocksOf(q: Queryable, usernames: string[]): Promise<Map<string, Date>> {
  const locks = await activeLocks(q, usernames);
  for (const [username, until] of await secondFactorLocksOf(q, usernames)) {
    const other = locks.get(username);
    if (!other || other < until) locks.set(username, until);
  }
  return locks;
}

export async function forgetLoginFailures(q: Queryable, username: string): Promise<void> {
  await clearUsername(q, username);
  await clearSecondFactorFailures(q, username);
}
