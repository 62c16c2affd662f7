// Benchmark: the values of 20 indicators × every village of a county × 12 months, computed by the product through
// GET /api/indicators/values (app.inject, a leader scoped at the county), against ONE hand-written SQL GROUP BY
// giving the same figures (county-indicators.ts), in the same run on the same data: a county of 15 townships
// (~255 villages, ~3,000 villager groups) with ~1,000,000 ledger records over 2022 (county-data.ts).
// Both answers are compared value by value first, and again after a record changed; a difference stops the benchmark.
// The product keeps statement results per village while the records under it are unchanged (indicator-cache.ts), so
// three reads are timed: cold (cache emptied first), warm (nothing changed since the last read) and after one
// record of the largest ledger changed (its village recomputed, the rest reused).
// Targets (issue 4): on PostgreSQL the product takes no more than 2x the baseline, and under 300 ms.
// Run: npx tsx bench/indicator-values.bench.ts
//   env: TEST_DATABASE_URL / DATABASE_URL, BENCH_RECORDS (default 1,000,000), BENCH_REPS (default 5),
//        BENCH_BACKENDS (default "postgresql,pglite"), BENCH_PGLITE_RECORDS (default 200,000),
//        BENCH_EXPLAIN=1 (PostgreSQL: EXPLAIN ANALYZE of every statement the product runs, printed after the table)
// It is a measurement, not a test: it exits 0 whatever the figures, and 1 when the two answers differ.
process.env.LOG_LEVEL ??= 'warn';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp, SESSION_COOKIE } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase, runMigrations, type Database } from '../src/server/db/connection.js';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/audit.service.js';
import { indicatorValues } from '../src/server/modules/indicators/indicator-values.service.js';
import { clearIndicatorCache, indicatorCacheStats } from '../src/server/modules/indicators/indicator-cache.js';
import { buildUser, TEST_PASSWORD } from '../src/server/testing/builders.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { buildCounty, copyRecords, countyRecords, insertRecords, type County } from './county-data.js';
import { BENCH_INDICATORS, BENCH_KEYS, installBenchIndicators, runBaseline, type BaselineRow } from './county-indicators.js';
import { captureStatements, emitResult, median, timed, withScratchDatabase } from './bench-kit.js';
import { printMarkdownTable } from './markdown-table.js';

const TARGET_RATIO = 2;
const TARGET_MS = 300;
const RECORDS = Math.max(0, Number(process.env.BENCH_RECORDS ?? 1_000_000));
const PGLITE_RECORDS = Math.max(0, Number(process.env.BENCH_PGLITE_RECORDS ?? 200_000));
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 5));
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'postgresql,pglite').split(',').map((b) => b.trim());
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PERIODS = Array.from({ length: 12 }, (_, m) => `2022${String(m + 1).padStart(2, '0')}`);
const URL_PATH = `/api/indicators/values?keys=${BENCH_KEYS.join(',')}&period=${PERIODS.join(',')}&asOf=2022-12-31&orgUnit=430681000000&by=village`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

interface Item {
  indicator: string;
  orgUnit: string;
  period: string;
  value: number | null;
}

// ---- the check: the product's items against the baseline's rows ------------------------------------------------

const ZERO_WHEN_EMPTY = new Set(BENCH_INDICATORS.filter((i) => i.source.type === 'records').map((i) => i.key));

/** Every item against the baseline; throws with the first differences. Returns the number of values compared. */
function compare(county: County, items: Item[], rows: BaselineRow[]): number {
  const villageId = new Map(county.townships.flatMap((t) => t.villages.map((v) => [v.code, v.id] as const)));
  const byCell = new Map(rows.map((r) => [`${r.village}:${r.month}`, r]));
  const expectedCount = BENCH_KEYS.length * county.villages * PERIODS.length;
  if (items.length !== expectedCount) throw new Error(`the product answered ${items.length} values, expected ${expectedCount}`);
  const wrong: string[] = [];
  let differing = 0;
  let nonZero = 0;
  for (const item of items) {
    const row = byCell.get(`${villageId.get(item.orgUnit)}:${item.period}`);
    const raw = row?.[item.indicator];
    const expected = raw === undefined || raw === null ? (ZERO_WHEN_EMPTY.has(item.indicator) ? 0 : null) : Number(raw);
    const ok =
      expected === null || item.value === null ? expected === item.value : Math.abs(item.value - expected) <= 1e-6 + 1e-9 * Math.abs(expected);
    if (!ok && differing++ < 10) wrong.push(`${item.indicator} ${item.orgUnit} ${item.period}: product ${item.value}, baseline ${expected}`);
    if (item.value) nonZero++;
  }
  if (differing) throw new Error(`the product and the baseline differ in ${differing} values:\n  ${wrong.join('\n  ')}`);
  if (nonZero < items.length / 10)
    throw new Error(`only ${nonZero} of ${items.length} values are non-zero: the data set is not what the benchmark expects`);
  return items.length;
}

// ---- one backend ------------------------------------------------------------------------------------------------

interface Result {
  backend: string;
  records: number;
  loadMs: number;
  setupMs: number;
  compared: number;
  /** The route with the cache emptied first, with nothing changed since the last read, after one record changed. */
  coldMs: number[];
  warmMs: number[];
  changedMs: number[];
  /** The same cold read through the service, without HTTP. */
  engineMs: number[];
  baselineMs: number[];
  /** Statements recomputed in full / for a few villages by the reads after a change. */
  changedStats: string;
  explain?: string[];
}

async function explainStatements(database: Database, run: () => Promise<unknown>): Promise<string[]> {
  const statements = (await captureStatements(database, run)).filter((s) => /ledger_records/.test(s.text));
  const out: string[] = [];
  for (const s of statements) {
    const { rows } = await database.pool!.query<{ 'QUERY PLAN': string }>({
      text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`,
      values: s.values as unknown[],
    });
    out.push(`${s.text.replace(/\s+/g, ' ').slice(0, 400)}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
  return out;
}

async function measureBackend(backend: string, database: Database, loadRecords: (county: County) => Promise<number>): Promise<Result> {
  const setup = await timed(async () => {
    await runMigrations(database);
    const county = await buildCounty(database);
    await installBenchIndicators(database, county);
    const system: ServiceContext = {
      db: database.db,
      principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
      actor: SYSTEM_ACTOR,
      townshipId: null,
    };
    const leader = await buildUser(system, 'xianzhang', [{ role: 'leader', orgUnitCode: county.code }], '县领导');
    return { county, leader };
  });
  const { county } = setup.value;
  const loaded = await timed(() => loadRecords(county));
  await database.db.execute('ANALYZE');
  console.log(
    `${backend}: ${county.townships.length} townships, ${county.villages} villages, ${county.groups.toLocaleString('en-US')} groups ` +
      `(${county.units.toLocaleString('en-US')} units); ${loaded.value.toLocaleString('en-US')} records loaded in ${(loaded.ms / 1000).toFixed(1)} s ` +
      `(org, ledgers and indicators ${(setup.ms / 1000).toFixed(1)} s); load average ${load()}`,
  );

  const app = await buildApp({ database, config: { ...loadConfig({}), dataDir: '/nonexistent' } });
  await app.ready();
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xianzhang', password: TEST_PASSWORD } });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
    const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
    const countyPath = `/${county.id}/`;
    const ctx: ServiceContext = {
      db: database.db,
      principal: { userId: setup.value.leader.id, username: 'xianzhang', grants: [{ role: 'leader', scopePaths: [countyPath] }] },
      actor: { userId: setup.value.leader.id, username: 'xianzhang', ip: null },
      townshipId: null,
    };
    const product = async () => {
      const res = await app.inject({ method: 'GET', url: URL_PATH, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`values route: ${res.statusCode} ${res.body.slice(0, 500)}`);
      return (res.json() as { items: Item[] }).items;
    };
    const engine = () => indicatorValues(ctx, { keys: BENCH_KEYS, period: PERIODS, asOf: '2022-12-31', orgUnit: county.code, by: 'village' });
    const baseline = () => runBaseline(database, county);
    const cold = <T>(read: () => Promise<T>) => {
      clearIndicatorCache(database.db);
      return read();
    };
    // One record of social_assistance (the largest ledger: a sum and a distinct count read it) gets 1 yuan more,
    // in a different village each time.
    let changes = 0;
    const changeOneRecord = () =>
      database.db.execute(sql`
      UPDATE ledger_records SET values = jsonb_set(values, '{amount}', to_jsonb((values->>'amount')::numeric + 1))
      WHERE id = (SELECT r.id FROM ledger_records r JOIN ledgers l ON l.id = r.ledger_id
                  WHERE l.key = 'social_assistance' AND r.deleted_at IS NULL AND (r.values->>'amount') IS NOT NULL
                  ORDER BY r.id OFFSET ${(changes++ * 7919) % 200_000} LIMIT 1)`);

    // Warm-up, and the check that both give the same figures: cold, then after a change.
    const compared = compare(county, await cold(product), await baseline());
    await changeOneRecord();
    compare(county, await product(), await baseline());
    await cold(engine);
    const result: Result = {
      backend,
      records: loaded.value,
      loadMs: loaded.ms,
      setupMs: setup.ms,
      compared,
      coldMs: [],
      warmMs: [],
      changedMs: [],
      engineMs: [],
      baselineMs: [],
      changedStats: '',
    };
    process.stdout.write(`${backend}: ${compared.toLocaleString('en-US')} values identical, also after a change; runs`);
    let changedStats = { computed: 0, partly: 0 };
    for (let i = 0; i < REPS; i++) {
      result.coldMs.push((await timed(() => cold(product))).ms);
      result.warmMs.push((await timed(product)).ms);
      await changeOneRecord();
      const s0 = indicatorCacheStats(database.db);
      result.changedMs.push((await timed(product)).ms);
      const s1 = indicatorCacheStats(database.db);
      changedStats = { computed: changedStats.computed + s1.computed - s0.computed, partly: changedStats.partly + s1.partly - s0.partly };
      result.engineMs.push((await timed(() => cold(engine))).ms);
      result.baselineMs.push((await timed(baseline)).ms);
      process.stdout.write(` ${i + 1}`);
    }
    result.changedStats = `${changedStats.computed} in full, ${changedStats.partly} for the changed village, over ${REPS} reads after a change`;
    process.stdout.write(`; load average ${load()}\n`);
    if (EXPLAIN && database.pool) {
      result.explain = [...(await explainStatements(database, () => cold(engine))), ...(await explainStatements(database, baseline))];
    }
    return result;
  } finally {
    await app.close();
  }
}

// ---- backends -----------------------------------------------------------------------------------------------------

async function postgres(): Promise<Result> {
  return withScratchDatabase(baseUrl, 'zw_bench', async (url) => {
    const database = await openDatabase({ url });
    database.pool?.on('error', () => undefined);
    try {
      return await measureBackend('postgresql', database, async (county) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return await copyRecords(client, countyRecords(county, RECORDS));
        } finally {
          await client.end();
        }
      });
    } finally {
      await database.close();
    }
  });
}

async function pglite(): Promise<Result> {
  const database = await openDatabase({});
  try {
    return await measureBackend('pglite', database, (county) => insertRecords(database, countyRecords(county, PGLITE_RECORDS)));
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  console.log(
    `Indicator values: ${BENCH_KEYS.length} indicators × every village of the county × ${PERIODS.length} months (by=village), ` +
      `median of ${REPS} runs after a warm-up; ${os.cpus().length} cores, load average ${load()}`,
  );
  console.log(
    `Product: GET ${URL_PATH.replace(/keys=[^&]+/, 'keys=<20 keys>').replace(/period=[^&]+/, 'period=202201,…,202212')} (app.inject, leader at the county); ` +
      `engine = the same through indicatorValues() without HTTP; baseline = one SQL GROUP BY`,
  );
  const results: Result[] = [];
  if (BACKENDS.includes('postgresql')) {
    try {
      results.push(await postgres());
    } catch (e) {
      if (/differ|non-zero|answered/.test((e as Error).message)) throw e;
      console.error(`\nPostgreSQL skipped: ${(e as Error).message}`);
    }
  }
  if (BACKENDS.includes('pglite')) results.push(await pglite());

  const header = [
    'backend',
    'records',
    'values',
    'cold ms (HTTP)',
    'warm ms',
    'after a change ms',
    'cold engine ms (service)',
    'baseline ms (1 SQL)',
    'cold/baseline',
    `cold <= ${TARGET_RATIO}x`,
    `cold < ${TARGET_MS} ms`,
    `warm, changed < ${TARGET_MS} ms`,
  ];
  printMarkdownTable(
    header,
    results.map((r) => {
      const [c, w, ch, e, b] = [median(r.coldMs), median(r.warmMs), median(r.changedMs), median(r.engineMs), median(r.baselineMs)];
      const targeted = r.backend === 'postgresql';
      const verdict = (pass: boolean) => (targeted ? (pass ? 'PASS' : 'FAIL') : '(not targeted)');
      emitResult({
        bench: 'indicator-values',
        case: `${r.backend}, ${r.records.toLocaleString('en-US')} records, cold`,
        figure: c,
        unit: 'ms',
        baseline: b,
        ratio: c / b,
        target: targeted ? `<= ${TARGET_RATIO}x, < ${TARGET_MS} ms` : undefined,
        pass: targeted ? c / b <= TARGET_RATIO && c < TARGET_MS : undefined,
      });
      return [
        r.backend,
        r.records.toLocaleString('en-US'),
        r.compared.toLocaleString('en-US'),
        c.toFixed(0),
        w.toFixed(0),
        ch.toFixed(0),
        e.toFixed(0),
        b.toFixed(0),
        `${(c / b).toFixed(2)}x`,
        verdict(c / b <= TARGET_RATIO),
        verdict(c < TARGET_MS),
        verdict(w < TARGET_MS && ch < TARGET_MS),
      ];
    }),
  );
  for (const r of results) {
    const samples = r.coldMs.map(
      (c, i) => `${c.toFixed(0)}/${r.warmMs[i].toFixed(0)}/${r.changedMs[i].toFixed(0)}/${r.engineMs[i].toFixed(0)}/${r.baselineMs[i].toFixed(0)}`,
    );
    console.log(`${r.backend} samples (cold/warm/after a change/cold engine/baseline ms): ${samples.join(', ')}`);
    console.log(`${r.backend} statements recomputed after a change: ${r.changedStats}`);
  }
  console.log(`load average at the end ${load()}`);
  for (const r of results) for (const plan of r.explain ?? []) console.log(`\n---- ${r.backend} EXPLAIN ANALYZE\n${plan}`);
}

await main();
