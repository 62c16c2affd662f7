// The Zhenwu server as a user meets it, for the benchmarks measured from outside (API load, web, memory): a
// database holding the demo township plus the benchmark's accounts, and `bin/zhenwu.mjs start` in its own process,
// whose peak resident set (VmHWM) is read before it stops.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openDatabase, runMigrations } from '../src/server/db/connection.js';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/index.js';
import { listUnits } from '../src/server/modules/org/index.js';
import { keyRingOf, TEST_DATA_KEY, useDataKeys } from '../src/server/modules/personal-data/index.js';
import { createUser } from '../src/server/modules/users/index.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { DEMO_TOWNSHIP_CODE, loadDemoTownship } from '../demo/demo-township.js';

export const BENCH_PASSWORD = 'Bench-pass-2022';
/** The data key (personal data at rest) of the benchmarks' databases: a fixed one, as in the tests. */
const BENCH_DATA_KEY = TEST_DATA_KEY;

export interface BenchAccount {
  username: string;
  role: 'leader' | 'viewer' | 'village_cadre';
  /** the org unit of the grant: the township, or the cadre's own village */
  orgUnitCode: string;
}

export interface DatabaseTarget {
  backend: 'postgresql' | 'pglite';
  /** PostgreSQL URL, or for PGlite the data directory */
  url?: string;
  dataDir?: string;
}

/**
 * Loads the demo township (川山坪镇) and adds `count` accounts: a fifth leaders and a fifth viewers of the
 * township, the rest village cadres spread over its villages, each on their own village.
 */
export async function prepareDemoDatabase(target: DatabaseTarget, count: number): Promise<{ accounts: BenchAccount[]; villages: string[] }> {
  useDataKeys(keyRingOf([Buffer.from(BENCH_DATA_KEY, 'base64')], 'ZHENWU_DATA_KEY'));
  const database = await openDatabase(target.backend === 'postgresql' ? { url: target.url } : { dataDir: target.dataDir });
  try {
    await runMigrations(database);
    await loadDemoTownship(database.db, { adminPassword: BENCH_PASSWORD, demoPassword: BENCH_PASSWORD });
    const system: ServiceContext = {
      db: database.db,
      principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
      actor: SYSTEM_ACTOR,
      townshipId: null,
    };
    const villages = (await listUnits(system, { parent: DEMO_TOWNSHIP_CODE })).items.map((v) => v.code);
    const accounts: BenchAccount[] = [];
    const fifth = Math.max(1, Math.round(count / 5));
    for (let i = 0; i < count; i++) {
      const n = String(i + 1).padStart(2, '0');
      const account: BenchAccount =
        i < fifth
          ? { username: `bench-leader-${n}`, role: 'leader', orgUnitCode: DEMO_TOWNSHIP_CODE }
          : i < 2 * fifth
            ? { username: `bench-viewer-${n}`, role: 'viewer', orgUnitCode: DEMO_TOWNSHIP_CODE }
            : { username: `bench-cadre-${n}`, role: 'village_cadre', orgUnitCode: villages[i % villages.length] };
      await createUser(system, {
        username: account.username,
        displayName: `压测${n}`,
        password: BENCH_PASSWORD,
        roles: [{ role: account.role, orgUnitCode: account.orgUnitCode }],
      });
      accounts.push(account);
    }
    return { accounts, villages };
  } finally {
    await database.close();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Peak resident set of a process so far (Linux VmHWM), in bytes; 0 when it cannot be read. */
export function peakRss(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Current resident set of a process (Linux VmRSS), in bytes. */
export function currentRss(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  /** stops the process; resolves with its peak RSS in bytes */
  stop(): Promise<number>;
  log(): string;
}

/** Starts a Node process (the Zhenwu CLI, or a bare server) on a free port and waits for `healthPath`. */
export async function startProcess(args: string[], env: Record<string, string>, healthPath = '/api/health'): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early (${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      if ((await fetch(`${url}${healthPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer on ${url}${healthPath}:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: child,
    log: () => output,
    async stop() {
      const peak = peakRss(child.pid!);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      return peak;
    },
  };
}

/** The Zhenwu server on a prepared database (demo loading is off: the database already holds it). */
export function startZhenwu(target: DatabaseTarget, nodeFlags: string[] = []): Promise<RunningServer> {
  const env: Record<string, string> = {
    ZHENWU_NO_DEMO: 'true',
    ZHENWU_LOGIN_RATE_LIMIT: '100000',
    ZHENWU_REQUEST_RATE_LIMIT: '10000000',
    NODE_ENV: 'production',
    ZHENWU_DATA_KEY: BENCH_DATA_KEY,
  };
  if (target.backend === 'postgresql') env.DATABASE_URL = target.url!;
  else {
    env.DATABASE_URL = '';
    env.DATA_DIR = target.dataDir!;
  }
  return startProcess([...nodeFlags, fileURLToPath(new URL('../bin/zhenwu.mjs', import.meta.url)), 'start'], env);
}

/** Signs in and returns the session cookie (`zw_session=…`). */
export async function signIn(url: string, username: string, password = BENCH_PASSWORD): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login of ${username} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('zw_session='));
  if (!cookie) throw new Error(`login of ${username} set no session cookie`);
  return cookie.split(';')[0];
}
