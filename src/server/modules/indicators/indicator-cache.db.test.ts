// Cached indicator results never outlive the data behind them: after every kind of write (through the API, by
// SQL, moving a record between villages, a TRUNCATE) the values equal SQL written independently here, and only
// the statements and villages the write touched are recomputed. On PGlite and, with TEST_DATABASE_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildGroup, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';
import { indicatorCacheStats, type CacheStats } from './indicator-cache.js';

let t: TestApp;
let leader: string;
const VILLAGE_NAMES = ['川山村', '燕塘村', '桥坪村', '石仑村', '楚塘村', '新塘村', '双楼村', '向家村'];
let villages: string[];
let town: string;
let groupCode: string;
let land: number;
let doses: number;
const MONTHS = ['202201', '202202', '202203', '202204', '202205', '202206'];
const KEYS = ['land_area', 'transferees', 'land_total', 'booster', 'area_per_transferee'];

interface ValueItem {
  indicator: string;
  orgUnit: string;
  period: string;
  value: number | null;
}

async function unitIds(): Promise<Map<string, number>> {
  const rows = await queryRows<{ id: number; code: string }>(t.db, sql`SELECT id, code FROM org_units`);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** What the engine must answer, from SQL of this test's own: key → unit code → month → value. */
async function independentValues(): Promise<Map<string, number | null>> {
  const rows = await queryRows<{
    code: string;
    month: string;
    land_area: string | null;
    transferees: string;
    land_total: string;
    booster: string | null;
  }>(
    t.db,
    sql`
    WITH units AS (
      SELECT v.code, u.id FROM org_units v JOIN org_units u ON u.path LIKE v.path || '%'
      WHERE v.level IN ('village', 'town') AND v.code LIKE '430681105%'
    ), months AS (SELECT to_char(m, 'YYYYMM') AS month, m::date AS first, (m + interval '1 month')::date AS after
                  FROM generate_series('2022-01-01'::date, '2022-06-01'::date, interval '1 month') m)
    SELECT units.code, months.month,
      (SELECT sum((r.values->>'area')::numeric) FROM ledger_records r WHERE r.ledger_id = ${land} AND r.deleted_at IS NULL
         AND r.org_unit_id IN (SELECT id FROM units u2 WHERE u2.code = units.code)
         AND (r.values->>'signed_on')::date >= months.first AND (r.values->>'signed_on')::date < months.after) AS land_area,
      (SELECT count(DISTINCT r.values->>'transferee') FROM ledger_records r WHERE r.ledger_id = ${land} AND r.deleted_at IS NULL
         AND r.org_unit_id IN (SELECT id FROM units u2 WHERE u2.code = units.code)
         AND (r.values->>'signed_on')::date >= months.first AND (r.values->>'signed_on')::date < months.after) AS transferees,
      (SELECT count(*) FROM ledger_records r WHERE r.ledger_id = ${land} AND r.deleted_at IS NULL
         AND r.org_unit_id IN (SELECT id FROM units u2 WHERE u2.code = units.code)
         AND (r.values->>'signed_on')::date < months.after) AS land_total,
      (SELECT sum((r.values->>'booster')::int) FROM ledger_records r WHERE r.ledger_id = ${doses} AND r.deleted_at IS NULL
         AND r.org_unit_id IN (SELECT id FROM units u2 WHERE u2.code = units.code) AND r.period LIKE months.month || '%') AS booster
    FROM (SELECT DISTINCT code FROM units) units CROSS JOIN months`,
  );
  const out = new Map<string, number | null>();
  for (const r of rows) {
    const area = r.land_area === null ? 0 : Number(r.land_area);
    const people = Number(r.transferees);
    out.set(`land_area ${r.code} ${r.month}`, area);
    out.set(`transferees ${r.code} ${r.month}`, people);
    out.set(`land_total ${r.code} ${r.month}`, Number(r.land_total));
    out.set(`booster ${r.code} ${r.month}`, r.booster === null ? null : Number(r.booster));
    out.set(`area_per_transferee ${r.code} ${r.month}`, people === 0 ? null : area / people);
  }
  return out;
}

/** Reads the values by village and for the township, checks every one, and returns how statements were answered. */
async function expectLiveValues(): Promise<CacheStats> {
  const before = indicatorCacheStats(t.db);
  const query = `keys=${KEYS.join(',')}&period=${MONTHS.join(',')}&asOf=2022-06-30`;
  const items: ValueItem[] = [
    ...(await t.ok('GET', `/api/indicators/values?${query}&by=village`, leader)).items,
    ...(await t.ok('GET', `/api/indicators/values?${query}&orgUnit=${town}`, leader)).items,
  ];
  const after = indicatorCacheStats(t.db);
  const expected = await independentValues();
  expect(items.length).toBe(KEYS.length * MONTHS.length * (villages.length + 1));
  for (const item of items) {
    const want = expected.get(`${item.indicator} ${item.orgUnit} ${item.period}`);
    expect(want, `${item.indicator} ${item.orgUnit} ${item.period}`).not.toBeUndefined();
    if (want === null) expect(item.value, `${item.indicator} ${item.orgUnit} ${item.period}`).toBeNull();
    else expect(item.value, `${item.indicator} ${item.orgUnit} ${item.period}`).toBeCloseTo(want!, 4);
  }
  return { cached: after.cached - before.cached, partly: after.partly - before.partly, computed: after.computed - before.computed };
}

const notes = async (ledgerId: number) =>
  Number((await queryRows<{ n: string }>(t.db, sql`SELECT count(*)::text AS n FROM ledger_data_changes WHERE ledger_id = ${ledgerId}`))[0].n);

beforeAll(async () => {
  t = await buildTestApp();
  const built = await buildTownship(t.system, VILLAGE_NAMES);
  villages = built.villageCodes;
  town = built.townshipCode;
  groupCode = (await buildGroup(t.system, villages[1], '三组')).code;
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: town }]);
  leader = await t.login('shuji', TEST_PASSWORD);
  await t.ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'land',
      name: '土地流转台账',
      kind: 'register',
      fields: [
        { key: 'transferee', label: '流入方', type: 'text', required: true },
        { key: 'area', label: '流转面积', type: 'decimal', unit: '亩', decimals: 2, required: true },
        { key: 'signed_on', label: '签订日期', type: 'date', required: true },
      ],
    },
    201,
  );
  await t.ok(
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
  const ids = await queryRows<{ id: number; key: string }>(t.db, sql`SELECT id, key FROM ledgers`);
  land = ids.find((l) => l.key === 'land')!.id;
  doses = ids.find((l) => l.key === 'doses')!.id;

  const unit = await unitIds();
  const township = unit.get(town)!;
  const places = [...villages, groupCode, town];
  for (let i = 0; i < 120; i++) {
    const day = `2022-0${1 + (i % 6)}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`;
    await t.db.execute(sql`INSERT INTO ledger_records (township_id, ledger_id, org_unit_id, values, definition_version)
      VALUES (${township}, ${land}, ${unit.get(places[i % places.length])!}, ${JSON.stringify({ transferee: `合作社${i % 9}`, area: ((i * 37) % 200) + 0.5, signed_on: day })}::jsonb, 1)`);
  }
  await t.db.execute(sql`INSERT INTO ledger_records (township_id, ledger_id, org_unit_id, values, period, definition_version)
    SELECT ${township}, ${doses}, u.id, jsonb_build_object('booster', (u.id * d) % 40), to_char('2022-01-01'::date + d, 'YYYYMMDD'), 1
    FROM org_units u CROSS JOIN generate_series(0, 180, 3) d WHERE u.level = 'village'`);

  const define = (key: string, source: object) => t.ok('POST', '/api/indicators', leader, { key, name: key, unit: '个', decimals: 2, source }, 201);
  await define('land_area', { type: 'records', ledger: 'land', aggregate: 'sum', field: 'area', dateField: 'signed_on', timing: 'flow' });
  await define('transferees', {
    type: 'records',
    ledger: 'land',
    aggregate: 'distinct',
    field: 'transferee',
    dateField: 'signed_on',
    timing: 'flow',
  });
  await define('land_total', { type: 'records', ledger: 'land', aggregate: 'count', dateField: 'signed_on', timing: 'stock' });
  await define('booster', { type: 'items', ledger: 'doses', item: 'booster', aggregate: 'sum', timing: 'flow' });
  await define('area_per_transferee', { type: 'formula', formula: 'land_area / transferees' });
});
afterAll(() => t.close());

describe('cached indicator values follow every change', () => {
  it('answers a repeated read from the cache, with the same values', async () => {
    const first = await expectLiveValues();
    expect(first.computed).toBeGreaterThan(0);
    const again = await expectLiveValues();
    expect(again).toEqual({ cached: first.computed + first.partly + first.cached, partly: 0, computed: 0 });
  });

  it('recomputes only the village a new record lands in, through the API', async () => {
    await t.ok(
      'POST',
      '/api/ledgers/land/records',
      leader,
      { orgUnit: groupCode, values: { transferee: '新流入方', area: 88.5, signed_on: '2022-03-15' } },
      201,
    );
    const stats = await expectLiveValues();
    // The two land statements (flows, stock) recompute 燕塘村 alone; the township read has one subject, so in
    // full; the doses statements come from the cache.
    expect(stats.partly).toBe(2);
    expect(stats.computed).toBe(2);
    expect(stats.cached).toBe(2);
  });

  it('follows an edit, a deletion and a restore through the API', async () => {
    const { items } = await t.ok('GET', `/api/ledgers/land/records?orgUnit=${villages[2]}&pageSize=5`, leader);
    const record = items[0];
    await t.ok('PATCH', `/api/ledgers/land/records/${record.id}`, leader, {
      version: record.version,
      values: { area: 1234.5, signed_on: '2022-05-02' },
    });
    expect((await expectLiveValues()).partly).toBe(2);
    await t.ok('DELETE', `/api/ledgers/land/records/${record.id}`, leader, undefined, 204);
    await expectLiveValues();
    await t.ok('POST', `/api/ledgers/land/records/${record.id}/restore`, leader);
    await expectLiveValues();
  });

  it('follows writes made by SQL: a record moved to another village, a daily figure changed', async () => {
    const unit = await unitIds();
    await t.db.execute(sql`UPDATE ledger_records SET org_unit_id = ${unit.get(villages[4])!}
      WHERE id = (SELECT min(id) FROM ledger_records WHERE ledger_id = ${land} AND org_unit_id = ${unit.get(villages[3])!})`);
    const moved = await expectLiveValues();
    expect(moved.partly).toBe(2); // both villages, in one narrowed statement per land statement
    await t.db.execute(sql`UPDATE ledger_records SET values = jsonb_build_object('booster', 999)
      WHERE ledger_id = ${doses} AND org_unit_id = ${unit.get(villages[6])!} AND period = '20220410'`);
    const changed = await expectLiveValues();
    expect(changed.partly).toBe(1);
  });

  it('folds many change notes into one per unit and keeps the cached results valid', async () => {
    const unit = await unitIds();
    await t.ok(
      'POST',
      '/api/ledgers',
      leader,
      { key: 'memo', name: '工作备忘', kind: 'register', fields: [{ key: 'note', label: '内容', type: 'text' }] },
      201,
    );
    const unread = (await queryRows<{ id: number }>(t.db, sql`SELECT id FROM ledgers WHERE key = 'memo'`))[0].id;
    for (const note of ['一', '二', '三']) await t.ok('POST', '/api/ledgers/memo/records', leader, { orgUnit: villages[7], values: { note } }, 201);
    expect(await notes(unread)).toBe(3);
    await t.db.execute(
      sql.raw(`DO $$ BEGIN FOR i IN 1..2100 LOOP
      UPDATE ledger_records SET version = version WHERE ledger_id = ${land} AND org_unit_id = ${unit.get(villages[5])!}; END LOOP; END $$`),
    );
    expect(await notes(land)).toBeGreaterThan(2100);
    await expectLiveValues();
    // Every ledger's notes are folded, those of a ledger no indicator reads too.
    const pairs = async (ledgerId: number) =>
      Number(
        (
          await queryRows<{ n: string }>(
            t.db,
            sql`
      SELECT count(DISTINCT org_unit_id)::text AS n FROM ledger_data_changes WHERE ledger_id = ${ledgerId}`,
          )
        )[0].n,
      );
    expect(await notes(land)).toBe(await pairs(land));
    expect(await notes(doses)).toBe(await pairs(doses));
    expect(await notes(unread)).toBe(1);
    const after = await expectLiveValues();
    expect(after).toEqual({ cached: 6, partly: 0, computed: 0 });
  });

  it('notices a TRUNCATE of the records', async () => {
    await t.db.execute(sql`TRUNCATE ledger_records CASCADE`);
    const stats = await expectLiveValues();
    expect(stats.cached).toBe(0);
  });
});
