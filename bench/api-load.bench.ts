// API under load (issue 12): 50 clients, each signed in with its own account (leaders and viewers of the demo
// township, village cadres on their own villages), replay for BENCH_DURATION seconds the calls the browser makes
// for the 工作台 (home) and a village page — recorded from the built web app in headless Chromium — against the
// Zhenwu server (`bin/zhenwu.mjs start`, its own process) on PostgreSQL and on PGlite.
// Baseline, same clients, same run: a bare Fastify route in this script (its own process, `--bare-server`) that
// answers every one of those requests with the indicator benchmark's hand-written SQL (county-indicators.ts, one
// GROUP BY over the township's records), as JSON, compressed like Zhenwu's answers. It checks no session.
// Target: throughput >= 1x the bare route, zero errors.
//
//   npx tsx bench/api-load.bench.ts                 # 60 s per server
//   BENCH_DURATION=10 npx tsx bench/api-load.bench.ts --backends=pglite
//   BENCH_CPU_PROF=/tmp/prof npx tsx bench/api-load.bench.ts   # the Zhenwu server writes a .cpuprofile there
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import compress from '@fastify/compress';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { queryRows, openDatabase } from '../src/server/db/connection.js';
import { DEMO_TOWNSHIP_CODE } from '../demo/demo-township.js';
import { emitResult, withScratchDatabase } from './bench-kit.js';
import {
  prepareDemoDatabase,
  signIn,
  startProcess,
  startZhenwu,
  type BenchAccount,
  type DatabaseTarget,
  type RunningServer,
} from './bench-server.js';
import { baselineQuery } from './county-indicators.js';
import type { County } from './county-data.js';
import { printMarkdownTable } from './markdown-table.js';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const DURATION = Math.max(1, Number(flag('duration') ?? process.env.BENCH_DURATION ?? 60));
const CLIENTS = Math.max(1, Number(flag('clients') ?? process.env.BENCH_CLIENTS ?? 50));
const BACKENDS = (flag('backends') ?? process.env.BENCH_BACKENDS ?? 'postgresql,pglite').split(',').map((b) => b.trim());
const CPU_PROF = process.env.BENCH_CPU_PROF;
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_RATIO = 1;

// ---- what the browser asks for (recorded 2026-12-03 from the built web app, demo date 2022-06-30) ---------------

const KEY_INDICATORS =
  'land_transferred,first_doses_60_done,toilets_renovated,houses_inspected,booster_doses,hazard_rectification_rate,monitored_households_at_risk,employment_rate';
const TREND_PERIODS =
  '202107,202108,202109,202110,202111,202112,202201,202202,202203,202204,202205,202206,202007,202008,202009,202010,202011,202012,202101,202102,202103,202104,202105,202106';
const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
const AS_OF = { asOf: '2022-06-30' };
const SHELL = ['/api/me', '/api/notifications?page=1&pageSize=20', '/api/township-clock'];
const BOARD = (key: string) => `/api/rankings/${key}/board?${q({ period: '2022', ...AS_OF })}`;

/** The 工作台 (TownshipDashboard): the shell's calls, then the dashboard's. */
const HOME = [
  ...SHELL,
  '/api/indicators',
  `/api/tasks?${q({ status: 'assigned,signed,in_progress,completion_requested', mine: 'handle', page: '1', pageSize: '5' })}`,
  `/api/tasks?${q({ light: 'red,blue', page: '1', pageSize: '6' })}`,
  `/api/indicators/values?${q({ keys: KEY_INDICATORS, period: '2022', ...AS_OF, targets: 'true' })}`,
  `/api/indicators/values?${q({ keys: 'land_transferred', period: TREND_PERIODS, ...AS_OF })}`,
  `/api/indicators/values?${q({ keys: 'land_transferred', period: '2022', ...AS_OF, by: 'village' })}`,
  '/api/rankings',
  `/api/submissions/overdue?${q(AS_OF)}`,
  BOARD('vaccination_60_board'),
];

/** The village page (/villages/:code). */
const VILLAGE = (code: string) => [
  ...SHELL,
  `/api/org-units/${code}`,
  '/api/indicators',
  '/api/rankings',
  `/api/indicators/values?${q({ keys: KEY_INDICATORS, period: '2022', ...AS_OF, orgUnit: code, targets: 'true' })}`,
  `/api/indicators/values?${q({ keys: 'land_transferred', period: TREND_PERIODS, ...AS_OF, orgUnit: code })}`,
  `/api/indicators/values?${q({ keys: 'land_transferred', period: '2022', ...AS_OF, by: 'village' })}`,
  `/api/indicators/values?${q({ keys: KEY_INDICATORS, period: '2022', ...AS_OF, by: 'village', targets: 'true' })}`,
  BOARD('vaccination_60_board'),
  BOARD('land_transfer_board'),
  BOARD('booster_daily_board'),
  `/api/tasks?${q({ unit: code, page: '1', pageSize: '10' })}`,
];

/** One client's loop: its 工作台, then a village page (a cadre's own village; the others a village each). */
function visitOf(account: BenchAccount, index: number, villages: string[]): string[] {
  const village = account.role === 'village_cadre' ? account.orgUnitCode : villages[index % villages.length];
  return [...HOME, ...VILLAGE(village)];
}

// ---- the bare route ----------------------------------------------------------------------------------------------

/** The demo township as the baseline query's County: its id and its ledgers' ids by key (0: no such ledger). */
async function demoCounty(database: Awaited<ReturnType<typeof openDatabase>>): Promise<County> {
  const [township] = await queryRows<{ id: number }>(database.db, sql`SELECT id FROM org_units WHERE code = ${DEMO_TOWNSHIP_CODE}`);
  const ledgers = await queryRows<{ key: string; id: number }>(database.db, sql`SELECT key, id FROM ledgers WHERE township_id = ${township.id}`);
  const byKey = new Map(ledgers.map((l) => [l.key, l.id]));
  const map = new Proxy(byKey, { get: (target, p) => (p === 'get' ? (k: string) => target.get(k) ?? 0 : Reflect.get(target, p)) });
  return { id: 0, code: '', townships: [{ id: township.id, ledgers: map }], units: 0, villages: 0, groups: 0 } as unknown as County;
}

async function bareServer(): Promise<void> {
  const database = await openDatabase(
    process.env.BARE_DATABASE_URL ? { url: process.env.BARE_DATABASE_URL } : { dataDir: process.env.BARE_DATA_DIR! },
  );
  const query = baselineQuery(await demoCounty(database));
  const app = Fastify({ logger: false });
  await app.register(compress, { encodings: ['br', 'gzip'], globalDecompression: false });
  app.get('/api/health', async () => ({ status: 'ok' }));
  app.get('/api/*', async () => ({ items: await queryRows(database.db, query) }));
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
}

// ---- the load ----------------------------------------------------------------------------------------------------

interface Load {
  server: string;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  peakRssMb: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;

async function load(
  server: RunningServer,
  name: string,
  clients: { cookie: string; visit: string[] }[],
  seconds: number,
): Promise<Omit<Load, 'peakRssMb'>> {
  const latencies: number[] = [];
  let next = 0;
  const instance = autocannon({
    url: server.url,
    connections: clients.length,
    duration: seconds,
    timeout: 30,
    // each connection is one client: its account's cookie and its own loop of requests
    setupClient: (client) => {
      const c = clients[next++ % clients.length];
      client.setHeaders({ cookie: c.cookie, accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' });
      client.setRequests(c.visit.map((p) => ({ method: 'GET', path: p })));
    },
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  // Requests still queued in the server when the clients stop would count in the next run: wait them out.
  await fetch(`${server.url}${clients[0].visit.find((p) => p.includes('by=village'))}`, { headers: { cookie: clients[0].cookie } });
  latencies.sort((a, b) => a - b);
  return {
    server: name,
    requests: result.requests.total,
    perSecond: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function measureBackend(target: DatabaseTarget): Promise<Load[]> {
  process.stdout.write(`${target.backend}: demo township and ${CLIENTS} accounts…`);
  const { accounts, villages } = await prepareDemoDatabase(target, CLIENTS);
  const results: Load[] = [];

  const flags = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`] : [];
  const zhenwu = await startZhenwu(target, flags);
  let clients: { cookie: string; visit: string[] }[];
  try {
    clients = [];
    for (const [i, a] of accounts.entries()) clients.push({ cookie: await signIn(zhenwu.url, a.username), visit: visitOf(a, i, villages) });
    process.stdout.write(' warm-up…');
    await load(zhenwu, 'warm-up', clients, Math.min(5, DURATION));
    process.stdout.write(` Zhenwu ${DURATION} s…`);
    const measured = await load(zhenwu, 'Zhenwu', clients, DURATION);
    results.push({ ...measured, peakRssMb: (await zhenwu.stop()) / 1024 / 1024 });
  } catch (e) {
    await zhenwu.stop();
    throw e;
  }

  const env: Record<string, string> = target.backend === 'postgresql' ? { BARE_DATABASE_URL: target.url! } : { BARE_DATA_DIR: target.dataDir! };
  const bare = await startProcess(['--import', 'tsx', fileURLToPath(import.meta.url), '--bare-server'], env);
  try {
    process.stdout.write(' bare warm-up…');
    await load(bare, 'warm-up', clients, Math.min(5, DURATION));
    process.stdout.write(` bare route ${DURATION} s…`);
    const measured = await load(bare, 'bare route', clients, DURATION);
    results.push({ ...measured, peakRssMb: (await bare.stop()) / 1024 / 1024 });
  } catch (e) {
    await bare.stop();
    throw e;
  }
  process.stdout.write(' done\n');
  return results;
}

async function main(): Promise<void> {
  console.log(
    `API under load: ${CLIENTS} clients × (工作台 ${HOME.length} + village page ${VILLAGE('x').length} requests), ${DURATION} s per server ` +
      `after a ${Math.min(5, DURATION)} s warm-up; ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  const rows: string[][] = [];
  for (const backend of BACKENDS) {
    let loads: Load[];
    if (backend === 'postgresql') {
      try {
        loads = await withScratchDatabase(baseUrl, 'zw_bench_load', (url) => measureBackend({ backend, url }));
      } catch (e) {
        console.error(`\nPostgreSQL skipped: ${(e as Error).message}`);
        continue;
      }
    } else {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-bench-load-'));
      try {
        loads = await measureBackend({ backend: 'pglite', dataDir });
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
    const [product, bare] = loads;
    const ratio = bare.perSecond > 0 ? product.perSecond / bare.perSecond : NaN;
    for (const l of loads) {
      rows.push([
        backend,
        l.server,
        l.requests.toLocaleString('en-US'),
        l.perSecond.toFixed(1),
        l.p50.toFixed(0),
        l.p95.toFixed(0),
        l.p99.toFixed(0),
        String(l.errors),
        l.peakRssMb.toFixed(0),
        l === product ? `${ratio.toFixed(2)}x` : '',
      ]);
    }
    emitResult({
      bench: 'api-load',
      case: `${backend}, ${CLIENTS} clients, ${DURATION} s, req/s (p95 ${product.p95.toFixed(0)} ms vs ${bare.p95.toFixed(0)} ms, ${product.errors} errors)`,
      figure: product.perSecond,
      unit: 'req/s',
      baseline: bare.perSecond,
      ratio,
      target: `>= ${TARGET_RATIO}x, 0 errors`,
      pass: bare.requests > 0 && ratio >= TARGET_RATIO && product.errors === 0,
    });
    emitResult({
      bench: 'api-load',
      case: `${backend}, server peak RSS under load`,
      figure: product.peakRssMb,
      unit: 'MB',
      baseline: bare.peakRssMb,
      ratio: product.peakRssMb / bare.peakRssMb,
    });
  }
  printMarkdownTable(['backend', 'server', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'peak RSS MB', 'throughput / bare'], rows);
  console.log(
    `load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

if (process.argv.includes('--bare-server')) await bareServer();
else await main();
