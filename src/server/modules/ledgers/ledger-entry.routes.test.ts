// Entering and finding ledger data: list filters, pinyin search, totals and masking; status workflows with
// photos; periodic grids. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, multipartFile, type TestApp } from '../../testing/test-app.js';
import { buildGroup, buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';
import { rectificationWorkflow } from '../../../core/ledger-workflow.js';

let t: TestApp;
let leader: string;
let cadre: string;
let viewer: string;
let otherCadre: string;
const [CHUANSHAN, YANTANG, QIAOPING] = ['430681105201', '430681105202', '430681105203'];
const TOWN = '430681105000';
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

const call: TestApp['call'] = (...args) => t.call(...args);
const ok: TestApp['ok'] = (...args) => t.ok(...args);
const count = async (table: 'ledger_records' | 'attachments') =>
  (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0].n;

const HOUSEHOLDS = '/api/ledgers/households/records';
const HAZARD_WORKFLOW = rectificationWorkflow();

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }], '燕塘村干部');
  await buildUser(t.system, 'cun203', [{ role: 'village_cadre', orgUnitCode: QIAOPING }], '桥坪村干部');
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  [leader, cadre, otherCadre, viewer] = await Promise.all(['shuji', 'cun202', 'cun203', 'chakan'].map((u) => t.login(u, TEST_PASSWORD)));
  await ok('POST', '/api/ledgers', leader, { key: 'households', name: '防返贫监测户', kind: 'register', fields: buildHouseholdFields() }, 201);
  const people = [
    [YANTANG, '李建国', 3, '脱贫不稳定户'],
    [YANTANG, '王秀英', 5, '边缘易致贫户'],
    [YANTANG, '张伟', 2, '边缘易致贫户'],
    [QIAOPING, '刘洋', 4, '突发严重困难户'],
    [QIAOPING, '陈静', 6, '边缘易致贫户'],
    [CHUANSHAN, '杨帆', 1, '脱贫不稳定户'],
  ] as const;
  for (const [i, [unit, name, members, category]] of people.entries()) {
    await ok(
      'POST',
      HOUSEHOLDS,
      leader,
      { orgUnit: unit, values: { name, idcard: buildIdCard(i + 1), phone: '13812345678', members, category } },
      201,
    );
  }
});
afterAll(() => t.close());

describe('finding records', () => {
  it('pages, sorts and totals the whole filtered set', async () => {
    const page = await ok('GET', `${HOUSEHOLDS}?pageSize=2&sort=members&order=desc`, leader);
    expect(page.total).toBe(6);
    expect(page.totals).toEqual({ members: 21 });
    expect(page.items.map((r: { values: { name: string } }) => r.values.name)).toEqual(['陈静', '王秀英']);
    const second = await ok('GET', `${HOUSEHOLDS}?pageSize=2&page=2&sort=members&order=desc`, leader);
    expect(second.items.map((r: { values: { name: string } }) => r.values.name)).toEqual(['刘洋', '李建国']);
  });

  it('filters by field, by range and by unit', async () => {
    const edge = await ok('GET', `${HOUSEHOLDS}?f.category=${encodeURIComponent('边缘易致贫户')}`, leader);
    expect(edge.total).toBe(3);
    expect(edge.totals.members).toBe(13);
    const big = await ok('GET', `${HOUSEHOLDS}?f.members=4..`, leader);
    expect(big.items.map((r: { values: { members: number } }) => r.values.members).sort()).toEqual([4, 5, 6]);
    const yantang = await ok('GET', `${HOUSEHOLDS}?orgUnit=${YANTANG}&f.members=..3`, leader);
    expect(yantang.items.map((r: { values: { name: string } }) => r.values.name).sort()).toEqual(['李建国', '张伟'].sort());
  });

  it('finds by pinyin initials of names and of the village', async () => {
    const byName = await ok('GET', `${HOUSEHOLDS}?q=ljg`, leader);
    expect(byName.items.map((r: { values: { name: string } }) => r.values.name)).toEqual(['李建国']);
    const byVillage = await ok('GET', `${HOUSEHOLDS}?q=YTC`, leader);
    expect(byVillage.total).toBe(3);
    const byText = await ok('GET', `${HOUSEHOLDS}?q=${encodeURIComponent('桥坪')}`, leader);
    expect(byText.total).toBe(2);
  });

  it('answers a filter on an unknown field or a bad range with 400', async () => {
    const res = await call('GET', `${HOUSEHOLDS}?f.nope=1&f.members=abc&sort=zzz`, leader);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'f.nope', message: '台账中没有字段“nope”' },
      { field: 'f.members', message: '“家庭人口”的筛选应为数字或“最小..最大”' },
      { field: 'sort', message: '不能按“zzz”排序' },
    ]);
  });

  it('shows a village cadre only his village', async () => {
    const mine = await ok('GET', HOUSEHOLDS, cadre);
    expect(mine.total).toBe(3);
    expect(new Set(mine.items.map((r: { orgUnit: { code: string } }) => r.orgUnit.code))).toEqual(new Set([YANTANG]));
    expect((await call('GET', `${HOUSEHOLDS}?orgUnit=${QIAOPING}`, cadre)).statusCode).toBe(403);
  });

  it('masks ID numbers and mobiles for a viewer, in the list, the record and its history', async () => {
    const list = await ok('GET', `${HOUSEHOLDS}?q=ljg`, viewer);
    const [record] = list.items;
    expect(record.masked).toBe(true);
    expect(record.values.idcard).toMatch(/^430681\*{8}\d{3}[\dX]$/);
    expect(record.values.phone).toBe('138****5678');
    const one = await ok('GET', `${HOUSEHOLDS}/${record.id}`, viewer);
    expect(one.values.idcard).toBe(record.values.idcard);
    const history = await ok('GET', `${HOUSEHOLDS}/${record.id}/history`, viewer);
    expect(history.items[0].after.values.idcard).toBe(record.values.idcard);
    const asLeader = await ok('GET', `${HOUSEHOLDS}/${record.id}`, leader);
    expect(asLeader).toMatchObject({ masked: false, values: { idcard: buildIdCard(1), phone: '13812345678' } });
  });

  it('lists deleted records for the township leader only', async () => {
    const [victim] = (await ok('GET', `${HOUSEHOLDS}?q=zw`, cadre)).items;
    expect((await call('DELETE', `${HOUSEHOLDS}/${victim.id}`, cadre)).statusCode).toBe(204);
    expect((await call('GET', `${HOUSEHOLDS}?deleted=true`, cadre)).statusCode).toBe(403);
    const deleted = await ok('GET', `${HOUSEHOLDS}?deleted=true`, leader);
    expect(deleted.items.map((r: { id: number }) => r.id)).toEqual([victim.id]);
    expect(deleted.items[0].deletedAt).toBeTruthy();
    await ok('POST', `${HOUSEHOLDS}/${victim.id}/restore`, leader);
    expect((await ok('GET', `${HOUSEHOLDS}?deleted=true`, leader)).total).toBe(0);
  });
});

describe('attachments', () => {
  it('stores an image and serves it back to readers of the township', async () => {
    const upload = await call('POST', '/api/attachments', cadre, undefined);
    expect(upload.statusCode).toBe(400);
    const file = multipartFile('现场.png', PNG);
    const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: cadre, ...file.headers }, payload: file.payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ fileName: '现场.png', mimeType: 'image/png', size: PNG.length });
    const got = await call('GET', `/api/attachments/${res.json().id}`, viewer);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(PNG)).toBe(true);
  });

  it('refuses what is not an image or PDF, whatever its name, and uploads by viewers', async () => {
    const before = await count('attachments');
    const html = multipartFile('photo.png', '<html><script>alert(1)</script></html>');
    const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: cadre, ...html.headers }, payload: html.payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].message).toBe('只能上传图片（JPG、PNG、GIF、WebP）或 PDF 文件');
    const png = multipartFile('a.png', PNG);
    const byViewer = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      headers: { cookie: viewer, ...png.headers },
      payload: png.payload,
    });
    expect(byViewer.statusCode).toBe(403);
    expect(await count('attachments')).toBe(before);
    expect((await call('GET', '/api/attachments/00000000-0000-0000-0000-000000000000', viewer)).statusCode).toBe(404);
  });
});

describe('status workflow', () => {
  const HAZARDS = '/api/ledgers/hazards/records';
  let photo: string;

  beforeAll(async () => {
    await ok(
      'POST',
      '/api/ledgers',
      leader,
      {
        key: 'hazards',
        name: '安全隐患',
        kind: 'register',
        workflow: HAZARD_WORKFLOW,
        fields: [
          { key: 'place', label: '隐患地点', type: 'text', required: true },
          { key: 'photos', label: '现场照片', type: 'photos' },
        ],
      },
      201,
    );
    const file = multipartFile('整改后.png', PNG);
    photo = (
      await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: cadre, ...file.headers }, payload: file.payload })
    ).json().id;
  });

  it('starts a record in the initial state and moves it only along the transitions', async () => {
    const record = await ok('POST', HAZARDS, cadre, { orgUnit: YANTANG, values: { place: '燕塘村小学围墙' } }, 201);
    expect(record.status).toBe('pending');
    const skip = await call('POST', `${HAZARDS}/${record.id}/transition`, cadre, { version: 1, to: 'closed' });
    expect(skip.statusCode, skip.body).toBe(400);
    expect(skip.json().detail).toBe('当前状态“待整改”不能变更为“已销号”，只能变更为“整改中”');
    const fixing = await ok('POST', `${HAZARDS}/${record.id}/transition`, cadre, { version: 1, to: 'rectifying' });
    expect(fixing).toMatchObject({ status: 'rectifying', version: 2 });
    const noPhoto = await call('POST', `${HAZARDS}/${record.id}/transition`, cadre, { version: 2, to: 'rectified' });
    expect(noPhoto.json().errors).toEqual([{ field: 'photos', message: '“整改完成”需要上传照片' }]);
    const stale = await call('POST', `${HAZARDS}/${record.id}/transition`, cadre, { version: 1, to: 'rectified', photos: [photo] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.status).toBe('rectifying');
    const fixed = await ok('POST', `${HAZARDS}/${record.id}/transition`, cadre, { version: 2, to: 'rectified', photos: [photo], note: '已加固' });
    expect(fixed.status).toBe('rectified');
    const history = await ok('GET', `${HAZARDS}/${record.id}/history`, leader);
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      'ledger_record.create',
      'ledger_record.transition',
      'ledger_record.transition',
    ]);
    expect(history.items[2].after).toEqual({ status: 'rectified', note: '已加固', photos: [photo] });
    expect((await ok('GET', `${HAZARDS}?status=rectified`, leader)).total).toBe(1);
  });

  it('refuses the transition to a viewer and to a cadre of another village', async () => {
    const record = await ok('POST', HAZARDS, cadre, { orgUnit: YANTANG, values: { place: '燕塘村桥头' } }, 201);
    expect((await call('POST', `${HAZARDS}/${record.id}/transition`, viewer, { version: 1, to: 'rectifying' })).statusCode).toBe(403);
    expect((await call('POST', `${HAZARDS}/${record.id}/transition`, otherCadre, { version: 1, to: 'rectifying' })).statusCode).toBe(403);
    expect((await ok('GET', `${HAZARDS}/${record.id}`, leader)).status).toBe('pending');
  });

  it('refuses photo ids that were never uploaded', async () => {
    const res = await call('POST', HAZARDS, cadre, { orgUnit: YANTANG, values: { place: '某处', photos: ['11111111-1111-1111-1111-111111111111'] } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'values.photos', message: '现场照片中有未上传成功的文件，请重新上传' }]);
  });

  it('keeps states that records are in when the workflow changes', async () => {
    const reduced = {
      ...HAZARD_WORKFLOW,
      states: HAZARD_WORKFLOW.states.filter((s) => s.key !== 'rectified'),
      transitions: [
        { from: 'pending', to: 'rectifying', label: '开始整改' },
        { from: 'rectifying', to: 'closed', label: '销号' },
      ],
    };
    const res = await call('PUT', '/api/ledgers/hazards/workflow', leader, { workflow: reduced });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toBe('有 1 条记录处于“已整改”状态，不能删除该状态');
    expect((await call('PUT', '/api/ledgers/hazards/workflow', cadre, { workflow: HAZARD_WORKFLOW })).statusCode).toBe(403);
  });

  it('gives records entered before a workflow existed its initial state', async () => {
    await ok('PUT', '/api/ledgers/households/workflow', leader, {
      workflow: {
        states: [
          { key: 'watch', label: '监测中' },
          { key: 'done', label: '已消除风险', final: true },
        ],
        initial: 'watch',
        transitions: [{ from: 'watch', to: 'done', label: '消除风险', requireNote: true }],
      },
    });
    const list = await ok('GET', `${HOUSEHOLDS}?status=watch`, leader);
    expect(list.total).toBe(6);
  });
});

describe('periodic grid', () => {
  const GRID = '/api/ledgers/doses/periods';

  beforeAll(async () => {
    await ok(
      'POST',
      '/api/ledgers',
      leader,
      {
        key: 'doses',
        name: '疫苗接种日报',
        kind: 'periodic',
        periodType: 'day',
        fields: [
          { key: 'first', label: '第一剂', type: 'integer', min: 0, unit: '剂' },
          { key: 'booster', label: '加强针', type: 'integer', min: 0, unit: '剂' },
        ],
      },
      201,
    );
  });

  it('shows one row per village, empty until entered', async () => {
    const grid = await ok('GET', `${GRID}/20220615`, leader);
    expect(grid.period).toMatchObject({ id: '20220615', label: '2022年6月15日', type: 'day' });
    expect(grid.items.map((i: { orgUnit: { name: string } }) => i.orgUnit.name)).toEqual(['川山村', '燕塘村', '桥坪村']);
    expect(grid.items.every((i: { recordId: null }) => i.recordId === null)).toBe(true);
    expect(grid.submitted).toBe(0);
  });

  it('saves a period all together and totals it', async () => {
    const saved = await ok('PUT', `${GRID}/20220615`, leader, {
      rows: [
        { orgUnit: CHUANSHAN, values: { first: 12, booster: 30 } },
        { orgUnit: YANTANG, values: { first: 8, booster: 21 } },
      ],
    });
    expect(saved.saved).toBe(2);
    const grid = await ok('GET', `${GRID}/20220615`, cadre);
    expect(grid.items.map((i: { orgUnit: { name: string } }) => i.orgUnit.name)).toEqual(['燕塘村']);
    expect(grid.items[0]).toMatchObject({ values: { first: 8, booster: 21 }, version: 1, writable: true });
    const all = await ok('GET', `${GRID}/20220615`, viewer);
    expect(all.totals).toEqual({ first: 20, booster: 51 });
    expect(all.submitted).toBe(2);
  });

  it('stores nothing when one row is bad, and names every bad cell', async () => {
    const before = await count('ledger_records');
    const res = await call('PUT', `${GRID}/20220616`, leader, {
      rows: [
        { orgUnit: CHUANSHAN, values: { first: 5 } },
        { orgUnit: YANTANG, values: { first: -1, booster: '很多' } },
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'rows.1.values.first', message: '第一剂不能小于0剂' },
      { field: 'rows.1.values.booster', message: '加强针应为整数' },
    ]);
    expect(await count('ledger_records')).toBe(before);
  });

  it('refuses a stale row with 409 and saves none of the others', async () => {
    const grid = await ok('GET', `${GRID}/20220615`, leader);
    const yantang = grid.items.find((i: { orgUnit: { code: string } }) => i.orgUnit.code === YANTANG);
    await ok('PUT', `${GRID}/20220615`, cadre, { rows: [{ orgUnit: YANTANG, version: yantang.version, values: { first: 9, booster: 21 } }] });
    const res = await call('PUT', `${GRID}/20220615`, leader, {
      rows: [
        { orgUnit: QIAOPING, values: { first: 3 } },
        { orgUnit: YANTANG, version: yantang.version, values: { first: 100 } },
      ],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ orgUnit: YANTANG, current: { values: { first: 9 }, version: 2 } });
    const after = await ok('GET', `${GRID}/20220615`, leader);
    expect(after.items.find((i: { orgUnit: { code: string } }) => i.orgUnit.code === QIAOPING).recordId).toBeNull();
  });

  it('refuses another village, another period type and future periods', async () => {
    const elsewhere = await call('PUT', `${GRID}/20220615`, cadre, { rows: [{ orgUnit: QIAOPING, values: { first: 1 } }] });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors).toEqual([{ field: 'rows.0.orgUnit', message: '您无权录入或修改“桥坪村”的台账数据' }]);
    const month = await call('GET', `${GRID}/202206`, leader);
    expect(month.statusCode).toBe(400);
    expect(month.json().errors[0].message).toBe('“疫苗接种日报”按日填报，期间“202206”不是日');
    expect((await call('GET', `${GRID}/20220231`, leader)).json().errors[0].message).toBe('期间“20220231”不存在');
    expect((await call('GET', `${GRID}/2022-06-15`, leader)).statusCode).toBe(400);
    const future = await call('GET', `${GRID}/29990101`, leader);
    expect(future.json().errors[0].message).toBe('2999年1月1日尚未开始，不能填报');
    expect((await call('GET', '/api/ledgers/households/periods/20220615', leader)).json().detail).toBe('登记型台账没有按期填报表格');
  });

  it('lists the periodic records by period', async () => {
    const list = await ok('GET', '/api/ledgers/doses/records?period=20220615&sort=orgUnit&order=asc', viewer);
    expect(list.items.map((r: { period: string; values: { first: number } }) => [r.period, r.values.first])).toEqual([
      ['20220615', 12],
      ['20220615', 9],
    ]);
  });
});

describe('unit names', () => {
  it('names a villager group after its village', async () => {
    const group = await buildGroup(t.system, YANTANG, '三组');
    const record = await ok(
      'POST',
      HOUSEHOLDS,
      cadre,
      { orgUnit: group.code, values: { name: '赵六', idcard: buildIdCard(99), members: 2, category: '边缘易致贫户' } },
      201,
    );
    expect(record.orgUnit).toEqual({ code: group.code, name: '燕塘村/三组' });
    expect((await ok('GET', `${HOUSEHOLDS}?orgUnit=${YANTANG}&q=zl`, cadre)).items[0].orgUnit.name).toBe('燕塘村/三组');
  });
});
