// Four eyes on household data: an administrator's grant of a role carrying personal.read waits for a township
// leader of that scope; until then the account cannot use it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, TEST_TOTP_SECRET, type TestApp } from '../../testing/test-app.js';
import { enrolBySystem } from '../auth/index.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';

let t: TestApp;
let town: Awaited<ReturnType<typeof buildTownship>>;
const cookies: Record<string, string> = {};
let groupId: number;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const auditActions = async (userId: number) =>
  await queryRows<{ action: string; username: string }>(
    t.db,
    sql`
  SELECT action, username FROM audit_log WHERE entity = 'user' AND entity_id = ${String(userId)} AND action LIKE 'role.grant.%' ORDER BY id`,
  );

/** The administrator creates an account with a known password; answers the user and his (pending) grant. */
async function createByAdmin(username: string, role: string, orgUnitCode: string) {
  const res = await call('POST', '/api/users', cookies.root, {
    username,
    displayName: username,
    password: 'Zw-new-2026',
    roles: [{ role, orgUnitCode }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().user as { id: number; roles: { id: number; role: string; pending: boolean }[] };
}

beforeAll(async () => {
  t = await buildTestApp();
  town = await buildTownship(t.system);
  const accounts: [string, { role: 'admin' | 'leader' | 'line_lead' | 'village_cadre' | 'grid_worker' | 'viewer'; orgUnitCode?: string }[]][] = [
    ['root', [{ role: 'admin' }]],
    ['townadmin', [{ role: 'admin', orgUnitCode: town.townshipCode }]],
    ['shuji', [{ role: 'leader', orgUnitCode: town.townshipCode }]],
    ['zhenzhang', [{ role: 'leader', orgUnitCode: town.townshipCode }]],
    ['cunleader', [{ role: 'leader', orgUnitCode: town.villageCodes[0] }]],
    ['tiaoxian', [{ role: 'line_lead', orgUnitCode: town.townshipCode }]],
    ['cun201', [{ role: 'village_cadre', orgUnitCode: town.villageCodes[0] }]],
    ['wangge', [{ role: 'grid_worker', orgUnitCode: town.villageCodes[0] }]],
    ['chakan', [{ role: 'viewer', orgUnitCode: town.townshipCode }]],
    // one person who is both: administrator and township leader
    [
      'jianguan',
      [
        { role: 'admin', orgUnitCode: town.townshipCode },
        { role: 'leader', orgUnitCode: town.townshipCode },
      ],
    ],
  ];
  for (const [username, roles] of accounts) {
    const user = await buildUser(t.system, username, roles);
    // approving a grant needs the approver's second factor (two-factor.routes.test.ts): the leaders have one
    if (roles.some((r) => r.role === 'leader')) await enrolBySystem(t.db, user.id, TEST_TOTP_SECRET);
    cookies[username] = await t.login(username, TEST_PASSWORD);
  }
  // a group leader whose small group covers the first village
  const [group] = await queryRows<{ id: number }>(
    t.db,
    sql`
    INSERT INTO cadre_groups (township_id, kind, name) SELECT id, 'small', '第一小组' FROM org_units WHERE code = ${town.townshipCode} RETURNING id`,
  );
  await t.db.execute(
    sql`INSERT INTO cadre_group_villages (township_id, group_id, org_unit_id) SELECT township_id, ${group.id}, id FROM org_units WHERE code = ${town.villageCodes[0]}`,
  );
  groupId = group.id;
  await buildUser(t.system, 'zuzhang', [{ role: 'group_leader', cadreGroupId: group.id }]);
  cookies.zuzhang = await t.login('zuzhang', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('an administrator granting household data', () => {
  it('cannot create a leader account and use it: the grant waits, the account reads nothing', async () => {
    const user = await createByAdmin('jiaduan', 'leader', town.townshipCode);
    expect(user.roles).toEqual([expect.objectContaining({ role: 'leader', pending: true })]);
    const cookie = await t.login('jiaduan', 'Zw-new-2026');
    const me = (await call('GET', '/api/me', cookie)).json();
    expect(me.roles).toEqual([]);
    expect(me.abilities).toMatchObject({ ledgerRead: false, indicatorRead: false, grantApprove: false });
    expect((await call('GET', '/api/ledgers', cookie)).statusCode).toBe(403);
    expect(await auditActions(user.id)).toEqual([{ action: 'role.grant.requested', username: 'root' }]);
  });

  it('shows the pending grant to the administrator and to the leaders of its scope, who approve it', async () => {
    const user = await createByAdmin('xincun', 'village_cadre', town.villageCodes[1]);
    const grantId = user.roles[0].id;
    const listed = (await call('GET', `/api/users/${user.id}`, cookies.root)).json();
    expect(listed.roles[0]).toMatchObject({ id: grantId, pending: true });
    const waiting = (await call('GET', '/api/users/pending-grants', cookies.shuji)).json();
    expect(waiting.items).toContainEqual(
      expect.objectContaining({
        id: grantId,
        user: expect.objectContaining({ username: 'xincun' }),
        role: 'village_cadre',
        roleName: '村干部',
        requestedBy: 'root',
      }),
    );
    // a leader of another village sees none of it
    expect((await call('GET', '/api/users/pending-grants', cookies.cunleader)).json().items.map((g: { id: number }) => g.id)).not.toContain(grantId);

    const approved = await call('POST', `/api/users/${user.id}/roles/${grantId}/approve`, cookies.shuji);
    expect(approved.statusCode, approved.body).toBe(200);
    const me = (await call('GET', '/api/me', await t.login('xincun', 'Zw-new-2026'))).json();
    expect(me.roles).toEqual([expect.objectContaining({ role: 'village_cadre', pending: false })]);
    expect(me.abilities.ledgerRead).toBe(true);
    expect(await auditActions(user.id)).toEqual([
      { action: 'role.grant.requested', username: 'root' },
      { action: 'role.grant.approved', username: 'shuji' },
    ]);
    const again = await call('POST', `/api/users/${user.id}/roles/${grantId}/approve`, cookies.zhenzhang);
    expect(again.statusCode).toBe(409);
  });

  it('refuses approval to everyone but a township leader of the scope, and to the grantee himself', async () => {
    const user = await createByAdmin('daishen', 'grid_worker', town.villageCodes[1]);
    const url = `/api/users/${user.id}/roles/${user.roles[0].id}/approve`;
    for (const refused of ['root', 'townadmin', 'tiaoxian', 'zuzhang', 'cun201', 'wangge', 'chakan', 'cunleader']) {
      const res = await call('POST', url, cookies[refused]);
      expect(res.statusCode, refused).toBe(403);
    }
    for (const refused of ['root', 'townadmin', 'tiaoxian', 'zuzhang', 'cun201', 'wangge', 'chakan']) {
      expect((await call('GET', '/api/users/pending-grants', cookies[refused])).statusCode, refused).toBe(403);
    }
    expect((await call('POST', '/api/users/pending-grants', cookies.shuji)).statusCode).toBe(404);
    expect((await call('GET', `/api/users/${user.id}`, cookies.root)).json().roles[0].pending).toBe(true);
    expect((await call('POST', `/api/users/${user.id}/roles/999999/approve`, cookies.shuji)).statusCode).toBe(404);

    // Nor does the grantee approve his own grant, even as a leader of its scope.
    const self = await createByAdmin('ziji', 'village_cadre', town.villageCodes[2]);
    await t.db.execute(
      sql`INSERT INTO user_roles (user_id, role, org_unit_id) SELECT ${self.id}, 'leader', id FROM org_units WHERE code = ${town.townshipCode}`,
    );
    const own = await call('POST', `/api/users/${self.id}/roles/${self.roles[0].id}/approve`, await t.login('ziji', 'Zw-new-2026'));
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toContain('自己');
  });

  it('makes a group leader grant wait too, for a leader of its township', async () => {
    const res = await call('POST', '/api/users', cookies.root, {
      username: 'xinzuzhang',
      displayName: '新组长',
      password: 'Zw-new-2026',
      roles: [{ role: 'group_leader', cadreGroupId: groupId }],
    });
    const user = res.json().user;
    expect(user.roles[0]).toMatchObject({ role: 'group_leader', pending: true });
    const approved = await call('POST', `/api/users/${user.id}/roles/${user.roles[0].id}/approve`, cookies.zhenzhang);
    expect(approved.json()).toMatchObject({ role: 'group_leader', cadreGroup: { id: groupId, name: '第一小组' } });
  });

  it('needs no second person for roles without household data, for the system, or for a leader who manages users', async () => {
    const viewer = await createByAdmin('kanban', 'viewer', town.townshipCode);
    expect(viewer.roles[0].pending).toBe(false);
    const built = await buildUser(t.system, 'xitong', [{ role: 'leader', orgUnitCode: town.townshipCode }]);
    expect(built.roles[0].pending).toBe(false);
    const byLeader = await call('POST', '/api/users', cookies.jianguan, {
      username: 'lingdao',
      displayName: '领导建',
      password: 'Zw-new-2026',
      roles: [{ role: 'village_cadre', orgUnitCode: town.villageCodes[2] }],
    });
    expect(byLeader.json().user.roles[0].pending).toBe(false);
  });

  it('keeps approved grants through an edit and makes only the added one wait', async () => {
    const [cadre] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM users WHERE username = 'cun201'`);
    const edited = await call('PATCH', `/api/users/${cadre.id}`, cookies.root, {
      roles: [
        { role: 'village_cadre', orgUnitCode: town.villageCodes[0] },
        { role: 'village_cadre', orgUnitCode: town.villageCodes[2] },
      ],
    });
    expect(edited.json().roles).toEqual([
      expect.objectContaining({ orgUnit: expect.objectContaining({ code: town.villageCodes[0] }), pending: false }),
      expect.objectContaining({ orgUnit: expect.objectContaining({ code: town.villageCodes[2] }), pending: true }),
    ]);
  });

  it('puts household grants back to approval after the administrator resets the password', async () => {
    const [wangge] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM users WHERE username = 'wangge'`);
    const reset = await call('POST', `/api/users/${wangge.id}/reset-password`, cookies.root);
    const cookie = await t.login('wangge', reset.json().initialPassword);
    await call('POST', '/api/auth/password', cookie, { currentPassword: reset.json().initialPassword, newPassword: 'Zw-taken-2026' });
    const me = (await call('GET', '/api/me', await t.login('wangge', 'Zw-taken-2026'))).json();
    expect(me.roles).toEqual([]);
    expect(me.abilities.ledgerRead).toBe(false);
  });
});
