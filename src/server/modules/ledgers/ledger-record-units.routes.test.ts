// Where a ledger's records may live, one rule for every write path: a periodic ledger's figures belong to the
// township's villages (the grid's rows), so an import cannot put them on the township or a villager group,
// where the grid never shows them and an approval never locks them. Runs on PGlite and, with
// TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { buildTestApp, multipartFile, readSheet, type TestApp } from '../../testing/test-app.js';
import { buildGroup, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';

let t: TestApp;
let leader: string;
let cadre: string;
const [CHUANSHAN, YANTANG] = ['430681105201', '430681105202'];
const TOWN = '430681105000';
const LEDGER = '/api/ledgers/doses';

const upload = (cookie: string, content: string, ledger = LEDGER) => {
  const { payload, headers } = multipartFile('doses.csv', content);
  return t.app.inject({ method: 'POST', url: `${ledger}/imports`, headers: { ...headers, cookie }, payload });
};
const storedFigures = async () =>
  queryRows<{ code: string; period: string; first: number }>(
    t.db,
    sql`
  SELECT u.code, r.period, (r.values->>'first')::int AS first FROM ledger_records r JOIN org_units u ON u.id = r.org_unit_id
  JOIN ledgers l ON l.id = r.ledger_id WHERE l.key = 'doses' AND r.deleted_at IS NULL ORDER BY u.code, r.period`,
  );

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildGroup(t.system, YANTANG, '二组');
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }], '张三');
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }], '燕塘村干部');
  [leader, cadre] = await Promise.all(['shuji', 'cun202'].map((u) => t.login(u, TEST_PASSWORD)));
  await t.ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'doses',
      name: '疫苗接种日报',
      kind: 'periodic',
      periodType: 'day',
      fields: [{ key: 'first', label: '第一剂', type: 'integer', min: 0, unit: '剂' }],
    },
    201,
  );
  await t.ok(
    'POST',
    '/api/ledgers',
    leader,
    { key: 'hazards', name: '隐患排查', kind: 'register', fields: [{ key: 'what', label: '隐患', type: 'text', required: true }] },
    201,
  );
  // 燕塘村 enters 2 for 15 June, submits, the township approves: the figure is locked
  await t.ok('PUT', `${LEDGER}/periods/20220615`, cadre, { rows: [{ orgUnit: YANTANG, values: { first: 2 } }] });
  await t.ok('POST', `${LEDGER}/submissions/20220615/submit`, cadre, { orgUnit: YANTANG });
  await t.ok('POST', `${LEDGER}/submissions/20220615/approve`, leader, { orgUnits: [YANTANG] });
});
afterAll(() => t.close());

describe('a periodic ledger takes figures for villages only, on every write path', () => {
  it('refuses import rows for a villager group or the township, naming the row', async () => {
    const res = await upload(leader, '组织单元,期间,第一剂（剂）\n二组,20220615,100\n川山坪镇,20220615,50\n川山村,20220615,4\n');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valid: 1, errorRows: 2 });
    expect(res.json().errors).toEqual([
      { row: 2, column: '组织单元', value: '二组', message: '“二组”不是本镇2022年6月15日的村（社区）：按期填报的数据只能填到村（社区）' },
      { row: 3, column: '组织单元', value: '川山坪镇', message: '“川山坪镇”不是本镇2022年6月15日的村（社区）：按期填报的数据只能填到村（社区）' },
    ]);
    expect((await t.call('POST', `${LEDGER}/imports/${res.json().id}/commit`, leader)).statusCode).toBe(400);
    expect(await storedFigures()).toEqual([{ code: YANTANG, period: '20220615', first: 2 }]);
  });

  it('refuses the same units in the grid with the same reason', async () => {
    const res = await t.call('PUT', `${LEDGER}/periods/20220616`, leader, { rows: [{ orgUnit: `${YANTANG}001`, values: { first: 100 } }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'rows.0.orgUnit', message: '“二组”不是本镇2022年6月16日的村（社区）：按期填报的数据只能填到村（社区）' },
    ]);
  });

  it('offers only the villages in the import template of a periodic ledger', async () => {
    const template = await t.call('GET', `${LEDGER}/template.xlsx`, leader);
    expect(template.statusCode).toBe(200);
    const units = (await readSheet(template.rawPayload, '选项')).map((r) => r[0]);
    expect(units).toEqual(['组织单元', '川山村', '燕塘村', '桥坪村']);
  });

  it('still takes register records for a villager group, in the form and the import', async () => {
    await t.ok('POST', '/api/ledgers/hazards/records', cadre, { orgUnit: `${YANTANG}001`, values: { what: '电线老化' } }, 201);
    const res = await upload(cadre, '组织单元,隐患*\n二组,灶台裂缝\n', '/api/ledgers/hazards');
    expect(res.json()).toMatchObject({ valid: 1, errors: [] });
    const template = await t.call('GET', '/api/ledgers/hazards/template.xlsx', cadre);
    expect((await readSheet(template.rawPayload, '选项')).map((r) => r[0])).toEqual(['组织单元', '燕塘村', '二组']);
  });
});

describe('the same write check for the form and the import: scope and closed units', () => {
  it('refuses a village cadre another village in the form and the import', async () => {
    const form = await t.call('POST', '/api/ledgers/hazards/records', cadre, { orgUnit: CHUANSHAN, values: { what: 'x' } });
    expect(form.statusCode).toBe(403);
    expect(form.json().detail).toBe('您无权录入或修改“川山村”的台账数据');
    const file = await upload(cadre, '组织单元,隐患*\n川山村,灶台裂缝\n', '/api/ledgers/hazards');
    expect(file.json().errors).toEqual([{ row: 2, column: '组织单元', value: '川山村', message: '您无权录入或修改“川山村”的台账数据' }]);
  });
});
