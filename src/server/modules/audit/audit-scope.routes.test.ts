// The audit log shows each reader the entries of the units he may see, with snapshots masked exactly as the
// records they show: the deployment administrator (no personal.read) and a leader or administrator bound to one
// village must not read another village's household, or any ID number, through it. Runs on PGlite and, with
// TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, readSheet, type TestApp } from '../../testing/test-app.js';
import { buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';

let t: TestApp;
let root: string;
let leader: string;
let villageLeader: string;
let villageAdmin: string;
let cadre: string;
const [DAMOLING, YANTANG] = ['430681105201', '430681105202'];
const TOWN = '430681105000';
const ID_NUMBER = buildIdCard(7);
const MOBILE = '13812345678';
const MASKED_ID = `${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(-4)}`;

type Entry = { action: string; entity: string; entityId: string; before: unknown; after: unknown };
const entries = async (cookie: string, query = 'pageSize=200') => (await t.ok('GET', `/api/audit?${query}`, cookie)).items as Entry[];
let recordId: number;

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system, ['达摩岭村', '燕塘村']);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'damo_leader', [{ role: 'leader', orgUnitCode: DAMOLING }]);
  await buildUser(t.system, 'damo_admin', [{ role: 'admin', orgUnitCode: DAMOLING }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }]);
  [root, leader, villageLeader, villageAdmin, cadre] = await Promise.all(
    ['root', 'shuji', 'damo_leader', 'damo_admin', 'cun202'].map((u) => t.login(u, TEST_PASSWORD)),
  );
  await t.ok('POST', '/api/ledgers', leader, { key: 'households', name: '防返贫监测户', kind: 'register', fields: buildHouseholdFields() }, 201);
  recordId = (
    await t.ok(
      'POST',
      '/api/ledgers/households/records',
      cadre,
      { orgUnit: YANTANG, values: { name: '张三', idcard: ID_NUMBER, phone: MOBILE, members: 4 } },
      201,
    )
  ).id;
  const current = await t.ok('GET', `/api/ledgers/households/records/${recordId}`, cadre);
  await t.ok('PATCH', `/api/ledgers/households/records/${recordId}`, cadre, { version: current.version, values: { members: 5 } });
  // a township leader exports a list filtered by the ID number: the filter lands in the log
  expect((await t.call('GET', `/api/ledgers/households/records.xlsx?f.idcard=${ID_NUMBER}&q=${ID_NUMBER}`, leader)).statusCode).toBe(200);
});
afterAll(() => t.close());

const recordEntries = (items: Entry[]) => items.filter((e) => e.entity === 'ledger_record' && e.entityId === String(recordId));

describe('audit entries are masked as records are', () => {
  it('shows the deployment administrator the entries with ID numbers and mobiles masked', async () => {
    const items = await entries(root);
    const [update, create] = recordEntries(items);
    expect(create.after).toMatchObject({ values: { name: '张三', idcard: MASKED_ID, phone: '138****5678', members: 4 } });
    expect(update.before).toMatchObject({ values: { idcard: MASKED_ID } });
    expect(update.after).toMatchObject({ values: { idcard: MASKED_ID, members: 5 } });
    expect(JSON.stringify(items)).not.toContain(ID_NUMBER);
    expect(JSON.stringify(items)).not.toContain(MOBILE);
  });

  it("masks the administrator's Excel copy of the log the same way", async () => {
    const res = await t.call('GET', '/api/audit/export', root);
    expect(res.statusCode).toBe(200);
    const text = JSON.stringify(await readSheet(res.rawPayload, '审计日志'));
    expect(text).toContain(MASKED_ID);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(MOBILE);
  });

  it('shows a township leader, who may read personal data, the values as stored', async () => {
    const [, create] = recordEntries(await entries(leader));
    expect(create.after).toMatchObject({ values: { idcard: ID_NUMBER, phone: MOBILE } });
  });
});

describe('audit entries are scoped by their own unit', () => {
  it('refuses a leader bound to 达摩岭村 the 燕塘村 record directly, and hides it in the log', async () => {
    expect((await t.call('GET', `/api/ledgers/households/records/${recordId}`, villageLeader)).statusCode).toBe(403);
    const items = await entries(villageLeader);
    expect(recordEntries(items)).toEqual([]);
    expect(JSON.stringify(items)).not.toContain(ID_NUMBER);
  });

  it('hides it from an administrator bound to 达摩岭村 too, in the list and the export', async () => {
    expect(recordEntries(await entries(villageAdmin))).toEqual([]);
    const res = await t.call('GET', '/api/audit/export', villageAdmin);
    expect(JSON.stringify(await readSheet(res.rawPayload, '审计日志'))).not.toContain('张三');
  });
});
