// Two-factor login through the HTTP layer: administrators must enrol before anything else; a login with a second
// factor needs the code; wrong codes lock; recovery codes work once; granting household data needs a fresh code.
// Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { sessions, twoFactor, users } from '../../db/schema.js';
import { SESSION_COOKIE } from '../../app.js';
import { buildTestApp, TEST_TOTP_SECRET, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { createUser } from '../users/users.service.js';
import { totpCode, totpStep } from './totp.js';
import { enrolBySystem } from './two-factor.service.js';

let t: TestApp;
let town: Awaited<ReturnType<typeof buildTownship>>;

beforeAll(async () => {
  t = await buildTestApp();
  town = await buildTownship(t.system);
});
afterAll(() => t.close());

const idOf = async (username: string) => (await t.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0].id;
/** The code of a step not yet used: the next one (accepted, one step ahead of the clock), for the test's second code. */
const codeAt = (secret: string, stepsAhead = 0) => totpCode(secret, Date.now() + stepsAhead * 30_000);
const auditActions = async (username: string) =>
  (await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_log WHERE username = ${username} ORDER BY id`)).map((r) => r.action);

/** Password step only: answers the status, body and the (pending) session cookie. */
async function passwordStep(username: string, password = TEST_PASSWORD) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  return { res, cookie: cookie ? `${SESSION_COOKIE}=${cookie.value}` : '' };
}

/** Makes the session's last proof of the second factor ten minutes old: what a step-up window sees later. */
async function ageSecondFactor(cookie: string) {
  const token = cookie.split('=')[1];
  const id = (await import('node:crypto')).createHash('sha256').update(token).digest('hex');
  await t.db
    .update(sessions)
    .set({ twoFactorAt: new Date(Date.now() - 10 * 60_000) })
    .where(eq(sessions.id, id));
}

describe('an administrator without a second factor', () => {
  let cookie: string;
  let secret: string;

  beforeAll(async () => {
    await createUser(t.system, { username: 'xinguanli', displayName: '新管理员', password: TEST_PASSWORD, roles: [{ role: 'admin' }] });
    await t.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'xinguanli'));
    const { res, cookie: c } = await passwordStep('xinguanli');
    expect(res.statusCode, res.body).toBe(200);
    cookie = c;
  });

  it('can only enrol: every other route answers 403 TWO_FACTOR_ENROLMENT_REQUIRED', async () => {
    const refused = await t.call('GET', '/api/users', cookie);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'TWO_FACTOR_ENROLMENT_REQUIRED', detail: expect.stringContaining('两步验证') });
    expect(await t.ok('GET', '/api/me', cookie)).toMatchObject({ twoFactor: { enabled: false, required: true } });
    expect(await t.ok('GET', '/api/auth/two-factor', cookie)).toMatchObject({ enabled: false, required: true });
  });

  it('enrols with a QR code drawn by the server and the first code, and gets ten recovery codes once', async () => {
    const setup = await t.ok('POST', '/api/auth/two-factor/setup', cookie);
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*xinguanli\?.*secret=/);
    expect(setup.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    secret = setup.secret;
    // The sealed secret in the table is not the secret.
    const [row] = await t.db
      .select()
      .from(twoFactor)
      .where(eq(twoFactor.userId, await idOf('xinguanli')));
    expect(row.secretSealed).not.toContain(secret);
    expect(row.confirmedAt).toBeNull();

    const wrong = await t.call('POST', '/api/auth/two-factor/confirm', cookie, { code: '000000' === codeAt(secret) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'code', message: expect.stringContaining('验证码不正确') });

    const { recoveryCodes } = await t.ok('POST', '/api/auth/two-factor/confirm', cookie, { code: codeAt(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes[0]).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect((await t.call('GET', '/api/users', cookie)).statusCode).toBe(200);
    expect(await t.ok('GET', '/api/auth/two-factor', cookie)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // The secret is never sent again: a second setup is refused.
    expect((await t.call('POST', '/api/auth/two-factor/setup', cookie)).statusCode).toBe(409);
    expect(await auditActions('xinguanli')).toEqual(expect.arrayContaining(['two-factor.setup', 'two-factor.enable']));
  });

  it('may not turn it off', async () => {
    const res = await t.call('DELETE', '/api/auth/two-factor', cookie, { code: codeAt(secret, 1) });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('管理员必须使用两步验证');
  });
});

describe('a login with a second factor', () => {
  const secret = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
  let recoveryCodes: string[];

  beforeAll(async () => {
    const user = await buildUser(t.system, 'cunganbu', [{ role: 'village_cadre', orgUnitCode: town.villageCodes[0] }]);
    await enrolBySystem(t.db, user.id, secret);
    const cookie = await t.login('cunganbu', TEST_PASSWORD, secret);
    ({ recoveryCodes } = await t.ok('POST', '/api/auth/two-factor/recovery-codes', cookie, { code: codeAt(secret, 1) }));
  });

  it('opens only a pending session after the password; the code completes it, and the same code is refused after', async () => {
    await t.db
      .update(twoFactor)
      .set({ lastUsedStep: null })
      .where(eq(twoFactor.userId, await idOf('cunganbu')));
    const { res, cookie } = await passwordStep('cunganbu');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ twoFactorRequired: true });
    const early = await t.call('GET', '/api/me', cookie);
    expect(early.statusCode).toBe(401);
    expect(early.json()).toMatchObject({ code: 'TWO_FACTOR_REQUIRED', detail: '请输入两步验证码完成登录' });

    const code = codeAt(secret);
    const me = await t.ok('POST', '/api/auth/two-factor/verify', cookie, { code });
    expect(me).toMatchObject({ username: 'cunganbu', twoFactor: { enabled: true, required: false } });
    expect((await t.call('GET', '/api/ledgers', cookie)).statusCode).toBe(200);

    // Someone who saw the code cannot use it again, in another login.
    const other = await passwordStep('cunganbu');
    const reused = await t.call('POST', '/api/auth/two-factor/verify', other.cookie, { code });
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ code: 'BAD_SECOND_FACTOR', detail: expect.stringContaining('验证码不正确或已使用过') });
    expect(await auditActions('cunganbu')).toEqual(expect.arrayContaining(['login.two-factor', 'two-factor.failed']));
  });

  it('takes a recovery code once', async () => {
    const first = await passwordStep('cunganbu');
    const code = recoveryCodes[0].toUpperCase();
    expect((await t.call('POST', '/api/auth/two-factor/verify', first.cookie, { code })).statusCode).toBe(200);
    const second = await passwordStep('cunganbu');
    expect((await t.call('POST', '/api/auth/two-factor/verify', second.cookie, { code })).statusCode).toBe(401);
    expect(await t.ok('GET', '/api/auth/two-factor', first.cookie)).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it('locks after five wrong codes: the pending session ends and the password alone no longer opens one', async () => {
    await t.db.execute(sql`DELETE FROM login_throttle`); // a fresh run of attempts
    const { cookie } = await passwordStep('cunganbu');
    const right = codeAt(secret);
    const wrong = right === '123456' ? '654321' : '123456';
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await t.call('POST', '/api/auth/two-factor/verify', cookie, { code: wrong })).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 423]);
    expect((await t.call('POST', '/api/auth/two-factor/verify', cookie, { code: right })).statusCode).toBe(401);
    const again = await passwordStep('cunganbu');
    expect(again.res.statusCode).toBe(423);
    expect(again.res.json().detail).toContain('锁定');
    // The administrator sees the lock in the user list and lifts it with a password reset's forgetting.
    const admin = await t.login((await buildUser(t.system, 'suoguan', [{ role: 'admin' }])).username, TEST_PASSWORD);
    const list = await t.ok('GET', '/api/users?q=cunganbu', admin);
    expect(list.items[0].lockedUntil).not.toBeNull();
  });
});

describe('actions that hand out household data', () => {
  let admin: string;
  let leader: string;

  beforeAll(async () => {
    await buildUser(t.system, 'guanli', [{ role: 'admin' }]);
    admin = await t.login('guanli', TEST_PASSWORD);
    await buildUser(t.system, 'lingdao', [{ role: 'leader', orgUnitCode: town.townshipCode }]);
    leader = await t.login('lingdao', TEST_PASSWORD);
  });

  it('refuse a grant of a household-data role without a fresh code, in Chinese, and change nothing', async () => {
    await ageSecondFactor(admin);
    const body = {
      username: 'xinlingdao',
      displayName: '新领导',
      password: 'Zw-new-2026',
      roles: [{ role: 'leader', orgUnitCode: town.townshipCode }],
    };
    const refused = await t.call('POST', '/api/users', admin, body);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'STEP_UP_REQUIRED', enrolled: true, detail: expect.stringContaining('请输入两步验证码') });
    expect((await t.ok('GET', '/api/users?q=xinlingdao', admin)).total).toBe(0);
    // A role without household data needs no code.
    await t.ok('POST', '/api/users', admin, { ...body, username: 'chakan', roles: [{ role: 'viewer', orgUnitCode: town.townshipCode }] }, 201);

    await t.db
      .update(twoFactor)
      .set({ lastUsedStep: null })
      .where(eq(twoFactor.userId, await idOf('guanli')));
    const { stepUpUntil } = await t.ok('POST', '/api/auth/two-factor/step-up', admin, { code: codeAt(TEST_TOTP_SECRET) });
    expect(new Date(stepUpUntil).getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);
    const created = await t.ok('POST', '/api/users', admin, body, 201);
    expect(created.user.roles[0]).toMatchObject({ role: 'leader', pending: true });
    expect(await auditActions('guanli')).toEqual(expect.arrayContaining(['two-factor.step-up', 'user.create']));
  });

  it('refuse the approval of a pending grant by a leader without a second factor, then take it once he has one', async () => {
    const [pending] = (await t.ok('GET', '/api/users/pending-grants', leader)).items;
    const url = `/api/users/${pending.user.id}/roles/${pending.id}/approve`;
    const refused = await t.call('POST', url, leader);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'STEP_UP_REQUIRED', enrolled: false, detail: expect.stringContaining('启用两步验证') });

    const setup = await t.ok('POST', '/api/auth/two-factor/setup', leader);
    await t.ok('POST', '/api/auth/two-factor/confirm', leader, { code: codeAt(setup.secret) });
    expect((await t.ok('POST', url, leader)).role).toBe('leader');
  });

  it('refuse a password reset of an account holding such a grant without a fresh code', async () => {
    await ageSecondFactor(admin);
    const id = await idOf('xinlingdao');
    const refused = await t.call('POST', `/api/users/${id}/reset-password`, admin);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('重置可查看个人信息的账户的密码');
    // An account without household data resets without one.
    expect((await t.call('POST', `/api/users/${await idOf('chakan')}/reset-password`, admin)).statusCode).toBe(200);
  });
});

describe("another user's second factor", () => {
  it('may be turned off by its owner (not an administrator) with a code, or reset by an administrator, audited', async () => {
    const secret = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
    const owner = await buildUser(t.system, 'wangge', [{ role: 'grid_worker', orgUnitCode: town.villageCodes[0] }]);
    await enrolBySystem(t.db, owner.id, secret);
    const cookie = await t.login('wangge', TEST_PASSWORD, secret);
    expect((await t.call('DELETE', '/api/auth/two-factor', cookie, { code: '000001' })).statusCode).toBe(401);
    expect((await t.call('DELETE', '/api/auth/two-factor', cookie, { code: codeAt(secret, 1) })).statusCode).toBe(204);
    expect((await passwordStep('wangge')).res.statusCode).toBe(200);

    await enrolBySystem(t.db, owner.id, secret);
    expect((await passwordStep('wangge')).res.statusCode).toBe(202);
    await buildUser(t.system, 'chongzhi', [{ role: 'admin' }]);
    const admin = await t.login('chongzhi', TEST_PASSWORD);
    // the user list says who signs in with a second factor (the 两步验证 column and its reset action)
    const listed = async () =>
      (await t.ok('GET', '/api/users?q=wangge', admin)).items.find((u: { username: string }) => u.username === 'wangge')?.twoFactorEnabled;
    expect(await listed()).toBe(true);
    await ageSecondFactor(admin);
    expect((await t.call('POST', `/api/users/${owner.id}/reset-two-factor`, admin)).json().code).toBe('STEP_UP_REQUIRED');
    expect(await listed()).toBe(true);
    await t.db
      .update(twoFactor)
      .set({ lastUsedStep: null })
      .where(eq(twoFactor.userId, await idOf('chongzhi')));
    await t.ok('POST', '/api/auth/two-factor/step-up', admin, { code: codeAt(TEST_TOTP_SECRET) });
    await t.ok('POST', `/api/users/${owner.id}/reset-two-factor`, admin, undefined, 204);
    expect((await passwordStep('wangge')).res.statusCode).toBe(200);
    expect(await listed()).toBe(false);
    expect(await auditActions('chongzhi')).toContain('user.reset-two-factor');
    expect(await auditActions('wangge')).toContain('two-factor.disable');
    expect(totpStep(Date.now())).toBeGreaterThan(0);
  });
});
