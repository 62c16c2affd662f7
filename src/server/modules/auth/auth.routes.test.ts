import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { loginThrottle } from '../../db/schema.js';
import { queryRows } from '../../db/connection.js';
import { createUser } from '../users/users.service.js';
import { loadConfig } from '../../config.js';

let t: TestApp;
let township: Awaited<ReturnType<typeof buildTownship>>;

beforeAll(async () => {
  t = await buildTestApp();
  township = await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: township.townshipCode }], '李书记');
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('health', () => {
  it('answers without a session and names the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });
});

describe('login, session, logout', () => {
  it('logs in with an HttpOnly SameSite cookie and describes the user', async () => {
    const res = await login('shuji', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'zw_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({
      username: 'shuji',
      displayName: '李书记',
      township: { code: '430681105000', name: '川山坪镇' },
      roles: [{ role: 'leader', roleName: '镇领导', orgUnit: { code: '430681105000' } }],
      abilities: { orgWrite: true, usersManage: false },
    });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `zw_session=${cookie.value}` } });
    expect(me.json().username).toBe('shuji');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuses a wrong password in Chinese and records the failure', async () => {
    const res = await login('shuji', 'wrong-password1');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toContain('用户名或密码错误');
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.failed' AND username = 'shuji'`,
    );
    expect(rows[0].n).toBeGreaterThan(0);
    await t.db.delete(loginThrottle).where(eq(loginThrottle.username, 'shuji'));
  });

  it('answers 401 without a session and after logout', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const cookie = await t.login('shuji', TEST_PASSWORD);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    const actions = await queryRows<{ action: string }>(t.db, sql`SELECT action FROM audit_log WHERE username = 'shuji' ORDER BY id`);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['login', 'login.failed', 'logout']));
  });

  it('refuses a mutation from a foreign origin', async () => {
    const res = await login('shuji', TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FOREIGN_ORIGIN');
    const own = await login('shuji', TEST_PASSWORD, { origin: 'http://localhost:80', host: 'localhost:80' });
    expect(own.statusCode).toBe(200);
  });

  it('validates the login body with per-field Chinese messages', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['username', 'password']));
    expect(JSON.stringify(res.json().errors)).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('lockout', () => {
  it('locks an account for 15 minutes after 5 failures, even for the right password', async () => {
    await buildUser(t.system, 'locky', [{ role: 'village_cadre', orgUnitCode: township.villageCodes[0] }]);
    for (let i = 0; i < 4; i++) expect((await login('locky', 'bad-password1')).statusCode).toBe(401);
    const fifth = await login('locky', 'bad-password1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().detail).toContain('锁定');
    const right = await login('locky', TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    const [row] = await t.db.select().from(loginThrottle).where(eq(loginThrottle.username, 'locky'));
    const minutes = (row.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('limits all requests per address, with room for an office behind one gateway', async () => {
    const limited = await buildTestApp({ ZHENWU_REQUEST_RATE_LIMIT: '5' });
    try {
      const codes = [];
      for (let i = 0; i < 6; i++) codes.push((await limited.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.9.9.8' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
      expect((await limited.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '10.9.9.7' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
    expect(loadConfig({}).requestRateLimitPerMinute).toBe(6000);
  });

  it('rate-limits logins per IP', async () => {
    const limited = await buildTestApp({ ZHENWU_LOGIN_RATE_LIMIT: '3' });
    try {
      const codes = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'nobody', password: 'x' },
          remoteAddress: '10.9.9.9',
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('forced password change', () => {
  it('blocks everything but /api/me until a random initial password is replaced', async () => {
    const { initialPassword } = await createUser(t.system, {
      username: 'newbie',
      displayName: '新用户',
      roles: [{ role: 'village_cadre', orgUnitCode: township.villageCodes[1] }],
    });
    expect(initialPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12}$/);
    const cookie = await t.login('newbie', initialPassword!);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: `/api/org-units/${township.villageCodes[1]}`, headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: initialPassword, newPassword: 'abcdefgh' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0]).toEqual({ field: 'newPassword', message: '密码必须同时包含字母和数字' });

    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { currentPassword: initialPassword, newPassword: 'Village2026' },
    });
    expect(ok.statusCode).toBe(204);
    const open = await t.app.inject({ method: 'GET', url: `/api/org-units/${township.villageCodes[1]}`, headers: { cookie } });
    expect(open.statusCode).toBe(200);
  });
});
