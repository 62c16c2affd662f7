// Two-factor login (TOTP with one-time recovery codes): enrolment, the login's second step, step-up before actions
// that hand out household data, recovery codes, turning it off, and an administrator's reset. Administrators must
// have it (app.ts sends them to enrolment); everyone else may.
import { renderSVG } from 'uqr';
import type { Db, Queryable } from '../../db/connection.js';
import { AppError, forbidden, invalid } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { recordLastLogin } from './accounts.repository.js';
import { FAILURE_WINDOW_MINUTES, isAdministrator, LOCK_MINUTES, MAX_FAILED_LOGINS, type SessionUser } from './auth.service.js';
import { endSession } from './sessions.repository.js';
import { acceptedStep, hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, newTotpSecret, otpauthUri } from './totp.js';
import { openSecret, sealSecret } from './two-factor-key.js';
import { clearSecondFactorFailures, countSecondFactorAttempt, lockSecondFactor } from './two-factor-throttle.js';
import {
  deleteTwoFactor,
  markConfirmed,
  markSessionVerified,
  replaceRecoveryCodes,
  saveConfirmed,
  saveUnconfirmed,
  spendRecoveryCode,
  twoFactorOf,
  unusedRecoveryCodeCount,
  useStep,
} from './two-factor.repository.js';

/** How long a proven second factor lets a session do what hands out household data. */
export const STEP_UP_MINUTES = 5;

const auditOf = (session: SessionUser) => ({ entity: 'user', entityId: session.user.id, townshipId: session.user.townshipId });

export async function twoFactorStatus(db: Db, session: SessionUser) {
  const row = await twoFactorOf(db, session.user.id);
  const enabled = Boolean(row?.confirmedAt);
  return {
    enabled,
    required: isAdministrator(session.bindings),
    enabledAt: row?.confirmedAt?.toISOString() ?? null,
    recoveryCodesLeft: enabled ? await unusedRecoveryCodeCount(db, session.user.id) : 0,
    stepUpUntil: freshUntil(session)?.toISOString() ?? null,
  };
}

/** Until when the session's last proof of the second factor lets it do what needs a fresh one. */
function freshUntil(session: Pick<SessionUser, 'twoFactor'>): Date | null {
  const at = session.twoFactor.verifiedAt;
  if (!at) return null;
  const until = new Date(at.getTime() + STEP_UP_MINUTES * 60_000);
  return until.getTime() > Date.now() ? until : null;
}

/** A new secret for the signed-in user's authenticator app: its key, otpauth URI and QR code (SVG). */
export async function startEnrolment(db: Db, session: SessionUser, actor: Actor) {
  const existing = await twoFactorOf(db, session.user.id);
  if (existing?.confirmedAt) throw new AppError('CONFLICT', '两步验证已经启用；如需更换手机，请先停用后重新启用，管理员请联系其他管理员重置');
  const secret = newTotpSecret();
  const uri = otpauthUri(secret, session.user.username);
  await db.transaction(async (tx) => {
    await saveUnconfirmed(tx, session.user.id, sealSecret(session.user.id, secret));
    await recordAudit(tx, actor, { action: 'two-factor.setup', ...auditOf(session) });
  });
  return { secret, otpauthUri: uri, qrSvg: renderSVG(uri, { ecc: 'M', border: 2, pixelSize: 6 }) };
}

/** The first code from the app confirms the enrolment; answers the recovery codes, shown this once. */
export async function confirmEnrolment(db: Db, session: SessionUser, code: string, actor: Actor) {
  const row = await twoFactorOf(db, session.user.id);
  if (!row) throw new AppError('CONFLICT', '请先获取二维码，再输入验证码');
  if (row.confirmedAt) throw new AppError('CONFLICT', '两步验证已经启用');
  const step = acceptedStep(openSecret(session.user.id, row.secretSealed), code, Date.now(), row.lastUsedStep);
  if (step === null) throw invalid([{ field: 'code', message: '验证码不正确，请输入验证器应用中当前显示的6位数字' }]);
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    if (!(await useStep(tx, session.user.id, step))) throw invalid([{ field: 'code', message: '这个验证码已经用过，请等待下一个验证码' }]);
    await markConfirmed(tx, session.user.id);
    await replaceRecoveryCodes(tx, session.user.id, recoveryCodes.map(hashRecoveryCode));
    await markSessionVerified(tx, session.sessionId);
    await recordAudit(tx, actor, { action: 'two-factor.enable', ...auditOf(session) });
  });
  return { recoveryCodes };
}

/**
 * Checks a code (6 digits from the app, or a recovery code, which is then spent) for the signed-in user. Wrong
 * codes count towards a lock like wrong passwords (two-factor-throttle.ts); the lock also ends a pending login.
 */
async function proveSecondFactor(db: Db, session: SessionUser, code: string, actor: Actor, purpose: string): Promise<'totp' | 'recovery-code'> {
  const row = await twoFactorOf(db, session.user.id);
  if (!row?.confirmedAt) throw new AppError('CONFLICT', '您尚未启用两步验证');
  const { username } = session.user;
  const fail = async (reason: string, error: AppError) => {
    await recordAudit(db, actor, { action: 'two-factor.failed', ...auditOf(session), after: { purpose, reason } });
    throw error;
  };
  const locked = async (until: Date) => {
    if (session.twoFactor.pending) await endSession(db, session.sessionId, new Date());
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    return fail('locked', new AppError('LOCKED', `验证码连续错误${MAX_FAILED_LOGINS}次，账户已锁定，请${minutes}分钟后再试`));
  };
  const { attempt, lockedUntil } = await countSecondFactorAttempt(db, username, FAILURE_WINDOW_MINUTES);
  if (lockedUntil) return locked(lockedUntil);
  if (attempt > MAX_FAILED_LOGINS) return locked(new Date(Date.now() + LOCK_MINUTES * 60_000));

  let method: 'totp' | 'recovery-code' | null = null;
  if (looksLikeRecoveryCode(code)) {
    if (await spendRecoveryCode(db, session.user.id, hashRecoveryCode(code))) method = 'recovery-code';
  } else {
    const step = acceptedStep(openSecret(session.user.id, row.secretSealed), code, Date.now(), row.lastUsedStep);
    if (step !== null && (await useStep(db, session.user.id, step))) method = 'totp';
  }
  if (!method) {
    if (attempt >= MAX_FAILED_LOGINS) {
      await lockSecondFactor(db, username, LOCK_MINUTES);
      return locked(new Date(Date.now() + LOCK_MINUTES * 60_000));
    }
    return fail('wrong code', new AppError('BAD_SECOND_FACTOR', `验证码不正确或已使用过，再错${MAX_FAILED_LOGINS - attempt}次将锁定账户`));
  }
  await clearSecondFactorFailures(db, username);
  return method;
}

/** The login's second step: the pending session becomes a signed-in one. */
export async function verifyLogin(db: Db, session: SessionUser, code: string, actor: Actor) {
  if (!session.twoFactor.pending) throw new AppError('CONFLICT', '本次登录无需再输入验证码');
  const method = await proveSecondFactor(db, session, code, actor, 'login');
  await db.transaction(async (tx) => {
    await markSessionVerified(tx, session.sessionId);
    await recordLastLogin(tx, session.user.id, new Date());
    await recordAudit(tx, actor, { action: 'login.two-factor', ...auditOf(session), after: { method } });
  });
}

/** A fresh proof of the second factor, for the actions that hand out household data (requireFreshSecondFactor). */
export async function stepUp(db: Db, session: SessionUser, code: string, actor: Actor) {
  const method = await proveSecondFactor(db, session, code, actor, 'step-up');
  await db.transaction(async (tx) => {
    await markSessionVerified(tx, session.sessionId);
    await recordAudit(tx, actor, { action: 'two-factor.step-up', ...auditOf(session), after: { method } });
  });
  return { stepUpUntil: new Date(Date.now() + STEP_UP_MINUTES * 60_000).toISOString() };
}

/** New recovery codes (the old ones stop working), shown this once; needs a current code. */
export async function regenerateRecoveryCodes(db: Db, session: SessionUser, code: string, actor: Actor) {
  await proveSecondFactor(db, session, code, actor, 'recovery-codes');
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, session.user.id, recoveryCodes.map(hashRecoveryCode));
    await markSessionVerified(tx, session.sessionId);
    await recordAudit(tx, actor, { action: 'two-factor.recovery-codes', ...auditOf(session) });
  });
  return { recoveryCodes };
}

/** Turns two-factor login off for the signed-in user (not for administrators); needs a current code. */
export async function disableTwoFactor(db: Db, session: SessionUser, code: string, actor: Actor) {
  if (isAdministrator(session.bindings)) throw forbidden('管理员必须使用两步验证，不能停用');
  await proveSecondFactor(db, session, code, actor, 'disable');
  await db.transaction(async (tx) => {
    await deleteTwoFactor(tx, session.user.id);
    await recordAudit(tx, actor, { action: 'two-factor.disable', ...auditOf(session) });
  });
}

/**
 * Refuses an action that hands out household data unless the acting person proved his second factor within the
 * last STEP_UP_MINUTES. The system (demo loader, tests' builders, the CLI) acts without one.
 */
export function requireFreshSecondFactor(ctx: ServiceContext, what: string): void {
  if (ctx.actor.userId === null || !ctx.session) return;
  if (!ctx.session.twoFactor.enrolled) {
    throw new AppError('STEP_UP_REQUIRED', `${what}须先在“账户安全”中启用两步验证`, undefined, { enrolled: false });
  }
  if (!freshUntil(ctx.session)) {
    throw new AppError('STEP_UP_REQUIRED', `${what}需要确认是本人操作，请输入两步验证码`, undefined, { enrolled: true });
  }
}

/** An administrator's reset: the account signs in with its password alone until it enrols again. */
export async function removeSecondFactor(q: Queryable, userId: number, username: string) {
  await deleteTwoFactor(q, userId);
  await clearSecondFactorFailures(q, username);
}

/** A confirmed enrolment made by the system (the demo's administrator, tests' builders), with a known secret. */
export async function enrolBySystem(q: Queryable, userId: number, secret: string) {
  await saveConfirmed(q, userId, sealSecret(userId, secret));
}
