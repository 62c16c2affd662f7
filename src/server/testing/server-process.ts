// Real server processes for the resilience suite: `node bin/zhenwu.mjs start` on a PGlite data directory or a
// PostgreSQL database of its own, spoken to over HTTP, killed (SIGKILL) and started again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SESSION_COOKIE } from '../app.js';
import { openDatabase, runMigrations, type Database } from '../db/connection.js';
import { testBackend } from './test-app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where a server process keeps its data: a data directory, or a database created for the test and dropped after. */
export interface Backend {
  kind: 'pglite' | 'postgresql';
  /** PGlite: the data directory. */
  dataDir?: string;
  /** PostgreSQL: the database's URL. */
  url?: string;
  /** DATA_DIR or DATABASE_URL for the server process. */
  env: Record<string, string>;
  /** Opens the database in this process, migrated (PGlite: only while no server process has it open). */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

export async function createBackend(kind = testBackend()): Promise<Backend> {
  // The data directory one level down: files the server keeps beside it (key files) stay in the test's folder too.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-resilience-'));
  const dataDir = path.join(folder, 'data');
  const removeFolder = () => fs.rmSync(folder, { recursive: true, force: true });
  if (kind === 'pglite') {
    return {
      kind,
      dataDir,
      env: { DATA_DIR: dataDir },
      open: async () => migrated(await openDatabase({ dataDir })),
      dispose: async () => removeFolder(),
    };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('ZW_TEST_DB=postgresql needs TEST_DATABASE_URL');
  const name = `zw_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    kind,
    url: url.toString(),
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    open: async () => migrated(await openDatabase({ url: url.toString() })),
    dispose: async () => {
      removeFolder();
      await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function migrated(database: Database) {
  await runMigrations(database);
  return database;
}

async function adminQuery(url: string, query: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGKILL, and waits until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (the graceful stop), and waits. */
  stop(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `zhenwu start` with the backend's environment (no demo, no web build, logs at warn) and resolves once
 * `/api/health/ready` answers 200.
 */
export async function startServer(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/zhenwu.mjs', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      VITEST: '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      ZHENWU_NO_DEMO: 'true',
      ZHENWU_SKIP_WEB_BUILD: 'true',
      ZHENWU_REQUEST_RATE_LIMIT: '1000000',
      ZHENWU_LOGIN_RATE_LIMIT: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  void exited.then(() => (gone = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    child,
    baseUrl,
    output: () => output,
    kill: async () => {
      if (!gone) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (!gone) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the server exited while starting (${child.exitCode}):\n${output}`);
    const ready = await fetch(`${baseUrl}/api/health/ready`, { signal: AbortSignal.timeout(2000) }).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) return server;
    await pause(100);
  }
  await server.kill();
  throw new Error(`the server did not become ready within ${timeoutMs} ms:\n${output}`);
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  contentType: string;
  ms: number;
}

/** A signed-in user speaking to a server process over HTTP. A request that gets no answer rejects. */
export class HttpSession {
  constructor(
    private readonly baseUrl: string,
    private cookie = '',
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<HttpSession> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const token = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    return new HttpSession(baseUrl, token);
  }

  /** The same user on another server process (the session is stored in the database). */
  on(baseUrl: string) {
    return new HttpSession(baseUrl, this.cookie);
  }

  async call(method: string, url: string, payload?: object | FormData, timeoutMs = 120_000): Promise<HttpAnswer> {
    const started = Date.now();
    const json = payload !== undefined && !(payload instanceof FormData);
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { cookie: this.cookie, ...(json ? { 'content-type': 'application/json' } : {}) },
      body: json ? JSON.stringify(payload) : (payload as FormData | undefined),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const contentType = res.headers.get('content-type') ?? '';
    const text = await res.text();
    const body = contentType.includes('json') && text ? (JSON.parse(text) as unknown) : text;
    return { status: res.status, body, contentType, ms: Date.now() - started };
  }

  /** The call, which must answer `status`; its body. */
  async ok<T = Record<string, unknown>>(method: string, url: string, payload?: object | FormData, status = 200): Promise<T> {
    const res = await this.call(method, url, payload);
    if (res.status !== status) throw new Error(`${method} ${url}: ${res.status}, expected ${status}: ${JSON.stringify(res.body)}`);
    return res.body as T;
  }
}
