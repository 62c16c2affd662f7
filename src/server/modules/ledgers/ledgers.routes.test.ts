import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';
import { createUnit } from '../org/org.service.js';

let t: TestApp;
let leader: string;
let lineLead: string;
let cadre: string;
let viewer: string;
let admin: string;
let otherLeader: string;
const [CHUANSHAN, YANTANG, QIAOPING] = ['430681105201', '430681105202', '430681105203'];
const TOWN = '430681105000';
const OTHER_TOWN = '430681106000';
const OTHER_VILLAGE = '430681106201';
const KEY = 'monitored-households';
const RECORDS = `/api/ledgers/${KEY}/records`;

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const call = (method: Method, url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

let seq = 0;
const household = (overrides: Record<string, unknown> = {}) => ({
  name: `户主${++seq}`,
  idcard: buildIdCard(seq),
  phone: '13812345678',
  members: 4,
  category: '边缘易致贫户',
  ...overrides,
});
async function createRecord(orgUnit = YANTANG, values: Record<string, unknown> = household(), cookie = cadre) {
  const res = await call('POST', RECORDS, cookie, { orgUnit, values });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const recordCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ledger_records`))[0].n;

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await createUnit(t.system, { parentCode: '430681000000', name: '白水镇', level: 'town', code: OTHER_TOWN });
  await createUnit(t.system, { parentCode: OTHER_TOWN, name: '白水村', level: 'village', code: OTHER_VILLAGE });
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'tiaoxian', [{ role: 'line_lead', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }], '燕塘村干部');
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  await buildUser(t.system, 'baishui', [{ role: 'leader', orgUnitCode: OTHER_TOWN }]);
  [leader, lineLead, cadre, viewer, admin, otherLeader] = await Promise.all(
    ['shuji', 'tiaoxian', 'cun202', 'chakan', 'root', 'baishui'].map((u) => t.login(u, TEST_PASSWORD)),
  );
  const res = await call('POST', '/api/ledgers', lineLead, { key: KEY, name: '防返贫监测户', kind: 'register', fields: buildHouseholdFields() });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

describe('ledger definitions', () => {
  it('lists the defined ledger with its version and field count', async () => {
    const res = await call('GET', '/api/ledgers', cadre);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual([
      {
        key: KEY,
        name: '防返贫监测户',
        kind: 'register',
        workLine: null,
        version: 1,
        fieldCount: 5,
        description: null,
        periodType: null,
        builtin: false,
        hasWorkflow: false,
        records: 0,
      },
    ]);
    const one = await call('GET', `/api/ledgers/${KEY}`, viewer);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ key: KEY, version: 1, fields: buildHouseholdFields() });
  });

  it('answers bad fields with 400 naming each path, and a duplicate key with 409', async () => {
    const fields = [
      { key: 'a', label: '甲', type: 'text' },
      { key: 'a', label: '乙', type: 'text' },
      { key: 'c', label: '丙', type: 'choice' },
    ];
    const bad = await call('POST', '/api/ledgers', leader, { key: 'bad', name: '坏台账', kind: 'register', fields });
    expect(bad.statusCode, bad.body).toBe(400);
    const paths = bad.json().errors.map((e: { field: string }) => e.field);
    expect(paths).toEqual(expect.arrayContaining(['fields.1.key', 'fields.2.choices']));
    const duplicate = await call('POST', '/api/ledgers', leader, { key: KEY, name: '又一个', kind: 'register', fields: buildHouseholdFields() });
    expect(duplicate.statusCode, duplicate.body).toBe(409);
    expect((await call('GET', '/api/ledgers', leader)).json().items.map((l: { key: string }) => l.key)).toEqual([KEY]);
  });

  it('links a ledger to a work line of the township', async () => {
    const line = await call('POST', '/api/work-lines', leader, { name: '安全生产', leaderName: '王强' });
    expect(line.statusCode, line.body).toBe(201);
    const fields = [{ key: 'place', label: '隐患地点', type: 'text', required: true }];
    const unknown = await call('POST', '/api/ledgers', leader, { key: 'hazards', name: '安全隐患', kind: 'register', workLineId: 999_999, fields });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().errors[0].field).toBe('workLineId');
    const created = await call('POST', '/api/ledgers', leader, {
      key: 'hazards',
      name: '安全隐患',
      kind: 'register',
      workLineId: line.json().id,
      fields,
    });
    expect(created.statusCode, created.body).toBe(201);
    const listed = (await call('GET', '/api/ledgers', cadre)).json().items.find((l: { key: string }) => l.key === 'hazards');
    expect(listed).toMatchObject({
      key: 'hazards',
      name: '安全隐患',
      kind: 'register',
      workLine: { id: line.json().id, name: '安全生产' },
      version: 1,
      fieldCount: 1,
    });
  });

  it('lets only leaders and line leads define ledgers', async () => {
    for (const cookie of [cadre, viewer, admin]) {
      const res = await call('POST', '/api/ledgers', cookie, { key: 'x', name: '某台账', kind: 'register', fields: buildHouseholdFields() });
      expect(res.statusCode, res.body).toBe(403);
    }
  });

  it('accepts a periodic ledger with its period type and sends its entry to the grid', async () => {
    const fields = [{ key: 'doses', label: '接种剂次', type: 'integer', min: 0 }];
    const untyped = await call('POST', '/api/ledgers', leader, { key: 'vaccination', name: '疫苗接种日报', kind: 'periodic', fields });
    expect(untyped.statusCode, untyped.body).toBe(400);
    expect(untyped.json().errors).toEqual([{ field: 'periodType', message: '周期型台账需要选择填报周期' }]);
    const choice = await call('POST', '/api/ledgers', leader, {
      key: 'vaccination',
      name: '疫苗接种日报',
      kind: 'periodic',
      periodType: 'day',
      fields: [{ key: 'who', label: '人员', type: 'idcard' }],
    });
    expect(choice.statusCode, choice.body).toBe(400);
    expect(choice.json().errors[0]).toEqual({ field: 'fields.0.type', message: '周期型台账的数据项“人员”应为整数、小数或文本' });
    const created = await call('POST', '/api/ledgers', leader, {
      key: 'vaccination',
      name: '疫苗接种日报',
      kind: 'periodic',
      periodType: 'day',
      fields,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ kind: 'periodic', periodType: 'day', workflow: null });
    const res = await call('POST', '/api/ledgers/vaccination/records', cadre, { orgUnit: YANTANG, values: { doses: 12 } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().detail).toBe('周期型台账请在“按期填报”表格中录入');
  });
});

describe('built-in ledger library', () => {
  it('lists the library and installs what the township lacks, once', async () => {
    const library = await call('GET', '/api/ledger-library', cadre);
    expect(library.statusCode, library.body).toBe(200);
    const items = library.json().items as { key: string; installed: boolean; name: string }[];
    expect(items.length).toBeGreaterThan(30);
    expect(items.find((i) => i.key === 'land_transfer')).toMatchObject({ name: '土地流转合同台账', installed: false });
    expect((await call('POST', '/api/ledger-library/install', cadre, {})).statusCode).toBe(403);
    const unknown = await call('POST', '/api/ledger-library/install', leader, { keys: ['no_such_ledger'] });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().errors[0].message).toBe('内置台账库中没有：no_such_ledger');
    const one = await call('POST', '/api/ledger-library/install', leader, { keys: ['land_transfer'] });
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().added).toEqual(['land_transfer']);
    const again = await call('POST', '/api/ledger-library/install', leader, { keys: ['land_transfer'] });
    expect(again.statusCode).toBe(409);
    const installed = await call('GET', '/api/ledgers/land_transfer', cadre);
    expect(installed.json()).toMatchObject({ builtin: true, version: 1, name: '土地流转合同台账' });
    const after = (await call('GET', '/api/ledger-library', cadre)).json().items as { key: string; installed: boolean }[];
    expect(after.filter((i) => i.installed).map((i) => i.key)).toEqual(['land_transfer']);
  });
});

describe('entering records', () => {
  it('lets a village cadre enter a record in his village, and not in another', async () => {
    const created = await createRecord(YANTANG, household({ name: '张三', members: '5' }));
    expect(created).toMatchObject({ orgUnit: { code: YANTANG, name: '燕塘村' }, version: 1, updatedBy: '燕塘村干部' });
    expect(created.values).toMatchObject({ name: '张三', members: 5 });
    const elsewhere = await call('POST', RECORDS, cadre, { orgUnit: QIAOPING, values: household() });
    expect(elsewhere.statusCode, elsewhere.body).toBe(403);
    const got = await call('GET', `${RECORDS}/${created.id}`, cadre);
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toEqual(created);
  });

  it('refuses viewers and administrators', async () => {
    expect((await call('POST', RECORDS, viewer, { orgUnit: YANTANG, values: household() })).statusCode).toBe(403);
    expect((await call('POST', RECORDS, admin, { orgUnit: YANTANG, values: household() })).statusCode).toBe(403);
    expect((await call('GET', RECORDS, admin)).statusCode).toBe(403);
    expect((await call('GET', '/api/ledgers', admin)).statusCode).toBe(403);
  });

  it('answers invalid values with every bad field and stores nothing', async () => {
    const before = await recordCount();
    const res = await call('POST', RECORDS, cadre, {
      orgUnit: YANTANG,
      values: { name: '', idcard: '430681198001010010', phone: '12345', members: 'abc', category: '别的', extra: 1 },
    });
    expect(res.statusCode, res.body).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['values.category', 'values.extra', 'values.idcard', 'values.members', 'values.name', 'values.phone']);
    expect(res.json().errors.every((e: { message: string }) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    expect(await recordCount()).toBe(before);
  });

  it('refuses a second record with the same ID number (409 naming the field)', async () => {
    const values = household();
    await createRecord(YANTANG, values);
    const before = await recordCount();
    const res = await call('POST', RECORDS, leader, { orgUnit: CHUANSHAN, values: { ...values, name: '另一人' } });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toContain('身份证号码');
    expect(await recordCount()).toBe(before);
  });

  it("lists records in the user's scope, newest first, with search and paging", async () => {
    await createRecord(QIAOPING, household({ name: '桥坪户' }), leader);
    const mine = (await call('GET', RECORDS, cadre)).json();
    expect(mine.items.every((r: { orgUnit: { code: string } }) => r.orgUnit.code === YANTANG)).toBe(true);
    const all = (await call('GET', RECORDS, viewer)).json();
    expect(all.total).toBeGreaterThan(mine.total);
    expect(all.items[0].values.name).toBe('桥坪户');
    const ids = all.items.map((r: { id: number }) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((await call('GET', `${RECORDS}?orgUnit=${QIAOPING}`, cadre)).statusCode).toBe(403);
    const qiaoping = (await call('GET', `${RECORDS}?orgUnit=${QIAOPING}`, leader)).json();
    expect(qiaoping.items.map((r: { values: { name: string } }) => r.values.name)).toEqual(['桥坪户']);
    const found = (await call('GET', `${RECORDS}?q=${encodeURIComponent('张三')}`, leader)).json();
    expect(found.items.map((r: { values: { name: string } }) => r.values.name)).toEqual(['张三']);
    const page = (await call('GET', `${RECORDS}?page=2&pageSize=1`, viewer)).json();
    expect(page).toMatchObject({ total: all.total });
    expect(page.items.map((r: { id: number }) => r.id)).toEqual([ids[1]]);
  });
});

describe('editing records', () => {
  it('lets exactly one of two concurrent edits of the same version through; the other gets 409 with the current record', async () => {
    const record = await createRecord();
    const [a, b] = await Promise.all([
      call('PATCH', `${RECORDS}/${record.id}`, cadre, { version: 1, values: { members: 6 } }),
      call('PATCH', `${RECORDS}/${record.id}`, leader, { version: 1, values: { members: 7 } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const [won, lost] = a.statusCode === 200 ? [a, b] : [b, a];
    expect(won.json()).toMatchObject({ version: 2 });
    expect(lost.headers['content-type']).toContain('application/problem+json');
    expect(lost.json().current).toEqual(won.json());
    const stored = (await call('GET', `${RECORDS}/${record.id}`, cadre)).json();
    expect(stored).toEqual(won.json());
    // The loser saves again on the version it was shown.
    const retry = await call('PATCH', `${RECORDS}/${record.id}`, cadre, { version: 2, values: { members: 8 } });
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ version: 3, values: { members: 8, name: record.values.name } });
  });

  it('checks edited values like new ones', async () => {
    const record = await createRecord();
    const res = await call('PATCH', `${RECORDS}/${record.id}`, cadre, { version: 1, values: { members: 0, phone: '1' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['values.members', 'values.phone']);
    expect((await call('GET', `${RECORDS}/${record.id}`, cadre)).json()).toEqual(record);
  });

  it('soft-deletes, restores by the leader only, and keeps the history', async () => {
    const record = await createRecord();
    expect((await call('PATCH', `${RECORDS}/${record.id}`, cadre, { version: 1, values: { members: 2 } })).statusCode).toBe(200);
    expect((await call('DELETE', `${RECORDS}/${record.id}`, cadre)).statusCode).toBe(204);
    const listed = async () => (await call('GET', RECORDS, leader)).json().items.map((r: { id: number }) => r.id);
    expect(await listed()).not.toContain(record.id);
    expect((await call('GET', `${RECORDS}/${record.id}`, cadre)).statusCode).toBe(404);
    const [row] = await queryRows<{ deleted: boolean }>(
      t.db,
      sql`SELECT deleted_at IS NOT NULL AS deleted FROM ledger_records WHERE id = ${record.id}`,
    );
    expect(row).toEqual({ deleted: true });
    expect((await call('POST', `${RECORDS}/${record.id}/restore`, cadre)).statusCode).toBe(403);
    const restored = await call('POST', `${RECORDS}/${record.id}/restore`, leader);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(await listed()).toContain(record.id);
    const history = await call('GET', `${RECORDS}/${record.id}/history`, cadre);
    expect(history.statusCode, history.body).toBe(200);
    const items = history.json().items;
    expect(items.map((e: { action: string }) => e.action)).toEqual([
      'ledger_record.create',
      'ledger_record.update',
      'ledger_record.delete',
      'ledger_record.restore',
    ]);
    expect(items[0]).toMatchObject({ by: 'cun202', before: null, after: { values: { members: 4 } } });
    expect(items[1]).toMatchObject({ before: { values: { members: 4 } }, after: { values: { members: 2 } } });
    expect(items[3].by).toBe('shuji');
  });
});

describe('changing a definition', () => {
  it('adds a field as a new version; old records keep their data', async () => {
    const record = await createRecord();
    const fields = [...buildHouseholdFields(), { key: 'income', label: '人均纯收入', type: 'decimal', unit: '元', decimals: 2 }];
    const res = await call('PUT', `/api/ledgers/${KEY}/fields`, lineLead, { fields });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, fields });
    expect((await call('GET', `${RECORDS}/${record.id}`, cadre)).json().values).toEqual(record.values);
    const withIncome = await createRecord(YANTANG, household({ income: '8500.50' }));
    expect(withIncome.values.income).toBe(8500.5);
    const versions = await queryRows<{ version: number }>(
      t.db,
      sql`SELECT v.version FROM ledger_versions v JOIN ledgers l ON l.id = v.ledger_id WHERE l.key = ${KEY} ORDER BY 1`,
    );
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('refuses removing or retyping a field that holds data; retiring keeps its data readable', async () => {
    const current = (await call('GET', `/api/ledgers/${KEY}`, leader)).json().fields as { key: string; type: string; retired?: boolean }[];
    const removed = await call('PUT', `/api/ledgers/${KEY}/fields`, leader, { fields: current.filter((f) => f.key !== 'phone') });
    expect(removed.statusCode, removed.body).toBe(409);
    expect(removed.json().detail).toContain('联系电话');
    const retyped = await call('PUT', `/api/ledgers/${KEY}/fields`, leader, {
      fields: current.map((f) => (f.key === 'phone' ? { ...f, type: 'text' } : f)),
    });
    expect(retyped.statusCode, retyped.body).toBe(409);
    expect((await call('GET', `/api/ledgers/${KEY}`, leader)).json().version).toBe(2);

    const retired = await call('PUT', `/api/ledgers/${KEY}/fields`, leader, {
      fields: current.map((f) => (f.key === 'phone' ? { ...f, retired: true } : f)),
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().version).toBe(3);
    const items = (await call('GET', RECORDS, leader)).json().items;
    const old = items.find((r: { values: { phone?: string } }) => r.values.phone);
    expect(old.values.phone).toBe('13812345678');
    // New values for a retired field are refused; an edit of other fields keeps the retired value.
    const refused = await call('POST', RECORDS, cadre, { orgUnit: YANTANG, values: household() });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'values.phone' })]);
    const edited = await call('PATCH', `${RECORDS}/${old.id}`, leader, { version: old.version, values: { members: 3 } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().values).toMatchObject({ phone: '13812345678', members: 3 });
    expect((await call('GET', '/api/ledgers', leader)).json().items.find((l: { key: string }) => l.key === KEY).fieldCount).toBe(5);
  });

  it('refuses making a field unique while records share a value', async () => {
    const current = (await call('GET', `/api/ledgers/${KEY}`, leader)).json().fields as { key: string }[];
    // Every household of these tests is in the category 边缘易致贫户.
    const res = await call('PUT', `/api/ledgers/${KEY}/fields`, leader, {
      fields: current.map((f) => (f.key === 'category' ? { ...f, unique: true } : f)),
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toContain('边缘易致贫户');
    expect((await call('GET', `/api/ledgers/${KEY}`, leader)).json().version).toBe(3);
  });

  it('lets a village cadre enter data but not change the definition', async () => {
    const res = await call('PUT', `/api/ledgers/${KEY}/fields`, cadre, { fields: buildHouseholdFields() });
    expect(res.statusCode).toBe(403);
  });
});

describe('township scoping', () => {
  it("hides one township's ledgers and records from another township's leader", async () => {
    // "phone" is retired by now
    const record = await createRecord(YANTANG, household({ phone: undefined }));
    expect((await call('GET', '/api/ledgers', otherLeader)).json().items).toEqual([]);
    expect((await call('GET', `/api/ledgers/${KEY}`, otherLeader)).statusCode).toBe(404);
    expect((await call('GET', RECORDS, otherLeader)).statusCode).toBe(404);
    expect((await call('GET', `${RECORDS}/${record.id}`, otherLeader)).statusCode).toBe(404);
    expect((await call('PATCH', `${RECORDS}/${record.id}`, otherLeader, { version: 1, values: { members: 1 } })).statusCode).toBe(404);
    // The same key in his own township is his own ledger, and still cannot reach our villages.
    expect(
      (await call('POST', '/api/ledgers', otherLeader, { key: KEY, name: '防返贫监测户', kind: 'register', fields: buildHouseholdFields() }))
        .statusCode,
    ).toBe(201);
    expect((await call('POST', RECORDS, otherLeader, { orgUnit: YANTANG, values: household({ phone: undefined }) })).statusCode).toBe(403);
    expect((await call('GET', `${RECORDS}/${record.id}`, otherLeader)).statusCode).toBe(404);
    expect((await call('POST', RECORDS, otherLeader, { orgUnit: OTHER_VILLAGE, values: household() })).statusCode).toBe(201);
  });
});

describe('audit', () => {
  it('records every ledger write in the audit log', async () => {
    const rows = await queryRows<{ action: string; n: number }>(
      t.db,
      sql`
      SELECT action, count(*)::int AS n FROM audit_log WHERE entity IN ('ledger', 'ledger_record') GROUP BY action ORDER BY action`,
    );
    const [{ records }] = await queryRows<{ records: number }>(t.db, sql`SELECT count(*)::int AS records FROM ledger_records`);
    const byAction = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    expect(byAction['ledger_record.create']).toBe(records);
    expect(byAction['ledger.create']).toBe(4);
    expect(byAction['ledger.library']).toBe(1);
    expect(byAction['ledger.fields']).toBe(2);
  });
});
