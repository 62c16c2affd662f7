import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, readSheet, type TestApp } from '../../testing/test-app.js';
import { buildGroup, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';

let t: TestApp;
let town: Awaited<ReturnType<typeof buildTownship>>;
let leader: string;
let cadre: string;
let viewer: string;
const [CHUANSHAN, YANTANG, QIAOPING] = ['430681105201', '430681105202', '430681105203'];

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload: object) =>
  t.app.inject({ method, url, headers: { cookie }, payload });
const unitCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM org_units`))[0].n;

beforeAll(async () => {
  t = await buildTestApp();
  town = await buildTownship(t.system);
  for (const name of ['一组', '二组', '三组', '四组']) await buildGroup(t.system, YANTANG, name);
  await buildGroup(t.system, QIAOPING, '一组');
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: town.townshipCode }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }]);
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: town.townshipCode }]);
  leader = await t.login('shuji', TEST_PASSWORD);
  cadre = await t.login('cun202', TEST_PASSWORD);
  viewer = await t.login('chakan', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('browsing the tree', () => {
  it('starts a township leader at his township and lists its villages with child counts', async () => {
    const roots = (await get('/api/org-units', leader)).json().items;
    expect(roots.map((u: { code: string }) => u.code)).toEqual([town.townshipCode]);
    const villages = (await get(`/api/org-units?parent=${town.townshipCode}`, leader)).json().items;
    expect(villages.map((v: { name: string }) => v.name)).toEqual(['川山村', '燕塘村', '桥坪村']);
    expect(villages[1]).toMatchObject({ code: YANTANG, level: 'village', levelName: '村(社区)', parentCode: town.townshipCode, childCount: 4 });
  });

  it('shows a unit with its ancestors and its groups with generated 15-digit codes', async () => {
    const unit = (await get(`/api/org-units/${YANTANG}`, leader)).json();
    expect(unit.ancestors.map((a: { name: string }) => a.name)).toEqual(['汨罗市', '川山坪镇']);
    const groups = (await get(`/api/org-units?parent=${YANTANG}`, leader)).json().items;
    expect(groups.map((g: { code: string; name: string }) => [g.code, g.name])).toEqual([
      [`${YANTANG}001`, '一组'],
      [`${YANTANG}002`, '二组'],
      [`${YANTANG}003`, '三组'],
      [`${YANTANG}004`, '四组'],
    ]);
  });

  it('finds a village by name, code, pinyin initials or full pinyin', async () => {
    for (const q of ['燕塘', YANTANG, 'ytc', 'yantang']) {
      const items = (await get(`/api/org-units/search?q=${encodeURIComponent(q)}`, leader)).json().items;
      expect(
        items.map((u: { code: string }) => u.code),
        q,
      ).toContain(YANTANG);
    }
  });

  it('answers 404 for an unknown code', async () => {
    const res = await get('/api/org-units/430681105999', leader);
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('不存在');
  });
});

describe('a village cadre sees only his village', () => {
  it('starts at his village and opens its groups', async () => {
    expect((await get('/api/org-units', cadre)).json().items.map((u: { code: string }) => u.code)).toEqual([YANTANG]);
    expect((await get(`/api/org-units/${YANTANG}001`, cadre)).statusCode).toBe(200);
  });

  it('is refused another village with 403, not an empty answer', async () => {
    const res = await get(`/api/org-units/${QIAOPING}`, cadre);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('您无权查看“桥坪村”');
    expect((await get(`/api/org-units?parent=${QIAOPING}`, cadre)).statusCode).toBe(403);
    expect((await get(`/api/org-units?parent=${town.townshipCode}`, cadre)).statusCode).toBe(403);
  });

  it('searches only inside his village', async () => {
    const items = (await get(`/api/org-units/search?q=${encodeURIComponent('一组')}`, cadre)).json().items;
    expect(items.map((u: { code: string }) => u.code)).toEqual([`${YANTANG}001`]);
  });

  it('cannot change the tree', async () => {
    const before = await unitCount();
    const res = await send('POST', '/api/org-units', cadre, { parentCode: YANTANG, name: '五组', level: 'group' });
    expect(res.statusCode).toBe(403);
    expect(await unitCount()).toBe(before);
  });
});

describe('changing the tree', () => {
  it('adds a villager group with the next code and audits it', async () => {
    const res = await send('POST', '/api/org-units', leader, { parentCode: CHUANSHAN, name: '一组', level: 'group' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: `${CHUANSHAN}001`, name: '一组', level: 'group' });
    const audit = await queryRows<{ action: string; username: string }>(
      t.db,
      sql`
      SELECT action, username FROM audit_log WHERE entity = 'org_unit' AND entity_id = ${`${CHUANSHAN}001`}`,
    );
    expect(audit).toEqual([{ action: 'org.create', username: 'shuji' }]);
  });

  it('refuses bad input with per-field Chinese messages and changes nothing', async () => {
    const before = await unitCount();
    const bad = await send('POST', '/api/org-units', leader, { parentCode: CHUANSHAN, name: '', level: 'hamlet' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['level', 'name']);
    const wrongLevel = await send('POST', '/api/org-units', leader, { parentCode: CHUANSHAN, name: '新村', level: 'village', code: '430681105240' });
    expect(wrongLevel.statusCode).toBe(400);
    expect(wrongLevel.json().errors[0].message).toBe('村(社区)下不能直接设立村(社区)');
    expect(await unitCount()).toBe(before);
  });

  it('answers 409 for a duplicate statistical code or a duplicate name', async () => {
    const dupCode = await send('POST', '/api/org-units', leader, {
      parentCode: town.townshipCode,
      name: '另一个村',
      level: 'village',
      code: YANTANG,
    });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().detail).toContain(YANTANG);
    const dupName = await send('POST', '/api/org-units', leader, { parentCode: YANTANG, name: '二组', level: 'group' });
    expect(dupName.statusCode).toBe(409);
  });

  it('adds a village with a valid code under the township', async () => {
    const res = await send('POST', '/api/org-units', leader, {
      parentCode: town.townshipCode,
      name: '新建村',
      level: 'village',
      code: '430681105240',
    });
    expect(res.statusCode).toBe(201);
    const wrong = await send('POST', '/api/org-units', leader, {
      parentCode: town.townshipCode,
      name: '错码村',
      level: 'village',
      code: '430681106241',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('code');
  });

  it('renames, moves and closes a unit', async () => {
    const created = (
      await send('POST', '/api/org-units', leader, { parentCode: QIAOPING, name: '临时组', level: 'group', validFrom: '2020-01-01' })
    ).json();
    expect((await send('PATCH', `/api/org-units/${created.code}`, leader, { name: '二组' })).json().name).toBe('二组');
    const moved = await send('POST', `/api/org-units/${created.code}/move`, leader, { parentCode: CHUANSHAN });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentCode).toBe(CHUANSHAN);
    const closed = await send('POST', `/api/org-units/${created.code}/close`, leader, { date: '2022-05-01' });
    expect(closed.json().validTo).toBe('2022-05-01');
    const open = (await get(`/api/org-units?parent=${CHUANSHAN}`, leader)).json().items.map((u: { code: string }) => u.code);
    expect(open).not.toContain(created.code);
    const withClosed = (await get(`/api/org-units?parent=${CHUANSHAN}&includeClosed=true`, leader)).json().items;
    expect(withClosed.map((u: { code: string }) => u.code)).toContain(created.code);
  });

  it('refuses to close a unit that still has open children, and a viewer changes nothing', async () => {
    const res = await send('POST', `/api/org-units/${QIAOPING}/close`, leader, { date: '2022-05-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('下级单位');
    expect((await send('PATCH', `/api/org-units/${QIAOPING}`, viewer, { name: '改名村' })).statusCode).toBe(403);
    expect((await get(`/api/org-units/${QIAOPING}`, viewer)).json().name).toBe('桥坪村');
  });
});

describe('merging villager groups (合组)', () => {
  it('merges groups of one village into a new group and keeps the old tree for earlier dates', async () => {
    const grid = (await send('POST', '/api/org-units', leader, { parentCode: `${YANTANG}001`, name: '第一网格', level: 'grid' })).json();
    const res = await send('POST', '/api/org-units/merge', leader, {
      groupCodes: [`${YANTANG}001`, `${YANTANG}002`, `${YANTANG}003`],
      name: '燕塘一组',
      date: '2022-04-15',
    });
    expect(res.statusCode).toBe(201);
    const merged = res.json();
    expect(merged).toMatchObject({ name: '燕塘一组', level: 'group', parentCode: YANTANG, validFrom: '2022-04-15' });

    const old = (await get(`/api/org-units/${YANTANG}001`, leader)).json();
    expect(old).toMatchObject({ validTo: '2022-04-15', mergedInto: merged.code });
    expect((await get(`/api/org-units/${grid.code}`, leader)).json().parentCode).toBe(merged.code);

    const now = (await get(`/api/org-units?parent=${YANTANG}`, leader)).json().items.map((u: { name: string }) => u.name);
    expect(now).toEqual(['四组', '燕塘一组']);
    const earlier = (await get(`/api/org-units?parent=${YANTANG}&asOf=2022-04-14`, leader)).json().items.map((u: { name: string }) => u.name);
    expect(earlier).toEqual(['一组', '二组', '三组', '四组']);
  });

  it('refuses merges across villages, of one group, of closed groups, or by a viewer', async () => {
    const across = await send('POST', '/api/org-units/merge', leader, {
      groupCodes: [`${YANTANG}004`, `${QIAOPING}001`],
      name: 'X组',
      date: '2022-05-01',
    });
    expect(across.statusCode).toBe(400);
    expect(across.json().errors[0].message).toBe('只能合并同一个村的村民小组');
    const single = await send('POST', '/api/org-units/merge', leader, { groupCodes: [`${YANTANG}004`], name: 'X组', date: '2022-05-01' });
    expect(single.statusCode).toBe(400);
    const closed = await send('POST', '/api/org-units/merge', leader, {
      groupCodes: [`${YANTANG}001`, `${YANTANG}004`],
      name: 'X组',
      date: '2022-05-01',
    });
    expect(closed.statusCode).toBe(409);
    const byViewer = await send('POST', '/api/org-units/merge', viewer, {
      groupCodes: [`${YANTANG}004`, `${YANTANG}005`],
      name: 'X组',
      date: '2022-05-01',
    });
    expect(byViewer.statusCode).toBe(403);
  });

  it('reports the campaign progress per village', async () => {
    expect((await send('PUT', `/api/org-units/${YANTANG}/merge-plan`, leader, { plannedGroups: 2 })).statusCode).toBe(200);
    expect((await send('PUT', `/api/org-units/${QIAOPING}/merge-plan`, leader, { plannedGroups: 1 })).statusCode).toBe(200);
    expect((await send('PUT', `/api/org-units/${QIAOPING}/merge-plan`, leader, { plannedGroups: 0 })).statusCode).toBe(400);
    const progress = (await get(`/api/org-units/merge-progress?township=${town.townshipCode}`, leader)).json();
    const yantang = progress.items.find((i: { code: string }) => i.code === YANTANG);
    expect(yantang).toMatchObject({ groupsBefore: 4, groupsNow: 2, groupsPlanned: 2, done: true });
    const qiaoping = progress.items.find((i: { code: string }) => i.code === QIAOPING);
    expect(qiaoping).toMatchObject({ groupsBefore: 1, groupsNow: 1, groupsPlanned: 1, done: true });
    expect(progress.totals.villagesDone).toBe(2);
    expect(progress.totals.mergedGroups).toBe(progress.totals.groupsBefore - progress.totals.groupsNow);
    expect((await get(`/api/org-units/merge-progress?township=${town.townshipCode}`, cadre)).statusCode).toBe(403);
  });
});

describe('Excel exports of org tables', () => {
  it('exports the children of a unit as the user sees them', async () => {
    const res = await get(`/api/org-units/export?parent=${town.townshipCode}`, leader);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('川山坪镇下级单位.xlsx'));
    const rows = await readSheet(res.rawPayload, '下级单位');
    expect(rows[0]).toEqual(['统计代码', '名称', '级别', '上级', '设立日期', '撤销日期', '并入', '下级数']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(expect.arrayContaining(['川山村', '燕塘村', '桥坪村']));
    expect((await get(`/api/org-units/export?parent=${QIAOPING}`, cadre)).statusCode).toBe(403);
  });

  it('exports the merge progress with a totals row', async () => {
    const res = await get(`/api/org-units/merge-progress/export?township=${town.townshipCode}`, leader);
    const rows = await readSheet(res.rawPayload, '合组进度');
    expect(rows[0]).toEqual(['村(社区)', '统计代码', '合组前组数', '现有组数', '计划组数', '是否完成']);
    expect(rows.find((r) => r[0] === '燕塘村')).toEqual(['燕塘村', YANTANG, '4', '2', '2', '已完成']);
    expect(rows.at(-1)![0]).toBe('合计');
  });
});
