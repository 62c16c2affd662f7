import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/server/db/connection.js';
import { buildApp, SESSION_COOKIE } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openTestDatabase } from '../src/server/testing/test-app.js';
import { BUILTIN_LEDGERS } from '../src/server/modules/ledgers/library/index.js';
import { installBuiltinLedgers } from '../src/server/modules/ledgers/library/install-library.js';
import { loadDemoTownship } from './demo-township.js';
import { checkDemoRecord, DEMO_LEDGER_SEED, generateDemoLedgers } from './demo-ledgers.js';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;

interface LedgerFingerprint {
  key: string;
  records: number;
  digest: string;
}

/** Per ledger: its record count and a digest of every stored value, state and period, in insertion order. */
// ID numbers and mobiles are stored encrypted with a fresh IV each time: compared by their keyed hashes instead.
const fingerprint = (database: TestDb) =>
  queryRows<LedgerFingerprint>(
    database.db,
    sql`
  SELECT l.key, count(r.id)::int AS records,
         md5(coalesce(string_agg((r.values - ARRAY(SELECT jsonb_object_keys(r.personal_hashes)))::text || r.personal_hashes::text || '|' || coalesce(r.period, '') || '|' || coalesce(r.status, '') || '|' || r.search_text, E'\n' ORDER BY r.id), '')) AS digest
  FROM ledgers l LEFT JOIN ledger_records r ON r.ledger_id = l.id
  GROUP BY l.key ORDER BY l.key`,
  );

const total = (database: TestDb, query: ReturnType<typeof sql>) => queryRows<{ n: number }>(database.db, query).then((rows) => Number(rows[0].n));

describe('demo ledgers', () => {
  let first: TestDb;
  let second: TestDb;
  let seconds = 0;

  beforeAll(async () => {
    first = await openTestDatabase();
    second = await openTestDatabase();
    const started = Date.now();
    await loadDemoTownship(first.db, { adminPassword: 'Demo-pass-2022', demoPassword: 'Demo-pass-2022' });
    seconds = (Date.now() - started) / 1000;
    await loadDemoTownship(second.db, { adminPassword: 'Demo-pass-2022', demoPassword: 'Demo-pass-2022' });
  }, 300_000);

  afterAll(async () => {
    await first?.dispose();
    await second?.dispose();
  });

  it('loads the same records twice from the same seed', async () => {
    const a = await fingerprint(first);
    expect(a.map((l) => l.key).sort()).toEqual(BUILTIN_LEDGERS.map((l) => l.key).sort());
    expect(await fingerprint(second)).toEqual(a);
    console.log(`demo township loaded in ${seconds.toFixed(1)} s; records per ledger: ${a.map((l) => `${l.key} ${l.records}`).join(', ')}`);
  });

  it('fills every ledger, at the promised size', async () => {
    const counts = Object.fromEntries((await fingerprint(first)).map((l) => [l.key, l.records]));
    for (const ledger of BUILTIN_LEDGERS) expect(counts[ledger.key], ledger.key).toBeGreaterThan(0);
    expect(counts.self_built_houses).toBeGreaterThan(5000);
    expect(counts.monitored_households).toBeGreaterThanOrEqual(200);
    expect(counts.monitored_households).toBeLessThan(1000);
    // Daily vaccination figures: every village, every day since the township's first doses.
    const villages = await total(first, sql`SELECT count(*) AS n FROM org_units WHERE level = 'village'`);
    expect(villages).toBe(17);
    expect(counts.vaccination_daily % villages).toBe(0);
    expect(counts.vaccination_daily / villages).toBeGreaterThan(400);
  });

  it('adds up to figures of the size the 2022 half-year report gives', async () => {
    const landIn2022S1 = await total(
      first,
      sql`
      SELECT sum((r.values->>'area')::numeric) AS n FROM ledger_records r JOIN ledgers l ON l.id = r.ledger_id
      WHERE l.key = 'land_transfer' AND r.values->>'signed_on' BETWEEN '2022-01-01' AND '2022-06-30'`,
    );
    expect(landIn2022S1).toBeGreaterThan(6000);
    expect(landIn2022S1).toBeLessThan(9000);
    const rice = (period: string) =>
      total(
        first,
        sql`
      SELECT sum((r.values->>'sown_area')::numeric) AS n FROM ledger_records r JOIN ledgers l ON l.id = r.ledger_id
      WHERE l.key = 'early_rice' AND r.period = ${period}`,
      );
    const [rice2022, rice2021] = [await rice('2022S1'), await rice('2021S1')];
    expect(rice2022).toBeGreaterThan(10000); // "早稻生产总面积历史上首次突破万亩大关"
    expect(rice2022 / rice2021).toBeGreaterThan(1.9); // "在去年*亩的基础上实现翻番"
    const hazardStates = await queryRows<{ status: string }>(
      first.db,
      sql`
      SELECT DISTINCT r.status FROM ledger_records r JOIN ledgers l ON l.id = r.ledger_id WHERE l.key = 'safety_hazards' ORDER BY 1`,
    );
    expect(hazardStates.map((s) => s.status)).toEqual(['closed', 'pending', 'rectified', 'rectifying']);
  });

  it("generates only records that pass the ledgers' validation, with distinct monitored ID numbers", async () => {
    const units = await queryRows<{ id: number; code: string; name: string; level: string; parentId: number | null }>(
      first.db,
      sql`
      SELECT id, code, name, level, parent_id AS "parentId" FROM org_units WHERE valid_to IS NULL ORDER BY code`,
    );
    const township = units.find((u) => u.level === 'town')!;
    const villages = units
      .filter((u) => u.level === 'village')
      .map((v) => ({
        id: v.id,
        code: v.code,
        name: v.name,
        groups: units.filter((g) => g.level === 'group' && g.parentId === v.id).map((g) => ({ id: g.id, name: g.name })),
      }));
    const generated = generateDemoLedgers(DEMO_LEDGER_SEED, township.id, villages);
    for (const ledger of BUILTIN_LEDGERS) {
      const problems = generated
        .get(ledger.key)!
        .map((r) => checkDemoRecord(ledger, r).problem)
        .filter(Boolean);
      expect(problems.slice(0, 3), ledger.key).toEqual([]);
    }
    const ids = generated.get('monitored_households')!.map((r) => r.values.head_id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has the village cadres enter their villages' records", async () => {
    const unattributed = await total(
      first,
      sql`
      SELECT count(*) AS n FROM ledger_records r JOIN org_units u ON u.id = r.org_unit_id WHERE u.level <> 'town' AND r.created_by IS NULL`,
    );
    expect(unattributed).toBe(0);
    const byOthers = await total(
      first,
      sql`
      SELECT count(*) AS n FROM ledger_records r JOIN org_units u ON u.id = r.org_unit_id
      JOIN users c ON c.id = r.created_by
      WHERE u.level = 'village' AND c.username <> 'cun' || right(u.code, 3)`,
    );
    expect(byOthers).toBe(0);
  });

  it('serves the demo through the ledger API', async () => {
    const app = await buildApp({ database: first, config: { ...loadConfig({}), dataDir: '/nonexistent' } });
    await app.ready();
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'shuji', password: 'Demo-pass-2022' } });
      const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
      const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
      const list = (await get('/api/ledgers')).json() as {
        items: { key: string; builtin: boolean; records: number; workLine: { name: string } | null }[];
      };
      expect(list.items).toHaveLength(BUILTIN_LEDGERS.length);
      expect(list.items.every((l) => l.builtin && l.records > 0 && l.workLine)).toBe(true);
      const houses = await get('/api/ledgers/self_built_houses/records?orgUnit=430681105229&pageSize=5');
      expect(houses.statusCode).toBe(200);
      expect(houses.json().total).toBeGreaterThan(200);
      const grid = await get('/api/ledgers/vaccination_daily/periods/20220629');
      expect(grid.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('installs the library once: a second install keeps the ledgers it finds', async () => {
    const township = await total(first, sql`SELECT id AS n FROM org_units WHERE code = '430681105000'`);
    const before = await total(first, sql`SELECT count(*) AS n FROM ledgers`);
    const ids = await installBuiltinLedgers(first.db, township, null);
    expect(ids.size).toBe(BUILTIN_LEDGERS.length);
    expect(await total(first, sql`SELECT count(*) AS n FROM ledgers`)).toBe(before);
    expect(await total(first, sql`SELECT count(*) AS n FROM ledger_versions`)).toBe(before);
  });

  it('marks the township as demo data', async () => {
    const [entry] = await queryRows<{ after: { counts: Record<string, number> } }>(
      first.db,
      sql`SELECT after FROM audit_log WHERE action = 'ledger.demo'`,
    );
    expect(entry.after.counts.self_built_houses).toBeGreaterThan(5000);
    const [mark] = await queryRows<{ value: { township: string; seed: number } }>(first.db, sql`SELECT value FROM settings WHERE key = 'demo'`);
    expect(mark.value).toMatchObject({ township: '430681105000', seed: DEMO_LEDGER_SEED });
  });
});
