import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';
import { closeUnit, createUnit } from '../org/org.service.js';

let t: TestApp;
let leader: string;
let cadre: string;
let viewer: string;
let admin: string;
let otherLeader: string;
const [CHUANSHAN, YANTANG, QIAOPING, JIUCUN, GAOFANG] = ['430681105201', '430681105202', '430681105203', '430681105204', '430681105205'];
const TOWN = '430681105000';
const OTHER_VILLAGE = '430681106201';
// Every successful write made through the API, to prove at the end that each left an audit entry.
let writes = 0;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
async function call(method: Method, url: string, cookie: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  if (method !== 'GET' && res.statusCode < 300) writes++;
  return res;
}
const tree = async () => (await call('GET', '/api/cadre-groups', leader)).json().items;
const createGroup = async (body: object, cookie = leader) => {
  const res = await call('POST', '/api/cadre-groups', cookie, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system, ['川山村', '燕塘村', '桥坪村', '旧村', '高坊村']);
  await closeUnit(t.system, JIUCUN, '2021-06-30');
  await createUnit(t.system, { parentCode: '430681000000', name: '白水镇', level: 'town', code: '430681106000' });
  await createUnit(t.system, { parentCode: '430681106000', name: '白水村', level: 'village', code: OTHER_VILLAGE });
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }]);
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  await buildUser(t.system, 'baishui', [{ role: 'leader', orgUnitCode: '430681106000' }]);
  [leader, cadre, viewer, admin, otherLeader] = await Promise.all(
    ['shuji', 'cun202', 'chakan', 'root', 'baishui'].map((u) => t.login(u, TEST_PASSWORD)),
  );
});
afterAll(() => t.close());

describe('building the cadre organisation', () => {
  it('lets a township leader create big and small groups with members and villages, read back as a tree', async () => {
    const big = await createGroup({ name: '第一大组', kind: 'big' });
    expect(big).toMatchObject({ kind: 'big', name: '第一大组', parentId: null, leader: null, members: [], villages: [], children: [] });
    const small = await createGroup({ name: '第一小组', kind: 'small', parentId: big.id });
    await createGroup({ name: '第二小组', kind: 'small', parentId: big.id });

    const members = await call('PUT', `/api/cadre-groups/${small.id}/members`, leader, {
      members: [
        { name: '张伟', position: '常务副镇长', isLeader: true },
        { name: '刘芳', position: '党政办干部', isLeader: false },
        { name: '陈军', isLeader: false },
      ],
    });
    expect(members.statusCode, members.body).toBe(200);
    expect(members.json().leader).toEqual({ name: '张伟', position: '常务副镇长' });
    const villages = await call('PUT', `/api/cadre-groups/${small.id}/villages`, leader, { villageCodes: [YANTANG, CHUANSHAN] });
    expect(villages.statusCode, villages.body).toBe(200);
    expect(
      (await call('PUT', `/api/cadre-groups/${big.id}/members`, leader, { members: [{ name: '李建国', position: '党委书记', isLeader: true }] }))
        .statusCode,
    ).toBe(200);

    const items = await tree();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: big.id, kind: 'big', name: '第一大组', leader: { name: '李建国', position: '党委书记' } });
    expect(items[0].children.map((c: { name: string }) => c.name)).toEqual(['第一小组', '第二小组']);
    expect(items[0].children[0]).toMatchObject({
      kind: 'small',
      parentId: big.id,
      leader: { name: '张伟', position: '常务副镇长' },
      villages: [
        { code: CHUANSHAN, name: '川山村' },
        { code: YANTANG, name: '燕塘村' },
      ],
      children: [],
    });
    expect(
      items[0].children[0].members.map((m: { name: string; position: string | null; isLeader: boolean }) => [m.name, m.position, m.isLeader]),
    ).toEqual([
      ['张伟', '常务副镇长', true],
      ['刘芳', '党政办干部', false],
      ['陈军', null, false],
    ]);
  });

  it('renames a group and moves a small group to another big group', async () => {
    const second = await createGroup({ name: '第二大组', kind: 'big' });
    const small = (await tree())[0].children.find((c: { name: string }) => c.name === '第二小组');
    const res = await call('PATCH', `/api/cadre-groups/${small.id}`, leader, { name: '第三小组', parentId: second.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '第三小组', parentId: second.id });
    const items = await tree();
    expect(items.map((g: { name: string; children: { name: string }[] }) => [g.name, g.children.map((c) => c.name)])).toEqual([
      ['第一大组', ['第一小组']],
      ['第二大组', ['第三小组']],
    ]);
  });

  it('deletes an empty small group, and refuses to delete a big group that still has small groups', async () => {
    const big = (await tree())[0];
    const spare = await createGroup({ name: '备用小组', kind: 'small', parentId: big.id });
    expect((await call('DELETE', `/api/cadre-groups/${spare.id}`, leader)).statusCode).toBe(204);
    // Deletes are soft: the row stays for history, and the name is free again.
    const [kept] = await queryRows<{ deleted: boolean }>(
      t.db,
      sql`SELECT deleted_at IS NOT NULL AS deleted FROM cadre_groups WHERE id = ${spare.id}`,
    );
    expect(kept).toEqual({ deleted: true });
    const again = await createGroup({ name: '备用小组', kind: 'small', parentId: big.id });
    expect((await call('DELETE', `/api/cadre-groups/${again.id}`, leader)).statusCode).toBe(204);
    const refused = await call('DELETE', `/api/cadre-groups/${big.id}`, leader);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toBe('“第一大组”下还有 1 个小组，请先删除或将其移到其他大组');
    expect((await tree()).map((g: { name: string }) => g.name)).toEqual(['第一大组', '第二大组']);
  });
});

describe('rules and bad input', () => {
  const expectRefused = async (res: Awaited<ReturnType<typeof call>>, status: number, field?: string, message?: string | RegExp) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (field) {
      const error = res.json().errors.find((e: { field: string }) => e.field === field);
      expect(error, res.body).toBeDefined();
      if (message) expect(error.message).toMatch(message);
    }
    return res.json();
  };

  it('answers invalid bodies with 400 and Chinese per-field messages, changing nothing', async () => {
    const before = await tree();
    const [big] = before;
    const small = big.children[0];
    await expectRefused(await call('POST', '/api/cadre-groups', leader, { kind: 'big' }), 400, 'name', '请填写组名');
    await expectRefused(await call('POST', '/api/cadre-groups', leader, { name: '第九大组', kind: 'huge' }), 400, 'kind', /大组/);
    await expectRefused(await call('POST', '/api/cadre-groups', leader, { name: 'x'.repeat(51), kind: 'big' }), 400, 'name', '组名不能超过50个字');
    await expectRefused(
      await call('POST', '/api/cadre-groups', leader, { name: '第九大组', kind: 'big', parentId: big.id }),
      400,
      'parentId',
      '大组不能有上级',
    );
    await expectRefused(await call('POST', '/api/cadre-groups', leader, { name: '第九小组', kind: 'small' }), 400, 'parentId', /必须属于一个大组/);
    await expectRefused(
      await call('POST', '/api/cadre-groups', leader, { name: '第九小组', kind: 'small', parentId: small.id }),
      400,
      'parentId',
      /上级必须是大组/,
    );
    await expectRefused(
      await call('POST', '/api/cadre-groups', leader, { name: '第九小组', kind: 'small', parentId: 999999 }),
      400,
      'parentId',
      '上级大组不存在',
    );
    await expectRefused(await call('PATCH', `/api/cadre-groups/${small.id}`, leader, {}), 400, 'name', /至少修改一项/);
    await expectRefused(await call('PATCH', `/api/cadre-groups/${small.id}`, leader, { parentId: null }), 400, 'parentId', /必须属于一个大组/);

    const twoLeaders = await expectRefused(
      await call('PUT', `/api/cadre-groups/${small.id}/members`, leader, {
        members: [
          { name: '张伟', isLeader: true },
          { name: '王强', isLeader: true },
        ],
      }),
      400,
      'members.1.isLeader',
      /只能有一名组长/,
    );
    expect(twoLeaders.title).toBe('输入有误');
    await expectRefused(
      await call('PUT', `/api/cadre-groups/${small.id}/members`, leader, { members: [{ name: '', isLeader: false }] }),
      400,
      'members.0.name',
      '请填写姓名',
    );
    await expectRefused(
      await call('PUT', `/api/cadre-groups/${small.id}/members`, leader, { members: [{ name: '王强' }] }),
      400,
      'members.0.isLeader',
      /是否为组长/,
    );
    await expectRefused(
      await call('PUT', `/api/cadre-groups/${small.id}/members`, leader, { members: [{ name: '王强', isLeader: false, userId: 999999 }] }),
      400,
      'members.0.userId',
      '账号 999999 不存在',
    );

    const villages = await expectRefused(
      await call('PUT', `/api/cadre-groups/${small.id}/villages`, leader, { villageCodes: ['430681105299', TOWN, JIUCUN, OTHER_VILLAGE, 'abc'] }),
      400,
      'villageCodes.4',
      '村代码应为12位数字',
    );
    expect(villages.errors).toHaveLength(1);
    const checked = await expectRefused(
      await call('PUT', `/api/cadre-groups/${small.id}/villages`, leader, { villageCodes: ['430681105299', TOWN, JIUCUN, OTHER_VILLAGE] }),
      400,
    );
    expect(checked.errors).toEqual([
      { field: 'villageCodes.0', message: '村 430681105299 不存在' },
      { field: 'villageCodes.1', message: '“川山坪镇”不是村（社区）' },
      { field: 'villageCodes.2', message: '“旧村”已于 2021-06-30 撤销' },
      { field: 'villageCodes.3', message: '“白水村”不属于川山坪镇' },
    ]);
    await expectRefused(
      await call('PUT', `/api/cadre-groups/${big.id}/villages`, leader, { villageCodes: [QIAOPING] }),
      400,
      'villageCodes',
      /是大组/,
    );
    expect(await tree()).toEqual(before);
  });

  it('refuses duplicate names in the township (409) but allows the same name in another township', async () => {
    const before = await tree();
    const dup = await expectRefused(await call('POST', '/api/cadre-groups', leader, { name: '第一小组', kind: 'big' }), 409);
    expect(dup.detail).toBe('本镇已有名为“第一小组”的组');
    await expectRefused(await call('PATCH', `/api/cadre-groups/${before[1].id}`, leader, { name: '第一大组' }), 409);
    expect(await tree()).toEqual(before);
    await createGroup({ name: '第一大组', kind: 'big' }, otherLeader);
  });

  it('lets a village be covered by one small group at a time (409 naming the other group)', async () => {
    const before = await tree();
    const third = before[1].children[0];
    const res = await expectRefused(await call('PUT', `/api/cadre-groups/${third.id}/villages`, leader, { villageCodes: [QIAOPING, YANTANG] }), 409);
    expect(res.detail).toBe('“燕塘村”已由“第一小组”包联，一个村同一时间只能由一个小组包联');
    expect(await tree()).toEqual(before);
    expect((await call('PUT', `/api/cadre-groups/${third.id}/villages`, leader, { villageCodes: [QIAOPING, QIAOPING] })).json().villages).toEqual([
      { code: QIAOPING, name: '桥坪村' },
    ]);
  });

  it('keeps the rules under concurrent requests: one wins, the other gets 409', async () => {
    const before = await tree();
    const names = await Promise.all([1, 2].map(() => call('POST', '/api/cadre-groups', leader, { name: '并发大组', kind: 'big' })));
    expect(names.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const big = names.find((r) => r.statusCode === 201)!.json();
    const [a, b] = [
      await createGroup({ name: '并发甲组', kind: 'small', parentId: big.id }),
      await createGroup({ name: '并发乙组', kind: 'small', parentId: big.id }),
    ];
    const covers = await Promise.all([a, b].map((g) => call('PUT', `/api/cadre-groups/${g.id}/villages`, leader, { villageCodes: [GAOFANG] })));
    expect(covers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    for (const id of [a.id, b.id, big.id]) expect((await call('DELETE', `/api/cadre-groups/${id}`, leader)).statusCode).toBe(204);
    expect(await tree()).toEqual(before);
  });

  it('answers 404 for an unknown id and for a group of another township', async () => {
    const [big] = await tree();
    expect((await call('PATCH', '/api/cadre-groups/999999', leader, { name: '无此组' })).statusCode).toBe(404);
    expect((await call('DELETE', '/api/cadre-groups/999999', leader)).statusCode).toBe(404);
    expect((await call('DELETE', '/api/cadre-groups/abc', leader)).json().errors).toEqual([{ field: 'id', message: '编号应为数字' }]);
    const foreign = await call('PATCH', `/api/cadre-groups/${big.id}`, otherLeader, { name: '抢来的组' });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().detail).toBe(`组 ${big.id} 不存在`);
    expect((await call('PUT', `/api/cadre-groups/${big.id}/members`, otherLeader, { members: [] })).statusCode).toBe(404);
    expect((await call('GET', '/api/cadre-groups', otherLeader)).json().items.map((g: { name: string }) => g.name)).toEqual(['第一大组']);
    expect((await tree())[0].name).toBe('第一大组');
  });
});

describe('who may do what', () => {
  it('lets a village cadre and a viewer read but refuses every write with 403', async () => {
    const before = await tree();
    const small = before[0].children[0];
    for (const cookie of [cadre, viewer]) {
      expect((await call('GET', '/api/cadre-groups', cookie)).json().items).toHaveLength(2);
      expect((await call('GET', '/api/work-lines', cookie)).statusCode).toBe(200);
      const attempts: [Method, string, object?][] = [
        ['POST', '/api/cadre-groups', { name: '村里自建组', kind: 'big' }],
        ['PATCH', `/api/cadre-groups/${small.id}`, { name: '改名' }],
        ['DELETE', `/api/cadre-groups/${small.id}`],
        ['PUT', `/api/cadre-groups/${small.id}/members`, { members: [] }],
        ['PUT', `/api/cadre-groups/${small.id}/villages`, { villageCodes: [] }],
        ['POST', '/api/work-lines', { name: '村级条线', leaderName: '某某' }],
        ['PATCH', '/api/work-lines/1', { name: '改名' }],
        ['DELETE', '/api/work-lines/1'],
      ];
      for (const [method, url, body] of attempts) {
        const res = await call(method, url, cookie, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().detail).toMatch(/^您无权修改“川山坪镇”的/);
      }
    }
    expect(await tree()).toEqual(before);
  });

  it('asks a deployment administrator to name the township', async () => {
    const missing = await call('GET', '/api/cadre-groups', admin);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ detail: '请指定乡镇', errors: [{ field: 'township', message: '请指定乡镇（township=乡镇代码）' }] });
    expect((await call('GET', `/api/cadre-groups?township=${YANTANG}`, admin)).statusCode).toBe(400);
    expect((await call('GET', '/api/cadre-groups?township=430681199000', admin)).statusCode).toBe(404);
    const named = await call('GET', `/api/cadre-groups?township=${TOWN}`, admin);
    expect(named.json().items.map((g: { name: string }) => g.name)).toEqual(['第一大组', '第二大组']);
    expect((await call('GET', '/api/cadre-groups?township=430681106000', leader)).statusCode).toBe(403);
  });

  it('scopes a group leader to the villages his small group covers', async () => {
    const small = (await tree())[0].children[0];
    await buildUser(t.system, 'zuzhang', [{ role: 'group_leader', cadreGroupId: small.id }]);
    const zuzhang = await t.login('zuzhang', TEST_PASSWORD);
    expect((await call('GET', `/api/org-units/${YANTANG}`, zuzhang)).statusCode).toBe(200);
    expect((await call('GET', `/api/org-units/${CHUANSHAN}`, zuzhang)).statusCode).toBe(200);
    expect((await call('GET', `/api/org-units/${QIAOPING}`, zuzhang)).statusCode).toBe(403);
    expect((await call('GET', '/api/cadre-groups', zuzhang)).statusCode).toBe(200);
    expect((await call('PATCH', `/api/cadre-groups/${small.id}`, zuzhang, { name: '改名' })).statusCode).toBe(403);
    // His account is bound to the group: deleting it would leave the role pointing nowhere.
    const refused = await call('DELETE', `/api/cadre-groups/${small.id}`, leader);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('zuzhang');
  });
});

describe('work lines', () => {
  it('creates, lists, updates and deletes work lines; names are unique in the township', async () => {
    const created = await call('POST', '/api/work-lines', leader, { name: '安全生产', leaderName: '张伟', description: '安全生产大排查大整治' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: '安全生产', leaderName: '张伟', leaderUserId: null, description: '安全生产大排查大整治' });
    const second = (await call('POST', '/api/work-lines', leader, { name: '乡村振兴', leaderName: '李建国' })).json();
    expect((await call('POST', '/api/work-lines', leader, { name: '安全生产', leaderName: '王强' })).statusCode).toBe(409);
    const bad = await call('POST', '/api/work-lines', leader, { name: '防汛抗旱' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'leaderName', message: '请填写负责领导' }]);

    const updated = await call('PATCH', `/api/work-lines/${second.id}`, leader, { leaderName: '王志强', description: '' });
    expect(updated.json()).toMatchObject({ name: '乡村振兴', leaderName: '王志强', description: null });
    expect((await call('PATCH', `/api/work-lines/${second.id}`, otherLeader, { leaderName: '外镇' })).statusCode).toBe(404);
    expect((await call('GET', '/api/work-lines', leader)).json().items.map((l: { name: string }) => l.name)).toEqual(['安全生产', '乡村振兴']);

    expect((await call('DELETE', `/api/work-lines/${second.id}`, leader)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/work-lines/${second.id}`, leader)).statusCode).toBe(404);
    expect((await call('GET', '/api/work-lines', leader)).json().items.map((l: { name: string }) => l.name)).toEqual(['安全生产']);
  });
});

describe('export and audit', () => {
  it('exports both sheets to a real Excel file with Chinese bold frozen headers', async () => {
    const res = await call('GET', '/api/cadre-groups/export', cadre);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('川山坪镇组线包村.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const groups = workbook.getWorksheet('组线包村')!;
    expect(groups.getRow(1).values).toEqual([undefined, '大组', '小组', '组长', '职务', '成员', '包联村']);
    expect(groups.getRow(1).font?.bold).toBe(true);
    expect(groups.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows: unknown[][] = [];
    groups.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toEqual([
      ['第一大组', '', '李建国', '党委书记', '', ''],
      ['第一大组', '第一小组', '张伟', '常务副镇长', '刘芳（党政办干部）、陈军', '川山村、燕塘村'],
      ['第二大组', '', '', '', '', ''],
      ['第二大组', '第三小组', '', '', '', '桥坪村'],
    ]);
    const lines = workbook.getWorksheet('工作条线')!;
    expect(lines.getRow(1).values).toEqual([undefined, '条线', '负责领导', '说明']);
    expect(lines.getRow(2).values).toEqual([undefined, '安全生产', '张伟', '安全生产大排查大整治']);
    expect(lines.rowCount).toBe(2);
  });

  it('recorded every successful write in the audit log with before and after', async () => {
    const entries = await queryRows<{ action: string; entity: string; username: string; before: unknown; after: unknown }>(
      t.db,
      sql`
      SELECT action, entity, username, before, after FROM audit_log WHERE entity IN ('cadre_group', 'work_line') ORDER BY id`,
    );
    expect(writes).toBeGreaterThan(10);
    expect(entries).toHaveLength(writes);
    const rename = entries.find((e) => e.action === 'cadre.update')!;
    expect(rename).toMatchObject({ entity: 'cadre_group', username: 'shuji', before: { name: '第二小组' }, after: { name: '第三小组' } });
    const deleted = entries.find((e) => e.action === 'cadre.delete')!;
    expect(deleted).toMatchObject({ before: { name: '备用小组' }, after: null });
    expect(entries.find((e) => e.action === 'work_line.delete')).toMatchObject({ before: { name: '乡村振兴' }, after: null });
    expect(new Set(entries.map((e) => e.action))).toEqual(
      new Set([
        'cadre.create',
        'cadre.update',
        'cadre.delete',
        'cadre.members',
        'cadre.villages',
        'work_line.create',
        'work_line.update',
        'work_line.delete',
      ]),
    );
  });
});
