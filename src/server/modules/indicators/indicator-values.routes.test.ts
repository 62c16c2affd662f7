// Indicator values against SQL written independently here (other joins, numeric and date casts), on PGlite and,
// with TEST_DATABASE_URL, on PostgreSQL: flows and stocks, filters, distinct counts, roll-up from groups to the
// township, relative periods, formulas; bad value requests; compressed answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { readSheet, type TestApp } from '../../testing/test-app.js';
import { buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';
import { buildIndicatorTownship, ledgerIdOf, pick, readValues, TOWN, VILLAGES, YANTANG } from './indicator-test-township.js';

let t: TestApp;
let leader: string;

beforeAll(async () => {
  ({ t, leader } = await buildIndicatorTownship());
});
afterAll(() => t.close());

const call: TestApp['call'] = (...args) => t.call(...args);
const ok: TestApp['ok'] = (...args) => t.ok(...args);
const values = (query: string, cookie = leader) => readValues(t, query, cookie);

/** Independent figures: by village (through the path of the record's unit), as a code → number map. */
async function byVillage(query: ReturnType<typeof sql>): Promise<Map<string, number>> {
  const rows = await queryRows<{ code: string; v: string | number | null }>(t.db, query);
  return new Map(rows.map((r) => [r.code, r.v === null ? NaN : Number(r.v)]));
}
const villageJoin = sql`JOIN org_units u ON u.id = r.org_unit_id JOIN org_units v ON v.level = 'village' AND u.path LIKE v.path || '%'`;
const ledgerId = (key: string) => ledgerIdOf(t.db, key);

const H1 = "BETWEEN '2022-01-01' AND '2022-06-30'";

describe('values against independent SQL', () => {
  it('sums, counts, filters, distinct counts and averages by village for 2022S1', async () => {
    const items = await values(
      'keys=land_area,land_cultivated,land_contracts,transferees,land_avg,land_big,land_avg_cultivated_weighted&period=2022S1&asOf=2022-06-30&by=village',
    );
    const land = await ledgerId('land');
    const expected = {
      land_area: await byVillage(
        sql`SELECT v.code, sum((r.values->>'area')::numeric) AS v FROM ledger_records r ${villageJoin} WHERE r.ledger_id = ${land} AND (r.values->>'signed_on')::date ${sql.raw(H1)} GROUP BY v.code`,
      ),
      land_cultivated: await byVillage(
        sql`SELECT v.code, sum((r.values->>'area')::numeric) AS v FROM ledger_records r ${villageJoin} WHERE r.ledger_id = ${land} AND r.values->>'land_type' = '耕地' AND (r.values->>'signed_on')::date ${sql.raw(H1)} GROUP BY v.code`,
      ),
      land_contracts: await byVillage(
        sql`SELECT v.code, count(*) AS v FROM ledger_records r ${villageJoin} WHERE r.ledger_id = ${land} AND (r.values->>'signed_on')::date ${sql.raw(H1)} GROUP BY v.code`,
      ),
      transferees: await byVillage(
        sql`SELECT v.code, count(DISTINCT r.values->>'transferee') AS v FROM ledger_records r ${villageJoin} WHERE r.ledger_id = ${land} AND (r.values->>'signed_on')::date ${sql.raw(H1)} GROUP BY v.code`,
      ),
      land_avg: await byVillage(
        sql`SELECT v.code, avg((r.values->>'area')::numeric) AS v FROM ledger_records r ${villageJoin} WHERE r.ledger_id = ${land} AND (r.values->>'signed_on')::date ${sql.raw(H1)} GROUP BY v.code`,
      ),
      land_avg_cultivated_weighted: await byVillage(
        sql`SELECT v.code, sum((r.values->>'area')::numeric ^ 2) / sum((r.values->>'area')::numeric) AS v FROM ledger_records r ${villageJoin} WHERE r.ledger_id = ${land} AND r.values->>'land_type' = '耕地' AND (r.values->>'signed_on')::date ${sql.raw(H1)} GROUP BY v.code`,
      ),
      land_big: await byVillage(
        sql`SELECT v.code, count(*) AS v FROM ledger_records r ${villageJoin} WHERE r.ledger_id = ${land} AND (r.values->>'area')::numeric > 100 AND (r.values->>'signed_on')::date ${sql.raw(H1)} GROUP BY v.code`,
      ),
    };
    for (const [key, byCode] of Object.entries(expected)) {
      for (const code of VILLAGES) {
        const want = byCode.get(code) ?? (key.startsWith('land_avg') ? null : 0);
        const got = pick(items, key, code, '2022S1');
        if (want === null) expect(got, `${key} ${code}`).toBeNull();
        else expect(got, `${key} ${code}`).toBeCloseTo(want, 4);
      }
    }
    expect(items).toHaveLength(7 * 3);
  });

  it('rolls groups up into their village and everything into the township, averages over all rows', async () => {
    const land = await ledgerId('land');
    const [town] = await queryRows<{ area: string; n: number; people: number; avg: string }>(
      t.db,
      sql`
      SELECT sum((r.values->>'area')::numeric) AS area, count(*)::int AS n, count(DISTINCT r.values->>'transferee')::int AS people,
             avg((r.values->>'area')::numeric) AS avg
      FROM ledger_records r WHERE r.ledger_id = ${land} AND (r.values->>'signed_on')::date ${sql.raw(H1)}`,
    );
    const items = await values('keys=land_area,land_contracts,transferees,land_avg&period=2022S1&asOf=2022-06-30');
    expect(pick(items, 'land_area', TOWN, '2022S1')).toBeCloseTo(Number(town.area), 4);
    expect(pick(items, 'land_contracts', TOWN, '2022S1')).toBe(town.n);
    expect(pick(items, 'transferees', TOWN, '2022S1')).toBe(town.people);
    expect(pick(items, 'land_avg', TOWN, '2022S1')).toBeCloseTo(Number(town.avg), 4);
    // The group's records count in 燕塘村 (the township's own records only in the township).
    const [yantang] = await queryRows<{ n: number }>(
      t.db,
      sql`
      SELECT count(*)::int AS n FROM ledger_records r JOIN org_units u ON u.id = r.org_unit_id
      WHERE r.ledger_id = ${land} AND u.code LIKE '430681105202%' AND (r.values->>'signed_on')::date ${sql.raw(H1)}`,
    );
    const byVillageItems = await values('keys=land_contracts&period=2022S1&asOf=2022-06-30&by=village');
    expect(pick(byVillageItems, 'land_contracts', YANTANG, '2022S1')).toBe(yantang.n);
    expect(yantang.n).toBeGreaterThan(0);
  });

  it('splits a year into months, and stocks count everything up to each month end', async () => {
    const months = ['202201', '202202', '202203', '202204', '202205', '202206'];
    const items = await values(`keys=land_contracts,land_contracts_total&period=${months.join(',')}&asOf=2022-06-30`);
    const land = await ledgerId('land');
    const rows = await queryRows<{ m: string; n: number }>(
      t.db,
      sql`
      SELECT to_char((r.values->>'signed_on')::date, 'YYYYMM') AS m, count(*)::int AS n FROM ledger_records r
      WHERE r.ledger_id = ${land} GROUP BY 1`,
    );
    const perMonth = new Map(rows.map((r) => [r.m, r.n]));
    let running = rows.filter((r) => r.m < '202201').reduce((a, r) => a + r.n, 0);
    for (const m of months) {
      running += perMonth.get(m) ?? 0;
      expect(pick(items, 'land_contracts', TOWN, m), m).toBe(perMonth.get(m) ?? 0);
      expect(pick(items, 'land_contracts_total', TOWN, m), m).toBe(running);
    }
  });

  it('counts workflow states with a choice filter', async () => {
    const hazards = await ledgerId('hazards');
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`
      SELECT count(*)::int AS n FROM ledger_records WHERE ledger_id = ${hazards} AND status IN ('rectified', 'closed') AND values->>'category' = '水库'`,
    );
    const items = await values('keys=hazards_done&period=2022&asOf=2022-06-30');
    expect(pick(items, 'hazards_done', TOWN, '2022')).toBe(n);
    expect(n).toBeGreaterThan(0);
  });

  it('reads daily figures for yesterday and the last 7 days, and a yearly figure as the latest entered', async () => {
    const items = await values('keys=booster,taxable&period=YESTERDAY,LAST_7_DAYS,2022S1&asOf=2022-06-30&by=village');
    const doses = await ledgerId('doses');
    const sumDays = (from: string, to: string) =>
      byVillage(sql`
      SELECT v.code, sum((r.values->>'booster')::int) AS v FROM ledger_records r ${villageJoin}
      WHERE r.ledger_id = ${doses} AND r.period BETWEEN ${from} AND ${to} GROUP BY v.code`);
    const yesterday = await sumDays('20220629', '20220629');
    const week = await sumDays('20220623', '20220629');
    for (const code of VILLAGES) {
      // The village that did not report the 29th has no figure for yesterday: "—", not 0.
      expect(pick(items, 'booster', code, 'YESTERDAY')).toBe(yesterday.get(code) ?? null);
      expect(pick(items, 'booster', code, 'LAST_7_DAYS')).toBe(week.get(code));
    }
    expect(pick(items, 'booster', VILLAGES[2], 'YESTERDAY')).toBeNull();
    const basics = await ledgerId('basics');
    const latest = await byVillage(sql`
      SELECT v.code, (r.values->>'taxable')::numeric AS v FROM ledger_records r ${villageJoin}
      WHERE r.ledger_id = ${basics} AND r.period = (SELECT max(period) FROM ledger_records x WHERE x.ledger_id = r.ledger_id AND x.org_unit_id = r.org_unit_id)`);
    for (const code of VILLAGES) expect(pick(items, 'taxable', code, '2022S1')).toBe(latest.get(code));
  });

  it('computes formulas from those values, with last year and "—" for division by zero', async () => {
    const items = await values('keys=land_cultivated,taxable,cultivated_share,land_area,land_growth&period=2022S1&asOf=2022-06-30');
    const cultivated = pick(items, 'land_cultivated', TOWN, '2022S1')!;
    const taxable = pick(items, 'taxable', TOWN, '2022S1')!;
    expect(pick(items, 'cultivated_share', TOWN, '2022S1')).toBeCloseTo((cultivated / taxable) * 100, 6);
    const lastYear = (await values('keys=land_area&period=2021S1&asOf=2021-06-30'))[0].value!;
    const area = pick(items, 'land_area', TOWN, '2022S1')!;
    expect(pick(items, 'land_growth', TOWN, '2022S1')).toBeCloseTo(((area - lastYear) / lastYear) * 100, 6);
    // 2020 has no land transfers: growth over zero is null, shown as "—".
    const early = await values('keys=land_growth&period=2021Q1&asOf=2021-03-31');
    expect(early[0].value).toBeNull();
  });

  it('reads the same period last year (LY:) for periods and relative periods, by village', async () => {
    const now = await values('keys=land_area&period=LY:2022S1,LY:YEAR_TO_DATE,2021S1&asOf=2022-06-30&by=village');
    const before = await values('keys=land_area&period=2021S1&asOf=2021-06-30&by=village');
    for (const code of VILLAGES) {
      const expected = pick(before, 'land_area', code, '2021S1');
      expect(pick(now, 'land_area', code, 'LY:2022S1')).toBe(expected);
      expect(pick(now, 'land_area', code, 'LY:YEAR_TO_DATE')).toBe(expected);
    }
    const res = await ok('GET', '/api/indicators/values?keys=land_area&period=LY:2022S1&asOf=2022-06-30', leader);
    expect(res.periods).toEqual([
      expect.objectContaining({ id: 'LY:2022S1', start: '2021-01-01', end: '2021-06-30', label: '2021年上半年（上年同期）' }),
    ]);
    expect((await call('GET', '/api/indicators/values?keys=land_area&period=LY:LY:2022', leader)).statusCode).toBe(400);
  });

  it("rolls townships up into the county, for a leader at the county and for the dispatch's township rank", async () => {
    await buildUser(t.system, 'xianli', [{ role: 'leader', orgUnitCode: '430681000000' }]);
    const county = await t.login('xianli', TEST_PASSWORD);
    const town = pick(await values('keys=land_area,land_contracts&period=2022S1&asOf=2022-06-30'), 'land_area', TOWN, '2022S1');
    const byTown = await values('keys=land_area&period=2022S1&asOf=2022-06-30&orgUnit=430681000000&by=town', county);
    expect(byTown).toEqual([{ indicator: 'land_area', orgUnit: TOWN, period: '2022S1', value: town }]);
    const whole = await values('keys=land_area&period=2022S1&asOf=2022-06-30&orgUnit=430681000000', leader);
    expect(whole[0]).toMatchObject({ orgUnit: '430681000000', value: town });
  });

  it('shows a change to a ledger in the next read', async () => {
    const before = pick(await values('keys=land_contracts&period=202206&asOf=2022-06-30'), 'land_contracts', TOWN, '202206')!;
    await ok(
      'POST',
      '/api/ledgers/land/records',
      leader,
      { orgUnit: YANTANG, values: { contract_no: 'NEW1', transferee: '新合作社', land_type: '耕地', area: 12.5, signed_on: '2022-06-20' } },
      201,
    );
    const after = pick(await values('keys=land_contracts&period=202206&asOf=2022-06-30'), 'land_contracts', TOWN, '202206');
    expect(after).toBe(before + 1);
  });
});

describe('bad value requests', () => {
  it('answers a bad period, an unknown indicator or level with 400 naming it', async () => {
    const period = await call('GET', '/api/indicators/values?keys=land_area&period=2022S1,2022S3', leader);
    expect(period.statusCode).toBe(400);
    expect(period.json().errors[0]).toMatchObject({ field: 'period.1' });
    expect(period.json().errors[0].message).toContain('“2022S3”不是有效的期间');
    const key = await call('GET', '/api/indicators/values?keys=land_area,missing&period=2022', leader);
    expect(key.statusCode).toBe(400);
    expect(key.json().errors).toEqual([{ field: 'keys', message: '指标“missing”不存在' }]);
    const level = await call('GET', `/api/indicators/values?keys=land_area&period=2022&orgUnit=${YANTANG}&by=town`, leader);
    expect(level.statusCode).toBe(400);
  });

  it.each(['2022-13-01', '2022-02-30', '2022-00-00', '22-6-30'])('refuses the as-of date %s with 400, never rolling it over', async (asOf) => {
    const res = await call('GET', `/api/indicators/values?keys=land_area&period=YEAR_TO_DATE&asOf=${asOf}`, leader);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('asOf');
    expect(res.json().errors[0].message).toMatch(/日期不存在|日期格式应为 YYYY-MM-DD/);
    const board = await call('GET', `/api/rankings/none/board?period=2022&asOf=${asOf}`, leader);
    expect(board.statusCode).toBe(400);
  });
});

describe('compressed answers', () => {
  const url =
    '/api/indicators/values?keys=land_area,land_contracts,booster&period=202201,202202,202203,202204,202205,202206&asOf=2022-06-30&by=village';
  const get = (target: string, encoding: string) =>
    t.app.inject({ method: 'GET', url: target, headers: { cookie: leader, 'accept-encoding': encoding } });

  it('compresses values for clients that accept brotli or gzip, to the same JSON', async () => {
    const plain = await get(url, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await get(url, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('leaves Excel files as they are: they are zip archives already', async () => {
    const res = await get(`/api/indicators/land_contracts/explain.xlsx?period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}`, 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect((await readSheet(res.rawPayload, '明细记录')).length).toBeGreaterThan(1);
  });

  it('refuses a compressed request body and changes nothing', async () => {
    const body = gzipSync(JSON.stringify({ key: 'zipped_one', name: '压缩', unit: '个', source: { type: 'formula', formula: 'land_area * 2' } }));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/indicators',
      payload: body,
      headers: { cookie: leader, 'content-type': 'application/json', 'content-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toBe('请求格式不正确');
    expect((await call('GET', '/api/indicators/zipped_one', leader)).statusCode).toBe(404);
  });
});
