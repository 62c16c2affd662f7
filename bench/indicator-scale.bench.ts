// Benchmark: how the indicator read grows with the data. The indicator-values benchmark's data set (county-data.ts,
// county-records.ts) and request (county-indicators.ts) at several sizes on PostgreSQL — by default 1 M, 3 M and
// 10 M records, the townships growing with the records (15 per million: a county, a city's worth, a small
// province's share) so that a village holds as many records at every size — each size in its own database
// (`zhenwu_scale`, created before and dropped after, whatever happens).
// Two reads per size, each against the hand-written SQL (one GROUP BY) giving the same figures, checked value by
// value first:
//  - roll-up: the 20 indicators × every village under the top unit × 12 months (the scope grows with the data);
//  - one township: the same for 川山坪镇 alone (the scope stays, the database around it grows).
// cold = a fresh connection pool (new server backends: no plan or catalogue cache) and a fresh app (empty result
// cache), the first request after login; warm = the next requests on that app. PostgreSQL's shared buffers and the
// OS page cache are not emptied (see docs/benchmarks.md); the baseline's EXPLAIN (BUFFERS) line says where its
// pages came from.
// Run: nice -n 19 npx tsx bench/indicator-scale.bench.ts [records[:townships] …]   e.g. 1000000 3000000 10000000
//   env: TEST_DATABASE_URL / DATABASE_URL (the server; its database is not touched), BENCH_REPS (default 3),
//        SCALE_OUT (default /tmp/indicator-scale.json: the figures, for bench/indicator-scale-plot.ts),
//        SCALE_DB (default zhenwu_scale: the database made and dropped for each size)
// It is a measurement, not a test: it exits 0 whatever the figures, and 1 when the product and the SQL differ.
process.env.LOG_LEVEL ??= 'warn';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import { buildApp, SESSION_COOKIE } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase, runMigrations, type Database } from '../src/server/db/connection.js';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/audit.service.js';
import { buildUser, TEST_PASSWORD } from '../src/server/testing/builders.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { buildCounty, copyRecords, countyRecords, type County } from './county-data.js';
import { BENCH_INDICATORS, BENCH_KEYS, baselineQuery, installBenchIndicators, runBaseline, type BaselineRow } from './county-indicators.js';
import { median, timed } from './bench-kit.js';
import { printMarkdownTable } from './markdown-table.js';

const DB_NAME = process.env.SCALE_DB ?? 'zhenwu_scale';
const TOWNSHIPS_PER_MILLION = 15;
const TOWNSHIP_CODE = '430681105000'; // 川山坪镇, the demo's township with its real villages
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3));
const OUT = process.env.SCALE_OUT ?? '/tmp/indicator-scale.json';
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PERIODS = Array.from({ length: 12 }, (_, m) => `2022${String(m + 1).padStart(2, '0')}`);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const SIZES = (process.argv.slice(2).length ? process.argv.slice(2) : ['1000000', '3000000', '10000000']).map((arg) => {
  const [records, townships] = arg.split(':').map(Number);
  return { records, townships: townships || Math.max(1, Math.round((records / 1_000_000) * TOWNSHIPS_PER_MILLION)) };
});

interface Item {
  indicator: string;
  orgUnit: string;
  period: string;
  value: number | null;
}

const ZERO_WHEN_EMPTY = new Set(BENCH_INDICATORS.filter((i) => i.source.type === 'records').map((i) => i.key));

/** Every item of the route against the baseline's rows (as in indicator-values.bench.ts); throws on a difference. */
function compare(county: County, items: Item[], rows: BaselineRow[]): number {
  const villageId = new Map(county.townships.flatMap((t) => t.villages.map((v) => [v.code, v.id] as const)));
  const byCell = new Map(rows.map((r) => [`${r.village}:${r.month}`, r]));
  const expectedCount = BENCH_KEYS.length * county.villages * PERIODS.length;
  if (items.length !== expectedCount) throw new Error(`the product answered ${items.length} values, expected ${expectedCount}`);
  const wrong: string[] = [];
  let differing = 0;
  for (const item of items) {
    const row = byCell.get(`${villageId.get(item.orgUnit)}:${item.period}`);
    const raw = row?.[item.indicator];
    const expected = raw === undefined || raw === null ? (ZERO_WHEN_EMPTY.has(item.indicator) ? 0 : null) : Number(raw);
    const ok =
      expected === null || item.value === null ? expected === item.value : Math.abs(item.value - expected) <= 1e-6 + 1e-9 * Math.abs(expected);
    if (!ok && differing++ < 10) wrong.push(`${item.indicator} ${item.orgUnit} ${item.period}: product ${item.value}, baseline ${expected}`);
  }
  if (differing) throw new Error(`the product and the baseline differ in ${differing} values:\n  ${wrong.join('\n  ')}`);
  return items.length;
}

/** Creates `zhenwu_scale` (dropping a leftover of an interrupted run first), hands its URL over, drops it after. */
async function withScaleDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
    const url = new URL(baseUrl);
    url.pathname = `/${DB_NAME}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.end();
  }
}

interface Read {
  scope: string;
  values: number;
  coldMs: number[];
  warmMs: number[];
  baselineMs: number[];
  /** EXPLAIN (ANALYZE, BUFFERS) of the baseline, its top Buffers line and execution time. */
  baselineBuffers: string;
}

interface SizeResult {
  records: number;
  townships: number;
  villages: number;
  units: number;
  loadMs: number;
  setupMs: number;
  tableBytes: number;
  reads: Read[];
  load: string;
}

/** A fresh pool and app, logged in as the county leader: what a restarted server holds before its first request. */
async function freshApp(url: string) {
  const database = await openDatabase({ url });
  const app = await buildApp({ database, config: { ...loadConfig({}), dataDir: '/nonexistent' } });
  await app.ready();
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'xianzhang', password: TEST_PASSWORD } });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  const get = async (orgUnit: string) => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/indicators/values?keys=${BENCH_KEYS.join(',')}&period=${PERIODS.join(',')}&asOf=2022-12-31&orgUnit=${orgUnit}&by=village`,
      headers: { cookie },
    });
    if (res.statusCode !== 200) throw new Error(`values route: ${res.statusCode} ${res.body.slice(0, 500)}`);
    return (res.json() as { items: Item[] }).items;
  };
  return {
    get,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

async function explainBuffers(database: Database, county: County): Promise<string> {
  const query = new PgDialect().sqlToQuery(baselineQuery(county));
  const { rows } = await database.pool!.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, values: query.params });
  const lines = rows.map((r) => r['QUERY PLAN']);
  return [lines.find((l) => /Buffers:/.test(l))?.trim(), lines.find((l) => /Execution Time/.test(l))?.trim()].filter(Boolean).join('; ');
}

async function measureSize(records: number, townships: number): Promise<SizeResult> {
  return withScaleDatabase(async (url) => {
    const database = await openDatabase({ url });
    try {
      const setup = await timed(async () => {
        await runMigrations(database);
        const county = await buildCounty(database, townships);
        await installBenchIndicators(database, county);
        const system: ServiceContext = {
          db: database.db,
          principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
          actor: SYSTEM_ACTOR,
          townshipId: null,
        };
        await buildUser(system, 'xianzhang', [{ role: 'leader', orgUnitCode: county.code }], '县领导');
        return county;
      });
      const county = setup.value;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const loaded = await timed(async () => {
        try {
          const n = await copyRecords(client, countyRecords(county, records));
          await client.query('VACUUM ANALYZE');
          return n;
        } finally {
          await client.end();
        }
      });
      const tableBytes = Number(((await database.pool!.query(`SELECT pg_total_relation_size('ledger_records') AS b`)).rows[0] as { b: string }).b);
      console.log(
        `${records.toLocaleString('en-US')}: ${county.townships.length} townships, ${county.villages.toLocaleString('en-US')} villages, ` +
          `${county.units.toLocaleString('en-US')} units; ${loaded.value.toLocaleString('en-US')} records by COPY + VACUUM ANALYZE in ` +
          `${(loaded.ms / 1000).toFixed(1)} s (org, ledgers, indicators ${(setup.ms / 1000).toFixed(1)} s); ledger_records ` +
          `${(tableBytes / 2 ** 20).toFixed(0)} MB with indexes; load average ${load()}`,
      );

      const township = county.townships.find((t) => t.code === TOWNSHIP_CODE) ?? county.townships[0];
      const scopes: { scope: string; code: string; part: County }[] = [
        { scope: `roll-up (${county.townships.length} townships)`, code: county.code, part: county },
        {
          scope: `one township (${township.name})`,
          code: township.code,
          part: { ...county, townships: [township], villages: township.villages.length },
        },
      ];
      const reads: Read[] = [];
      for (const { scope, code, part } of scopes) {
        // the check, once, on a fresh app
        const check = await freshApp(url);
        let values: number;
        try {
          values = compare(part, await check.get(code), await runBaseline(database, part));
        } finally {
          await check.close();
        }
        const read: Read = { scope, values, coldMs: [], warmMs: [], baselineMs: [], baselineBuffers: '' };
        process.stdout.write(`  ${scope}: ${values.toLocaleString('en-US')} values identical to the SQL; runs`);
        for (let i = 0; i < REPS; i++) {
          const app = await freshApp(url);
          try {
            read.coldMs.push((await timed(() => app.get(code))).ms);
            read.warmMs.push((await timed(() => app.get(code))).ms);
            read.warmMs.push((await timed(() => app.get(code))).ms);
          } finally {
            await app.close();
          }
          read.baselineMs.push((await timed(() => runBaseline(database, part))).ms);
          process.stdout.write(` ${i + 1}`);
        }
        read.baselineBuffers = await explainBuffers(database, part);
        process.stdout.write(`; load average ${load()}\n`);
        console.log(
          `    cold ${read.coldMs.map((m) => m.toFixed(0)).join('/')} ms, warm ${read.warmMs.map((m) => m.toFixed(0)).join('/')} ms, ` +
            `SQL ${read.baselineMs.map((m) => m.toFixed(0)).join('/')} ms; SQL EXPLAIN: ${read.baselineBuffers}`,
        );
        reads.push(read);
      }
      return {
        records: loaded.value,
        townships: county.townships.length,
        villages: county.villages,
        units: county.units,
        loadMs: loaded.ms,
        setupMs: setup.ms,
        tableBytes,
        reads,
        load: load(),
      };
    } finally {
      await database.close();
    }
  });
}

async function main(): Promise<void> {
  console.log(
    `Indicator values at scale: ${BENCH_KEYS.length} indicators × villages × ${PERIODS.length} months (by=village), ` +
      `${REPS} cold reads (fresh pool and app) each followed by 2 warm ones; ${os.cpus().length} cores, load average ${load()}`,
  );
  const results: SizeResult[] = [];
  for (const { records, townships } of SIZES) {
    results.push(await measureSize(records, townships));
    fs.writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, reps: REPS, results }, null, 2));
  }
  printMarkdownTable(
    ['records', 'townships', 'villages', 'read', 'values', 'cold ms', 'warm ms', 'SQL baseline ms', 'cold / SQL', 'warm / SQL'],
    results.flatMap((r) =>
      r.reads.map((read) => {
        const [c, w, b] = [median(read.coldMs), median(read.warmMs), median(read.baselineMs)];
        return [
          r.records.toLocaleString('en-US'),
          String(r.townships),
          r.villages.toLocaleString('en-US'),
          read.scope,
          read.values.toLocaleString('en-US'),
          c.toFixed(0),
          w.toFixed(0),
          b.toFixed(0),
          `${(c / b).toFixed(2)}x`,
          `${(w / b).toFixed(2)}x`,
        ];
      }),
    ),
  );
  console.log(`figures written to ${OUT}; load average at the end ${load()}`);
}

await main();
