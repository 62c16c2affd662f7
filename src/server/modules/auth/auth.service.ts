// Login, sessions and password changes. Sessions live in the database so they can expire and be revoked.
import crypto from 'node:crypto';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { sessions, users, type UserRow } from '../../db/schema.js';
import { AppError, invalid } from '../../http/app-error.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { loadRoleBindings, type RoleBinding } from './principal.repository.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Principal } from '../../policy/policy.js';
import { passwordProblem } from '../../../core/password-rules.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export interface SessionUser {
  sessionId: string;
  user: UserRow;
  bindings: RoleBinding[];
  principal: Principal;
}

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export function principalOf(user: Pick<UserRow, 'id' | 'username'>, bindings: RoleBinding[]): Principal {
  return {
    userId: user.id,
    username: user.username,
    grants: bindings.map((b) => ({
      role: b.role,
      // A group leader's scope is the villages his cadre group covers; an unbound administrator's is everything.
      scopePaths: b.role === 'group_leader' ? b.coveredPaths : [b.orgUnitPath ?? '/'],
    })),
  };
}

export async function login(db: Db, input: { username: string; password: string }, ip: string | null, userAgent: string | null) {
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  const actor: Actor = { userId: user?.id ?? null, username: input.username, ip };
  const fail = async (reason: string, error: AppError) => {
    await recordAudit(db, actor, { action: 'login.failed', entity: 'user', entityId: user?.id, townshipId: user?.townshipId, after: { reason } });
    throw error;
  };
  const badCredentials = new AppError('BAD_CREDENTIALS', '用户名或密码错误');
  if (!user) {
    // Spend the same time as a real check so usernames cannot be probed by timing.
    await verifyPassword(DUMMY_HASH ??= await hashPassword('not-a-user-0'), input.password);
    return fail('unknown user', badCredentials);
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
    return fail('locked', new AppError('LOCKED', `登录失败次数过多，账户已锁定，请${minutes}分钟后再试`));
  }
  if (user.disabledAt) return fail('disabled', new AppError('FORBIDDEN', '账户已停用，请联系管理员'));
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= MAX_FAILED_LOGINS;
    await db.update(users).set({
      failedLogins: lock ? 0 : failures,
      lockedUntil: lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null,
    }).where(eq(users.id, user.id));
    if (lock) return fail('wrong password, locked', new AppError('LOCKED', `密码连续错误${MAX_FAILED_LOGINS}次，账户已锁定${LOCK_MINUTES}分钟`));
    return fail('wrong password', new AppError('BAD_CREDENTIALS', `用户名或密码错误，再错${MAX_FAILED_LOGINS - failures}次将锁定账户`));
  }
  const token = crypto.randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({ id: sha256(token), userId: user.id, ip, userAgent: userAgent?.slice(0, 300) ?? null });
    await recordAudit(tx, actor, { action: 'login', entity: 'user', entityId: user.id, townshipId: user.townshipId });
  });
  return { token };
}
let DUMMY_HASH: string | undefined;

/** The user behind a session cookie, or null when the session is unknown, revoked or idle too long. */
export async function resolveSession(db: Db, token: string, idleMinutes: number): Promise<SessionUser | null> {
  const id = sha256(token);
  const rows = await db.select({ session: sessions, user: users }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  const row = rows[0];
  if (!row || row.user.disabledAt) return null;
  const idleMs = Date.now() - row.session.lastSeenAt.getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, id));
    return null;
  }
  // Touch at most once a minute: idle expiry needs minute precision, not a write per request.
  if (idleMs > 60_000) await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  const bindings = (await loadRoleBindings(db, [row.user.id])).get(row.user.id) ?? [];
  return { sessionId: id, user: row.user, bindings, principal: principalOf(row.user, bindings) };
}

export async function logout(db: Db, current: SessionUser, actor: Actor) {
  await db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, current.sessionId));
    await recordAudit(tx, actor, { action: 'logout', entity: 'user', entityId: current.user.id, townshipId: current.user.townshipId });
  });
}

export async function changePassword(db: Db, current: SessionUser, input: { currentPassword: string; newPassword: string }, actor: Actor) {
  if (!(await verifyPassword(current.user.passwordHash, input.currentPassword))) {
    throw invalid([{ field: 'currentPassword', message: '当前密码不正确' }]);
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw invalid([{ field: 'newPassword', message: problem }]);
  if (input.newPassword === input.currentPassword) throw invalid([{ field: 'newPassword', message: '新密码不能与当前密码相同' }]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, current.user.id));
    // Every other session of this user ends: whoever knew the old password is out.
    await tx.update(sessions).set({ revokedAt: new Date() })
      .where(and(eq(sessions.userId, current.user.id), ne(sessions.id, current.sessionId), isNull(sessions.revokedAt)));
    await recordAudit(tx, actor, { action: 'password.change', entity: 'user', entityId: current.user.id, townshipId: current.user.townshipId });
  });
}

export async function revokeSessions(q: Db | Parameters<Parameters<Db['transaction']>[0]>[0], userId: number) {
  await q.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
