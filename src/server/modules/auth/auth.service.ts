// Login, sessions and password changes. Sessions live in the database so they can expire and be revoked.
import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Db, Queryable } from '../../db/connection.js';
import type { UserRow } from '../../db/schema.js';
import { AppError, invalid } from '../../http/app-error.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { accountByUsername, recordLastLogin, setOwnPassword } from './accounts.repository.js';
import { loadRoleBindings, type RoleBinding } from './principal.repository.js';
import { clearUsername, countAttempt, lockUsername, pruneStale } from './login-throttle.repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { endOtherSessions, endSession, endSessionsOf, insertSession, liveSessionWithUser, touchSession } from './sessions.repository.js';
import type { Principal } from '../../policy/policy.js';
import { passwordProblem } from '../../../core/password-rules.js';
import { PENDING_LOGIN_MINUTES, secondFactorLock } from './two-factor-throttle.js';
import { twoFactorOf } from './two-factor.repository.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/** Failures further apart than this start a new count. */
export const FAILURE_WINDOW_MINUTES = 15;
/** A session's last-seen time is written at most this often; the exact time is kept in memory (lastActivity). */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionUser {
  sessionId: string;
  user: UserRow;
  /** The roles the user may use now: grants still waiting for approval are left out. */
  bindings: RoleBinding[];
  principal: Principal;
  twoFactor: {
    /** The account has a confirmed authenticator. */
    enrolled: boolean;
    /** The password was right; the login waits for the code (only the second step and logout are reachable). */
    pending: boolean;
    /** When this session last proved the second factor (login or step-up). */
    verifiedAt: Date | null;
  };
}

/** Administrators must have a second factor: without one, they can only enrol (app.ts). */
export const isAdministrator = (bindings: RoleBinding[]) => bindings.some((b) => b.role === 'admin' && !b.pending);

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

// An argon2id hash with the same cost as real ones: an unknown username is checked against it, so that its answer
// takes as long as a wrong password's.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$j5aYT/QBe8lFGO2X0zUG+A$pUh1AixxlQUMET08ar6uL8TsbadkVw5hNB3J8YtSZkg';

export function principalOf(user: Pick<UserRow, 'id' | 'username'>, bindings: RoleBinding[]): Principal {
  return {
    userId: user.id,
    username: user.username,
    grants: bindings
      .filter((b) => !b.pending)
      .map((b) => ({
        role: b.role,
        // A group leader's scope is the villages his cadre group covers; an unbound administrator's is everything.
        scopePaths: b.role === 'group_leader' ? b.coveredPaths : [b.orgUnitPath ?? '/'],
      })),
  };
}

const lockedError = (until: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError('LOCKED', `登录失败次数过多，账户已锁定，请${minutes}分钟后再试`);
};

/**
 * Unknown usernames, disabled accounts and wrong passwords get the same answer after the same work (an argon2
 * check), and all count towards the same lock: the answers do not tell which usernames exist. Only the right
 * password of a disabled account learns that it is disabled.
 */
export async function login(db: Db, input: { username: string; password: string }, ip: string | null, userAgent: string | null) {
  const user = await accountByUsername(db, input.username);
  const actor: Actor = { userId: user?.id ?? null, username: input.username, ip };
  const fail = async (reason: string, error: AppError) => {
    await recordAudit(db, actor, { action: 'login.failed', entity: 'user', entityId: user?.id, townshipId: user?.townshipId, after: { reason } });
    throw error;
  };
  // Counted before the check, in one statement: of parallel attempts, only the first MAX_FAILED_LOGINS are checked.
  const { attempt, lockedUntil } = await countAttempt(db, input.username, FAILURE_WINDOW_MINUTES);
  if (lockedUntil) return fail('locked', lockedError(lockedUntil));
  if (attempt > MAX_FAILED_LOGINS) return fail('locked', lockedError(new Date(Date.now() + LOCK_MINUTES * 60_000)));

  const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !passwordOk) {
    if (attempt === 1) await pruneStale(db, FAILURE_WINDOW_MINUTES + LOCK_MINUTES);
    const reason = user ? 'wrong password' : 'unknown user';
    if (attempt >= MAX_FAILED_LOGINS) {
      await lockUsername(db, input.username, LOCK_MINUTES);
      return fail(`${reason}, locked`, new AppError('LOCKED', `密码连续错误${MAX_FAILED_LOGINS}次，账户已锁定${LOCK_MINUTES}分钟`));
    }
    return fail(reason, new AppError('BAD_CREDENTIALS', `用户名或密码错误，再错${MAX_FAILED_LOGINS - attempt}次将锁定账户`));
  }
  await clearUsername(db, input.username);
  if (user.disabledAt) return fail('disabled', new AppError('FORBIDDEN', '账户已停用，请联系管理员'));
  // With a second factor, the password opens only a pending session that waits for the code.
  const twoFactorPending = Boolean((await twoFactorOf(db, user.id))?.confirmedAt);
  if (twoFactorPending) {
    const lockedUntil = await secondFactorLock(db, user.username);
    if (lockedUntil) return fail('second factor locked', lockedError(lockedUntil));
  }

  const token = crypto.randomBytes(32).toString('base64url');
  const now = new Date();
  await db.transaction(async (tx) => {
    if (!twoFactorPending) await recordLastLogin(tx, user.id, now);
    // Both times from this clock, the one resolveSession compares them with.
    await insertSession(tx, {
      id: sha256(token),
      userId: user.id,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      twoFactorPending,
    });
    await recordAudit(tx, actor, {
      action: 'login',
      entity: 'user',
      entityId: user.id,
      townshipId: user.townshipId,
      ...(twoFactorPending ? { after: { secondFactor: 'pending' } } : {}),
    });
  });
  return { token, twoFactorPending };
}

// The exact time of each session's last request, in this process. The row's last_seen_at is written at most once
// a minute (TOUCH_INTERVAL_MS); the idle check takes the later of the two, so it neither grants nor takes away that
// minute. Another process, or an evicted entry, falls back to the row: at worst a session then ends up to a minute
// early, never late.
const lastActivity = new LRUCache<string, number>({ max: 50_000 });

/** The user behind a session cookie, or null when the session is unknown, revoked, idle too long or too old. */
export async function resolveSession(db: Db, token: string, idleMinutes: number, maxHours = 12): Promise<SessionUser | null> {
  const id = sha256(token);
  const row = await liveSessionWithUser(db, id);
  if (!row || row.user.disabledAt) return null;
  const now = Date.now();
  const written = row.session.lastSeenAt.getTime();
  const lastSeen = Math.max(written, lastActivity.get(id) ?? 0);
  const idle = now - lastSeen >= idleMinutes * 60_000;
  const tooOld = now - row.session.createdAt.getTime() >= maxHours * 3_600_000;
  // A login waiting for its code does not wait long: the password alone opens nothing for more than minutes.
  const pendingTooLong = row.session.twoFactorPending && now - row.session.createdAt.getTime() >= PENDING_LOGIN_MINUTES * 60_000;
  if (idle || tooOld || pendingTooLong) {
    lastActivity.delete(id);
    await endSession(db, id, new Date(now));
    return null;
  }
  lastActivity.set(id, now);
  if (now - written >= TOUCH_INTERVAL_MS) await touchSession(db, id, new Date(now));
  const bindings = ((await loadRoleBindings(db, [row.user.id])).get(row.user.id) ?? []).filter((b) => !b.pending);
  return {
    sessionId: id,
    user: row.user,
    bindings,
    principal: principalOf(row.user, bindings),
    twoFactor: { enrolled: row.twoFactorConfirmedAt !== null, pending: row.session.twoFactorPending, verifiedAt: row.session.twoFactorAt },
  };
}

export async function logout(db: Db, current: SessionUser, actor: Actor) {
  await db.transaction(async (tx) => {
    await endSession(tx, current.sessionId, new Date());
    await recordAudit(tx, actor, { action: 'logout', entity: 'user', entityId: current.user.id, townshipId: current.user.townshipId });
  });
}

export async function changePassword(db: Db, current: SessionUser, input: { currentPassword: string; newPassword: string }, actor: Actor) {
  if (!(await verifyPassword(current.user.passwordHash, input.currentPassword))) {
    throw invalid([{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
  const problem = passwordProblem(input.newPassword, { username: current.user.username });
  if (problem) throw invalid([{ field: 'newPassword', message: problem }]);
  if (input.newPassword === input.currentPassword) throw invalid([{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setOwnPassword(tx, current.user.id, passwordHash);
    // Every other session of this user ends: whoever knew the old password is out.
    await endOtherSessions(tx, current.user.id, current.sessionId, new Date());
    await recordAudit(tx, actor, { action: 'password.change', entity: 'user', entityId: current.user.id, townshipId: current.user.townshipId });
  });
}

/** Ends every live session of the user (password reset, disabling, an administrator's revocation). */
export function revokeSessions(q: Queryable, userId: number): Promise<void> {
  return endSessionsOf(q, userId);
}
