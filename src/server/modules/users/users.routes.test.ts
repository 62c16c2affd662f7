import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, readSheet, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';

let t: TestApp;
let town: Awaited<ReturnType<typeof buildTownship>>;
let admin: string;
let townAdmin: string;
let leader: string;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const userCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM users`))[0].n;

beforeAll(async () => {
  t = await buildTestApp();
  town = await buildTownship(t.system);
  await buildUser(t.system, 'root', [{ role: 'admin' }], '系统管理员');
  await buildUser(t.system, 'townadmin', [{ role: 'admin', orgUnitCode: town.townshipCode }], '镇管理员');
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: town.townshipCode }], '李书记');
  admin = await t.login('root', TEST_PASSWORD);
  townAdmin = await t.login('townadmin', TEST_PASSWORD);
  leader = await t.login('shuji', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('user administration', () => {
  it('creates a user with a random initial password that must be changed', async () => {
    const res = await call('POST', '/api/users', townAdmin, {
      username: 'cun202',
      displayName: '燕塘村张主任',
      phone: '13800001234',
      roles: [{ role: 'village_cadre', orgUnitCode: town.villageCodes[1] }],
    });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({
      username: 'cun202',
      displayName: '燕塘村张主任',
      mustChangePassword: true,
      disabled: false,
      roles: [{ role: 'village_cadre', roleName: '村干部', orgUnit: { code: town.villageCodes[1], name: '燕塘村' } }],
    });
    expect(initialPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{12,}$/);
    const hash = await queryRows<{ h: string }>(t.db, sql`SELECT password_hash AS h FROM users WHERE username = 'cun202'`);
    expect(hash[0].h).toMatch(/^\$argon2id\$/);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cun202', password: initialPassword } });
    expect(login.json().mustChangePassword).toBe(true);
  });

  it('lists and searches users with pagination', async () => {
    const page = (await call('GET', '/api/users?pageSize=2&page=1', admin)).json();
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(4);
    const found = (await call('GET', `/api/users?q=${encodeURIComponent('燕塘')}`, admin)).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(['cun202']);
  });

  it('refuses invalid input per field and a duplicate username, creating nothing', async () => {
    const before = await userCount();
    const bad = await call('POST', '/api/users', admin, { username: 'a', displayName: '', phone: '123', roles: [] });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['displayName', 'phone', 'roles', 'username']);
    const weak = await call('POST', '/api/users', admin, {
      username: 'weakling',
      displayName: '弱',
      password: 'abc',
      roles: [{ role: 'viewer', orgUnitCode: town.townshipCode }],
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([{ field: 'password', message: '密码至少需要8位' }]);
    const noScope = await call('POST', '/api/users', admin, { username: 'noscope', displayName: '无范围', roles: [{ role: 'village_cadre' }] });
    expect(noScope.statusCode).toBe(400);
    expect(noScope.json().errors[0].field).toBe('roles.0.orgUnitCode');
    const dup = await call('POST', '/api/users', admin, {
      username: 'cun202',
      displayName: '重复',
      roles: [{ role: 'viewer', orgUnitCode: town.townshipCode }],
    });
    expect(dup.statusCode).toBe(409);
    expect(await userCount()).toBe(before);
  });

  it('refuses common passwords and passwords containing the username, at creation and at change', async () => {
    const before = await userCount();
    const role = [{ role: 'viewer', orgUnitCode: town.townshipCode }];
    for (const password of ['password1', 'abcd1234', 'Passw0rd', 'Password2026']) {
      const res = await call('POST', '/api/users', admin, { username: 'ruomima', displayName: '弱密码', password, roles: role });
      expect(res.json().errors, password).toEqual([{ field: 'password', message: '密码过于常见，容易被猜中，请换一个' }]);
    }
    const own = await call('POST', '/api/users', admin, { username: 'ruomima', displayName: '弱密码', password: 'ruomima1', roles: role });
    expect(own.json().errors).toEqual([{ field: 'password', message: '密码不能包含用户名' }]);
    expect(await userCount()).toBe(before);

    const change = (newPassword: string) => call('POST', '/api/auth/password', leader, { currentPassword: TEST_PASSWORD, newPassword });
    expect((await change('Shuji2026')).json().errors).toEqual([{ field: 'newPassword', message: '密码不能包含用户名' }]);
    expect((await change('Qwerty2026')).json().errors).toEqual([{ field: 'newPassword', message: '密码过于常见，容易被猜中，请换一个' }]);
  });

  it('keeps a township administrator inside his township', async () => {
    const before = await userCount();
    const county = await call('POST', '/api/users', townAdmin, {
      username: 'countyviewer',
      displayName: '市里',
      roles: [{ role: 'viewer', orgUnitCode: town.countyCode }],
    });
    expect(county.statusCode).toBe(403);
    const global = await call('POST', '/api/users', townAdmin, { username: 'root2', displayName: '全局', roles: [{ role: 'admin' }] });
    expect(global.statusCode).toBe(403);
    const [rootUser] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM users WHERE username = 'root'`);
    expect((await call('POST', `/api/users/${rootUser.id}/reset-password`, townAdmin)).statusCode).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it('refuses user management to everyone but administrators', async () => {
    expect((await call('GET', '/api/users', leader)).statusCode).toBe(403);
    const res = await call('POST', '/api/users', leader, {
      username: 'sneaky',
      displayName: '偷偷',
      roles: [{ role: 'leader', orgUnitCode: town.townshipCode }],
    });
    expect(res.statusCode).toBe(403);
  });

  it('edits roles, resets the password and revokes sessions, disables and enables', async () => {
    const created = (
      await call('POST', '/api/users', admin, {
        username: 'zuyuan',
        displayName: '组员',
        password: 'Start2026a',
        roles: [{ role: 'viewer', orgUnitCode: town.townshipCode }],
      })
    ).json().user;
    const session = await t.login('zuyuan', 'Start2026a');
    const edited = await call('PATCH', `/api/users/${created.id}`, admin, {
      displayName: '组员甲',
      roles: [{ role: 'grid_worker', orgUnitCode: town.villageCodes[0] }],
    });
    expect(edited.json()).toMatchObject({ displayName: '组员甲', roles: [{ role: 'grid_worker', orgUnit: { code: town.villageCodes[0] } }] });

    const reset = await call('POST', `/api/users/${created.id}/reset-password`, admin);
    expect(reset.json().initialPassword).toMatch(/\d/);
    expect((await call('GET', '/api/me', session)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zuyuan', password: 'Start2026a' } })).statusCode).toBe(
      401,
    );

    const disabled = await call('POST', `/api/users/${created.id}/disable`, admin);
    expect(disabled.json().disabled).toBe(true);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'zuyuan', password: reset.json().initialPassword },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('停用');
    expect((await call('POST', `/api/users/${created.id}/enable`, admin)).json().disabled).toBe(false);

    const actions = await queryRows<{ action: string }>(
      t.db,
      sql`SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = ${String(created.id)} ORDER BY id`,
    );
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['user.create', 'user.update', 'user.reset-password', 'user.disable', 'user.enable']),
    );
  });

  it('answers 404 for an unknown user and refuses to disable oneself', async () => {
    expect((await call('POST', '/api/users/999999/disable', admin)).statusCode).toBe(404);
    const [me] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM users WHERE username = 'root'`);
    expect((await call('POST', `/api/users/${me.id}/disable`, admin)).statusCode).toBe(409);
  });
});

describe('one user and forced logout', () => {
  it('reads one user, and forcing a user offline ends his sessions', async () => {
    const [row] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM users WHERE username = 'shuji'`);
    const one = await call('GET', `/api/users/${row.id}`, admin);
    expect(one.json()).toMatchObject({ username: 'shuji', displayName: '李书记', roles: [{ role: 'leader' }] });
    expect((await call('GET', `/api/users/${row.id}`, leader)).statusCode).toBe(403);
    const session = await t.login('shuji', TEST_PASSWORD);
    expect((await call('GET', '/api/me', session)).statusCode).toBe(200);
    expect((await call('POST', `/api/users/${row.id}/revoke-sessions`, admin)).statusCode).toBe(204);
    expect((await call('GET', '/api/me', session)).statusCode).toBe(401);
    leader = await t.login('shuji', TEST_PASSWORD);
  });
});

describe('user export', () => {
  it('exports the filtered users to Excel and audits it; a leader is refused', async () => {
    const res = await call('GET', `/api/users/export?q=${encodeURIComponent('燕塘')}`, admin);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload, '用户');
    expect(rows).toEqual([
      ['用户名', '姓名', '手机', '角色与范围', '状态', '两步验证', '最近登录'],
      ['cun202', '燕塘村张主任', '13800001234', '村干部（燕塘村）', '正常', '未开启', expect.any(String)],
    ]);
    const audited = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'user.export'`);
    expect(audited[0].n).toBe(1);
    expect((await call('GET', '/api/users/export', leader)).statusCode).toBe(403);
  });
});
