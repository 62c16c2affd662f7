// Numbers are bounded (1,000 万亿 unless the field says less) and totals are summed without overflow: a probe
// stored 1e308 in an integer field twice and every list containing that village answered 500. Runs on PGlite
// and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { buildTestApp, multipartFile, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';

let t: TestApp;
let leader: string;
const YANTANG = '430681105202';
const RECORDS = '/api/ledgers/houses/records';
const count = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ledger_records`))[0].n;

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: '430681105000' }]);
  leader = await t.login('shuji', TEST_PASSWORD);
  await t.ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'houses',
      name: '农房排查',
      kind: 'register',
      fields: [
        { key: 'owner', label: '户主', type: 'text' },
        { key: 'floors', label: '层数', type: 'integer' },
        { key: 'area', label: '面积', type: 'decimal', unit: '㎡' },
      ],
    },
    201,
  );
});
afterAll(() => t.close());

describe('numbers a record may hold', () => {
  it.each([1e308, -1e308, 1e16, 1000000000000001])('refuses %s in the form, naming the field, and stores nothing', async (n) => {
    const before = await count();
    const res = await t.call('POST', RECORDS, leader, { orgUnit: YANTANG, values: { floors: n } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'values.floors', message: '层数超出允许范围（绝对值不能超过1000万亿）' }]);
    expect(await count()).toBe(before);
  });

  it('refuses it in an import row too', async () => {
    const { payload, headers } = multipartFile('houses.csv', '组织单元,户主,层数,面积（㎡）\n燕塘村,张三,10000000000000000,1\n');
    const res = await t.app.inject({ method: 'POST', url: '/api/ledgers/houses/imports', headers: { ...headers, cookie: leader }, payload });
    expect(res.json().errors).toEqual([
      { row: 2, column: '层数', value: '10000000000000000', message: '层数超出允许范围（绝对值不能超过1000万亿）' },
    ]);
  });

  it('takes the largest allowed value, and a definition may not set a bound past it', async () => {
    await t.ok('POST', RECORDS, leader, { orgUnit: YANTANG, values: { area: 1e15 } }, 201);
    const res = await t.call('POST', '/api/ledgers', leader, {
      key: 'big',
      name: '大数',
      kind: 'register',
      fields: [{ key: 'n', label: '数', type: 'integer', max: 1e308 }],
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().errors)).toContain('最大值超出允许范围');
  });
});

describe('list totals', () => {
  it('sums exactly and still answers when stored values are past what a float8 sum holds', async () => {
    await t.ok('POST', RECORDS, leader, { orgUnit: YANTANG, values: { floors: 2, area: 0.1 } }, 201);
    await t.ok('POST', RECORDS, leader, { orgUnit: YANTANG, values: { floors: 3, area: 0.2 } }, 201);
    expect((await t.ok('GET', RECORDS, leader)).totals).toEqual({ floors: 5, area: 1e15 + 0.3 });
    // values stored before the bound existed (as the probe did), written past the service
    await t.db.execute(
      sql`UPDATE ledger_records SET "values" = jsonb_set("values", '{floors}', '1e308'::jsonb) WHERE ("values"->>'floors')::int IN (2, 3)`,
    );
    const list = await t.ok('GET', RECORDS, leader);
    expect(list.total).toBe(3);
    expect(list.totals).toEqual({ area: 1e15 + 0.3 });
  });
});
