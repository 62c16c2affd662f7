// Indicator values against SQL written independently here (other joins, numeric and date casts), on PGlite and,
// with TEST_DATABASE_URL, on PostgreSQL: flows and stocks, filters, distinct counts, roll-up from groups to the
// township, relative periods, formulas, targets, explanations and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { buildTestApp, multipartFile, readSheet, type TestApp } from '../../testing/test-app.js';
import { buildGroup, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';
import { buildXlsx, sharedStringsXml, sheetXml } from '../../testing/zip-builder.js';
import { ledgerRecords } from '../../db/schema.js';
import { rectificationWorkflow } from '../../../core/ledger-workflow.js';

let t: TestApp;
let leader: string;
let cadre: string;
let viewer: string;
let admin: string;
const TOWN = '430681105000';
const VILLAGES = ['430681105201', '430681105202', '430681105203'];
const [, YANTANG] = VILLAGES;

const call: TestApp['call'] = (...args) => t.call(...args);
const ok: TestApp['ok'] = (...args) => t.ok(...args);

interface ValueItem {
  indicator: string;
  orgUnit: string;
  period: string;
  value: number | null;
  target?: number | null;
  completion?: number | null;
}
const values = async (query: string, cookie = leader) => (await ok('GET', `/api/indicators/values?${query}`, cookie)).items as ValueItem[];
const pick = (items: ValueItem[], indicator: string, orgUnit: string, period: string) =>
  items.find((i) => i.indicator === indicator && i.orgUnit === orgUnit && i.period === period)?.value;

/** Independent figures: by village (through the path of the record's unit), as a code → number map. */
async function byVillage(query: ReturnType<typeof sql>): Promise<Map<string, number>> {
  const rows = await queryRows<{ code: string; v: string | number | null }>(t.db, query);
  return new Map(rows.map((r) => [r.code, r.v === null ? NaN : Number(r.v)]));
}
const villageJoin = sql`JOIN org_units u ON u.id = r.org_unit_id JOIN org_units v ON v.level = 'village' AND u.path LIKE v.path || '%'`;
const ledgerId = async (key: string) => (await queryRows<{ id: number }>(t.db, sql`SELECT id FROM ledgers WHERE key = ${key}`))[0].id;

// A small seeded generator: the data differs from run to run of the generator's seed only.
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const LAND_FIELDS = [
  { key: 'contract_no', label: '合同编号', type: 'text', required: true },
  { key: 'transferee', label: '流入方', type: 'text', required: true },
  { key: 'land_type', label: '土地类型', type: 'choice', choices: ['耕地', '林地'], required: true },
  { key: 'area', label: '流转面积', type: 'decimal', unit: '亩', decimals: 2, required: true },
  { key: 'signed_on', label: '签订日期', type: 'date', required: true },
];

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  const group = await buildGroup(t.system, YANTANG, '三组');
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }], '燕塘村干部');
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'guanli', [{ role: 'admin', orgUnitCode: TOWN }]);
  [leader, cadre, viewer, admin] = await Promise.all(['shuji', 'cun202', 'chakan', 'guanli'].map((u) => t.login(u, TEST_PASSWORD)));

  await ok('POST', '/api/ledgers', leader, { key: 'land', name: '土地流转台账', kind: 'register', fields: LAND_FIELDS }, 201);
  await ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'hazards',
      name: '隐患台账',
      kind: 'register',
      workflow: rectificationWorkflow(),
      fields: [
        { key: 'found_on', label: '发现日期', type: 'date', required: true },
        { key: 'category', label: '类别', type: 'choice', choices: ['水库', '校车'] },
      ],
    },
    201,
  );
  await ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'doses',
      name: '疫苗接种日报',
      kind: 'periodic',
      periodType: 'day',
      fields: [{ key: 'booster', label: '加强针', type: 'integer', unit: '剂' }],
    },
    201,
  );
  await ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'basics',
      name: '村情',
      kind: 'periodic',
      periodType: 'year',
      fields: [{ key: 'taxable', label: '计税面积', type: 'decimal', unit: '亩' }],
    },
    201,
  );

  // Records straight into the table, as an import would leave them: villages, the township itself and a group.
  const units = await queryRows<{ id: number; code: string }>(t.db, sql`SELECT id, code FROM org_units WHERE code LIKE '430681105%'`);
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const placed = [...VILLAGES, TOWN, group.code];
  const rand = random(20220630);
  const [land, hazards, doses, basics] = await Promise.all(['land', 'hazards', 'doses', 'basics'].map(ledgerId));
  const base = { townshipId: unitId.get(TOWN)!, definitionVersion: 1 };
  const rows: (typeof ledgerRecords.$inferInsert)[] = [];
  for (let i = 0; i < 160; i++) {
    const day = new Date(Date.UTC(2021, 0, 1) + Math.floor(rand() * 546) * 86_400_000).toISOString().slice(0, 10);
    rows.push({
      ...base,
      ledgerId: land,
      orgUnitId: unitId.get(placed[Math.floor(rand() * placed.length)])!,
      values: {
        contract_no: `HT${i}`,
        transferee: `合作社${Math.floor(rand() * 12)}`,
        land_type: rand() < 0.7 ? '耕地' : '林地',
        area: Math.round(rand() * 20000) / 100,
        signed_on: day,
      },
    });
  }
  for (let i = 0; i < 40; i++) {
    const day = `2022-0${1 + Math.floor(rand() * 6)}-1${Math.floor(rand() * 9)}`;
    rows.push({
      ...base,
      ledgerId: hazards,
      orgUnitId: unitId.get(placed[i % placed.length])!,
      status: ['pending', 'rectifying', 'rectified', 'closed'][i % 4],
      values: { found_on: day, category: i % 3 ? '水库' : '校车' },
    });
  }
  for (const code of VILLAGES) {
    for (let d = 1; d <= 30; d++) {
      if (code === VILLAGES[2] && d === 29) continue; // one village did not report the 29th
      rows.push({
        ...base,
        ledgerId: doses,
        orgUnitId: unitId.get(code)!,
        period: `202206${String(d).padStart(2, '0')}`,
        values: { booster: Math.floor(rand() * 40) },
      });
    }
    rows.push({ ...base, ledgerId: basics, orgUnitId: unitId.get(code)!, period: '2021', values: { taxable: 3000 + Math.floor(rand() * 1000) } });
    if (code !== VILLAGES[0])
      rows.push({ ...base, ledgerId: basics, orgUnitId: unitId.get(code)!, period: '2022', values: { taxable: 4000 + Math.floor(rand() * 1000) } });
  }
  await t.db.insert(ledgerRecords).values(rows);

  const define = (key: string, name: string, unit: string, source: object, extra: object = {}) =>
    ok('POST', '/api/indicators', leader, { key, name, unit, decimals: 2, source, ...extra }, 201);
  await define('land_area', '土地流转面积', '亩', {
    type: 'records',
    ledger: 'land',
    aggregate: 'sum',
    field: 'area',
    dateField: 'signed_on',
    timing: 'flow',
  });
  await define('land_cultivated', '耕地流转面积', '亩', {
    type: 'records',
    ledger: 'land',
    aggregate: 'sum',
    field: 'area',
    dateField: 'signed_on',
    timing: 'flow',
    filters: [{ field: 'land_type', op: 'eq', value: '耕地' }],
  });
  await define('land_contracts', '流转合同数', '份', { type: 'records', ledger: 'land', aggregate: 'count', dateField: 'signed_on', timing: 'flow' });
  await define('land_contracts_total', '累计流转合同数', '份', {
    type: 'records',
    ledger: 'land',
    aggregate: 'count',
    dateField: 'signed_on',
    timing: 'stock',
  });
  await define('transferees', '流入方数', '个', {
    type: 'records',
    ledger: 'land',
    aggregate: 'distinct',
    field: 'transferee',
    dateField: 'signed_on',
    timing: 'flow',
  });
  await define('land_avg', '平均每份面积', '亩', {
    type: 'records',
    ledger: 'land',
    aggregate: 'avg',
    field: 'area',
    dateField: 'signed_on',
    timing: 'flow',
  });
  await define('land_avg_cultivated_weighted', '耕地合同平均面积（按面积加权）', '亩', {
    type: 'records',
    ledger: 'land',
    aggregate: 'avg',
    field: 'area',
    weightField: 'area',
    dateField: 'signed_on',
    timing: 'flow',
    filters: [{ field: 'land_type', op: 'eq', value: '耕地' }],
  });
  await define('land_big', '面积超过100亩的合同', '份', {
    type: 'records',
    ledger: 'land',
    aggregate: 'count',
    dateField: 'signed_on',
    timing: 'flow',
    filters: [{ field: 'area', op: 'gt', value: 100 }],
  });
  await define('hazards_done', '已整改隐患', '处', {
    type: 'records',
    ledger: 'hazards',
    aggregate: 'count',
    dateField: 'found_on',
    timing: 'flow',
    statuses: ['rectified', 'closed'],
    filters: [{ field: 'category', op: 'in', value: ['水库'] }],
  });
  await define('booster', '加强针接种', '剂', { type: 'items', ledger: 'doses', item: 'booster', aggregate: 'sum', timing: 'flow' }, { decimals: 0 });
  await define('taxable', '计税面积', '亩', { type: 'items', ledger: 'basics', item: 'taxable', aggregate: 'sum', timing: 'stock' });
  await define('cultivated_share', '流转耕地占计税面积', '%', { type: 'formula', formula: 'percent(land_cultivated, taxable)' });
  await define('land_growth', '流转面积增幅', '%', { type: 'formula', formula: 'growth(land_area, last_year(land_area))' });
  await define('land_completion', '流转任务完成率', '%', { type: 'formula', formula: 'percent(land_area, target(land_area))' });
});
afterAll(() => t.close());

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

describe('explaining a value', () => {
  it('lists the records behind a count, and exports them to Excel', async () => {
    const value = pick(
      await values(`keys=land_cultivated,land_contracts&period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}`),
      'land_contracts',
      YANTANG,
      '2022S1',
    )!;
    const page = await ok('GET', `/api/indicators/land_contracts/explain?period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}&pageSize=5`, leader);
    expect(page.kind).toBe('records');
    expect(page.total).toBe(value);
    expect(page.items).toHaveLength(Math.min(5, value));
    expect(page.ledger.fields.map((f: { label: string }) => f.label)).toContain('流转面积');
    const res = await call('GET', `/api/indicators/land_cultivated/explain.xlsx?period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}`, leader);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await readSheet(res.rawPayload, '明细记录');
    expect(sheet[0]).toEqual(expect.arrayContaining(['单位', '流转面积（亩）', '签订日期']));
    const areaColumn = sheet[0].indexOf('流转面积（亩）');
    const sum = sheet.slice(1).reduce((a, row) => a + Number(row[areaColumn]), 0);
    const cultivated = pick(
      await values(`keys=land_cultivated&period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}`),
      'land_cultivated',
      YANTANG,
      '2022S1',
    )!;
    expect(sum).toBeCloseTo(cultivated, 4);
    expect(sheet.slice(1).every((row) => row[sheet[0].indexOf('土地类型')] === '耕地')).toBe(true);
    // Who entered each row and when, in China time (the list answers instants in UTC).
    const listed = await ok('GET', `/api/indicators/land_cultivated/explain?period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}&pageSize=100`, leader);
    const shanghai = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });
    expect(sheet.slice(1).map((row) => [row[sheet[0].indexOf('录入人')], row[sheet[0].indexOf('更新时间')]])).toEqual(
      listed.items.map((i: { createdBy: string | null; updatedAt: string }) => [i.createdBy ?? '', shanghai(i.updatedAt)]),
    );
  });

  it('lists entered figures with who entered them, and a formula by its parts', async () => {
    const items = await ok('GET', `/api/indicators/booster/explain?period=LAST_7_DAYS&asOf=2022-06-30&orgUnit=${YANTANG}`, leader);
    expect(items.kind).toBe('items');
    expect(items.total).toBe(7);
    expect(items.items.reduce((a: number, i: { value: number }) => a + i.value, 0)).toBe(items.value);
    const formula = await ok('GET', '/api/indicators/land_growth/explain?period=2022S1&asOf=2022-06-30', leader);
    expect(formula.kind).toBe('formula');
    expect(formula.parts.map((p: { key: string; of: string }) => `${p.key}:${p.of}`)).toEqual(['land_area:value', 'land_area:last_year']);
    // each part carries its indicator's unit and precision, to be shown as the indicator is
    const { unit, decimals, scale } = await ok('GET', '/api/indicators/land_area', leader);
    expect(formula.parts[0]).toMatchObject({ unit, decimals, scale });
    const [now, past] = formula.parts.map((p: { value: number }) => p.value);
    expect(formula.value).toBeCloseTo(((now - past) / past) * 100, 6);
  });

  it('shows a village cadre the rows of his village only', async () => {
    await ok('GET', `/api/indicators/land_contracts/explain?period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}`, cadre);
    const res = await call('GET', '/api/indicators/land_contracts/explain?period=2022S1&asOf=2022-06-30', cadre);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('川山坪镇');
    // The township's values themselves are published to the villages.
    expect((await values('keys=land_contracts&period=2022S1&asOf=2022-06-30', cadre))[0].value).toBeGreaterThan(0);
  });
});

describe('targets', () => {
  it('sums village targets up to the township and gives completion', async () => {
    await ok('PUT', '/api/indicators/land_area/targets/2022S1', leader, {
      items: VILLAGES.map((code, i) => ({ orgUnit: code, value: 500 * (i + 1) })),
    });
    const items = await values('keys=land_area,land_completion&period=2022S1&asOf=2022-06-30&targets=true');
    const area = items.find((i) => i.indicator === 'land_area')!;
    expect(area.target).toBe(3000);
    expect(area.completion).toBeCloseTo((area.value! / 3000) * 100, 6);
    expect(items.find((i) => i.indicator === 'land_completion')!.value).toBeCloseTo(area.completion!, 6);
    // A formula reads the target of an indicator that was not asked for.
    const alone = await values('keys=land_completion&period=2022S1&asOf=2022-06-30');
    expect(alone[0].value).toBeCloseTo(area.completion!, 6);
    // A township target of its own wins over the sum.
    await ok('PUT', '/api/indicators/land_area/targets/2022S1', leader, { items: [{ orgUnit: TOWN, value: 2800 }] });
    expect((await values('keys=land_area&period=2022S1&asOf=2022-06-30&targets=true'))[0].target).toBe(2800);
  });

  it('imports targets from the template, refusing a file with bad rows as a whole', async () => {
    const template = await call('GET', '/api/indicators/booster/targets/2022S1/template.xlsx', leader);
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('目标值')!;
    expect(sheet.getRow(2).getCell(1).text).toBe(TOWN);
    sheet.getRow(3).getCell(3).value = 1200;
    sheet.getRow(4).getCell(3).value = '很多';
    const bad = multipartFile('目标.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/booster/targets/2022S1/import',
      headers: { cookie: leader, ...bad.headers },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: '目标值', row: 4, message: '“很多”不是非负数字' }]);
    expect(
      (await ok('GET', '/api/indicators/booster/targets?period=2022S1', leader)).items.every((i: { value: number | null }) => i.value === null),
    ).toBe(true);
    sheet.getRow(4).getCell(3).value = 900;
    const good = multipartFile('目标.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/booster/targets/2022S1/import',
      headers: { cookie: leader, ...good.headers },
      payload: good.payload,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      saved
        .json()
        .items.map((i: { value: number | null }) => i.value)
        .slice(0, 3),
    ).toEqual([null, 1200, 900]);
  });

  it('reports repeated and unknown units together with bad figures, by row, and stores nothing', async () => {
    const template = await call('GET', '/api/indicators/booster/targets/2022Q4/template.xlsx', leader);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('目标值')!;
    sheet.getRow(3).getCell(3).value = 100;
    sheet.getRow(4).getCell(3).value = -5;
    sheet.addRow([sheet.getRow(3).getCell(1).text, '重复一行', 200]);
    sheet.addRow(['999999999999', '不存在', 1]);
    const file = multipartFile('目标.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/booster/targets/2022Q4/import',
      headers: { cookie: leader, ...file.headers },
      payload: file.payload,
    });
    expect(res.statusCode, res.body).toBe(400);
    const last = sheet.rowCount;
    expect(res.json().errors).toEqual([
      { field: '目标值', row: 4, message: '“-5”不是非负数字' },
      { field: '单位代码', row: last - 1, message: `“${sheet.getRow(3).getCell(2).text}”重复出现，每个单位只能有一个目标值` },
      { field: '单位代码', row: last, message: '“999999999999”不是本镇或本镇的村（社区）' },
    ]);
    expect(res.json().detail).toBe('有 3 行需要修改，未导入任何目标值');
    // the ledger import's reader and limits: shared strings decoding to far more text than the file is refused
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed.toString(36);
    };
    const texts = Array.from({ length: 17_000 }, () => `${'abcdefghij'.repeat(100)}${random()}${random()}`);
    const bomb = multipartFile(
      '目标.xlsx',
      buildXlsx(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), [{ name: 'xl/sharedStrings.xml', content: sharedStringsXml(texts) }]),
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/booster/targets/2022Q4/import',
      headers: { cookie: leader, ...bomb.headers },
      payload: bomb.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().errors)).toContain('文件中的文字总量过大');
    const twice = await call('PUT', '/api/indicators/booster/targets/2022Q4', leader, {
      items: [
        { orgUnit: YANTANG, value: 1 },
        { orgUnit: YANTANG, value: 2 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([{ field: 'items.1.orgUnit', message: '“燕塘村”重复出现，每个单位只能有一个目标值' }]);
    expect(
      (await ok('GET', '/api/indicators/booster/targets?period=2022Q4', leader)).items.every((i: { value: number | null }) => i.value === null),
    ).toBe(true);
  });

  it('refuses targets from a village cadre and a viewer', async () => {
    for (const cookie of [cadre, viewer]) {
      const res = await call('PUT', '/api/indicators/land_area/targets/2022S1', cookie, { items: [{ orgUnit: YANTANG, value: 1 }] });
      expect(res.statusCode).toBe(403);
    }
  });
});

describe('bad definitions and requests', () => {
  const post = (body: object) => call('POST', '/api/indicators', leader, { key: 'bad_one', name: '错误', unit: '个', ...body });

  it.each([
    [{ type: 'records', ledger: 'nope', aggregate: 'count', timing: 'stock' }, 'source.ledger', '台账“nope”不存在'],
    [
      {
        type: 'records',
        ledger: 'land',
        aggregate: 'count',
        timing: 'flow',
        dateField: 'signed_on',
        filters: [{ field: 'colour', op: 'eq', value: 'x' }],
      },
      'source.filters.0.field',
      '台账“土地流转台账”没有字段“colour”',
    ],
    [
      {
        type: 'records',
        ledger: 'land',
        aggregate: 'count',
        timing: 'flow',
        dateField: 'signed_on',
        filters: [{ field: 'land_type', op: 'eq', value: '水田' }],
      },
      'source.filters.0.value',
      '“土地类型”没有选项“水田”',
    ],
    [
      { type: 'records', ledger: 'land', aggregate: 'sum', field: 'transferee', timing: 'flow', dateField: 'signed_on' },
      'source.field',
      '字段“流入方”不能作为统计字段（需为数值字段）',
    ],
    [
      { type: 'records', ledger: 'land', aggregate: 'count', timing: 'flow' },
      'source.dateField',
      '“期间发生”需要一个日期字段，用来判断记录属于哪个期间',
    ],
    [
      { type: 'records', ledger: 'hazards', aggregate: 'count', timing: 'stock', statuses: ['lost'] },
      'source.statuses.0',
      '台账“隐患台账”没有状态“lost”',
    ],
    [{ type: 'formula', formula: 'percent(land_area, )' }, 'source.formula', '第 20 个字符处：此处不应出现“)”'],
    [{ type: 'formula', formula: 'land_area / nothing_here' }, 'source.formula', '第 13 个字符处：指标“nothing_here”不存在'],
  ])('%j → 400 at %s', async (source, field, message) => {
    const res = await post({ source });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toContainEqual({ field, message });
    expect((await ok('GET', '/api/indicators', leader)).items.some((i: { key: string }) => i.key === 'bad_one')).toBe(false);
  });

  it("makes a key from the name's pinyin initials when none is given, numbered when taken", async () => {
    const source = { type: 'formula', formula: 'land_area * 2' };
    const first = await ok('POST', '/api/indicators', leader, { name: '重大隐患数', unit: '处', source }, 201);
    expect(first.key).toBe('zdyhs');
    const second = await ok('POST', '/api/indicators', leader, { name: '重大隐患数', unit: '处', source }, 201);
    expect(second.key).toBe('zdyhs_2');
    expect((await ok('POST', '/api/indicators', leader, { name: '60岁以上人数', unit: '人', source }, 201)).key).toBe('zb_60sysrs');
    // cut at 40 letters without leaving an underscore at the end
    const long = await ok('POST', '/api/indicators', leader, { name: `${'a'.repeat(39)} b`, unit: '', source }, 201);
    expect(long.key).toBe('a'.repeat(39));
    for (const key of ['zdyhs', 'zdyhs_2', 'zb_60sysrs', long.key]) await ok('DELETE', `/api/indicators/${key}`, leader, undefined, 204);
  });

  it('refuses a cycle between formulas, naming it', async () => {
    await ok('POST', '/api/indicators', leader, { key: 'cyc_a', name: 'A', source: { type: 'formula', formula: 'land_area * 2' } }, 201);
    await ok('POST', '/api/indicators', leader, { key: 'cyc_b', name: 'B', source: { type: 'formula', formula: 'cyc_a + 1' } }, 201);
    const res = await call('PUT', '/api/indicators/cyc_a', leader, { name: 'A', source: { type: 'formula', formula: 'cyc_b - 1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toBe('指标之间形成循环引用：cyc_a → cyc_b → cyc_a');
    // An indicator in use is not deleted.
    const used = await call('DELETE', '/api/indicators/cyc_a', leader);
    expect(used.statusCode).toBe(409);
    expect(used.json().detail).toContain('指标“B”');
    await ok('DELETE', '/api/indicators/cyc_b', leader, undefined, 204);
    await ok('DELETE', '/api/indicators/cyc_a', leader, undefined, 204);
  });

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

  it('refuses definitions from a viewer or a village cadre and everything from the administrator', async () => {
    for (const cookie of [viewer, cadre]) {
      const res = await call('POST', '/api/indicators', cookie, { key: 'x_y', name: 'x', source: { type: 'formula', formula: '1' } });
      expect(res.statusCode).toBe(403);
    }
    expect((await call('GET', '/api/indicators', admin)).statusCode).toBe(403);
    expect((await call('GET', '/api/indicators/values?keys=land_area&period=2022', admin)).statusCode).toBe(403);
  });
});

describe('previewing a definition before it is saved', () => {
  it('gives the value the saved indicator will have, and the same 400s as saving', async () => {
    const source = {
      type: 'records',
      ledger: 'land',
      aggregate: 'sum',
      field: 'area',
      dateField: 'signed_on',
      timing: 'flow',
      filters: [{ field: 'land_type', op: 'eq', value: '林地' }],
    };
    const preview = await ok('POST', '/api/indicators/preview', leader, { key: 'land_forest', source, period: '2022S1', asOf: '2022-06-30' });
    expect(preview.period).toEqual({ id: '2022S1', label: '2022年上半年' });
    expect((await ok('GET', '/api/indicators', leader)).items.some((i: { key: string }) => i.key === 'land_forest')).toBe(false);
    await ok('POST', '/api/indicators', leader, { key: 'land_forest', name: '林地流转面积', unit: '亩', source }, 201);
    expect(pick(await values('keys=land_forest&period=2022S1&asOf=2022-06-30'), 'land_forest', TOWN, '2022S1')).toBe(preview.value);
    expect(preview.value).toBeGreaterThan(0);
    const formula = await ok('POST', '/api/indicators/preview', leader, {
      source: { type: 'formula', formula: 'land_forest + land_cultivated' },
      period: '2022S1',
      asOf: '2022-06-30',
    });
    const parts = await values('keys=land_forest,land_cultivated&period=2022S1&asOf=2022-06-30');
    expect(formula.value).toBeCloseTo(
      parts.reduce((a, i) => a + i.value!, 0),
      6,
    );
    const bad = await call('POST', '/api/indicators/preview', leader, { source: { ...source, field: 'transferee' }, period: '2022S1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('source.field');
    expect((await call('POST', '/api/indicators/preview', cadre, { source, period: '2022S1' })).statusCode).toBe(403);
  });
});

describe('the built-in indicator library', () => {
  it('offers indicators whose ledgers are installed and installs a formula with what it reads', async () => {
    await ok('POST', '/api/ledger-library/install', leader, { keys: ['land_transfer', 'village_basics'] });
    const library = (await ok('GET', '/api/indicator-library', leader)).items as {
      key: string;
      installed: boolean;
      ledgersInstalled: boolean;
      ledgers: string[];
    }[];
    const growth = library.find((i) => i.key === 'land_transferred_growth')!;
    expect(growth).toMatchObject({ installed: false, ledgersInstalled: true, ledgers: ['land_transfer'] });
    expect(library.find((i) => i.key === 'early_rice_sown_area')).toMatchObject({ ledgersInstalled: false });
    const { installed } = await ok('POST', '/api/indicator-library/install', leader, { keys: ['land_transferred_growth'] });
    expect(installed).toEqual(expect.arrayContaining(['land_transferred', 'land_transferred_growth']));
    const listed = (await ok('GET', '/api/indicators', leader)).items as { key: string; builtin: boolean }[];
    expect(listed.find((i) => i.key === 'land_transferred_growth')?.builtin).toBe(true);
    // Installing again changes nothing; a village cadre may not install.
    expect((await ok('POST', '/api/indicator-library/install', leader, { keys: ['land_transferred_growth'] })).installed).toEqual([]);
    expect((await call('POST', '/api/indicator-library/install', cadre, {})).statusCode).toBe(403);
  });
});
