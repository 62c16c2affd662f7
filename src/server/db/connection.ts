// One database handle for the whole server: embedded PGlite by default, PostgreSQL when a URL is given.
// Both speak the same SQL and run the same migrations from ./drizzle.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema.js';
import { acquireDataDirLock } from './data-dir-lock.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgresql';
  /** Raw client for bulk paths (COPY on PostgreSQL); the ORM covers everything else. */
  pool?: pg.Pool;
  pglite?: PGlite;
  close(): Promise<void>;
}

/** How long a new PostgreSQL connection may take before the request that needs it fails (503). */
export const CONNECT_TIMEOUT_MS = 5000;

class ClientWithConnectTimeout extends pg.Client {
  constructor(config: pg.ClientConfig = {}) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Database> {
  if (opts.url) {
    await assertReachable(opts.url);
    // Named so that `zhenwu restore` can tell Zhenwu's connections to a database from others' (pg_stat_activity).
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: 10,
      application_name: 'zhenwu',
      // A new connection that does not complete (a dead line, a server stuck starting) fails its request within
      // seconds, as 503, instead of holding it. Only the connection attempt: a request waiting for a free client
      // under load keeps waiting (the pool's own connectionTimeoutMillis would time that out too).
      Client: ClientWithConnectTimeout,
      // keep-alive notices connections that died without a word
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    // DATE columns stay 'YYYY-MM-DD' strings: no timezone shifting of calendar dates
    pool.on('connect', () => undefined);
    // An idle client whose connection the server ends (restart, failover, DROP DATABASE … FORCE) must not crash
    // the process: the pool drops it and the next query opens a new one.
    pool.on('error', (error) => {
      if ((error as { code?: string }).code !== '57P01') console.error('PostgreSQL: idle connection lost:', error.message);
    });
    // A client handed out to a request (in a transaction, between two statements) has no listener of the pool's:
    // its connection breaking would be an uncaught 'error' that ends the process. Heard here, the request's next
    // statement fails instead (503) and the pool discards the client when it is released.
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { db, kind: 'postgresql', pool, close: () => pool.end() };
  }
  if (!opts.dataDir) return wrapPglite(await PGlite.create());
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const lock = acquireDataDirLock(opts.dataDir);
  try {
    return wrapPglite(await PGlite.create(opts.dataDir), lock.release);
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function wrapPglite(client: PGlite, releaseLock: () => void = () => undefined): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const close = async () => {
    try {
      if (!client.closed) await client.close();
    } finally {
      releaseLock();
    }
  };
  return { db, kind: 'pglite', pglite: client, close };
}

export class DatabaseUnreachableError extends Error {
  readonly code = 'DATABASE_UNREACHABLE';
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

/** Why a connection failed, in Chinese and English, from node-postgres's error. */
function connectFailureReason(error: { code?: string; message?: string }): string {
  const message = error.message ?? String(error);
  switch (error.code) {
    case 'ECONNREFUSED':
      return `连接被拒绝，该地址上没有运行 PostgreSQL (ECONNREFUSED: ${message})`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `主机名无法解析 (${error.code}: ${message})`;
    case 'ETIMEDOUT':
      return `连接超时 (ETIMEDOUT: ${message})`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `网络不可达 (${error.code}: ${message})`;
    case '28P01':
      return `密码认证失败 (authentication failed, 28P01: ${message})`;
    case '28000':
      return `认证失败：用户不存在或不允许连接 (authentication failed, 28000: ${message})`;
    case '3D000':
      return `数据库不存在，请先用 createdb 创建 (database does not exist, 3D000: ${message})`;
    case '57P03':
      return `数据库正在启动或关闭 (57P03: ${message})`;
    case '53300':
      return `数据库连接数已满 (too many connections, 53300: ${message})`;
  }
  if (/timeout/i.test(message)) return `连接超时 (timed out: ${message})`;
  if (/SASL|password/i.test(message)) return `认证失败：服务器要求密码，请在 DATABASE_URL 中提供 (authentication failed: ${message})`;
  return message;
}

/**
 * Connects once before anything else runs, so that an unreachable server is reported as such instead of as the
 * first migration statement that failed.
 */
async function assertReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  const where = `${client.user ?? ''}@${client.host}:${client.port}/${client.database ?? ''}`;
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = connectFailureReason(error as { code?: string; message?: string });
    throw new DatabaseUnreachableError(
      `无法连接数据库 PostgreSQL ${where}：${reason}。请检查 DATABASE_URL 和数据库服务器。` + ` (cannot connect to the database ${where})`,
      error,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether the database answers `select 1` within the time given: the readiness check. */
export async function isDatabaseReady(database: Pick<Database, 'db'>, timeoutMs = 3000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = database.db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'postgresql') {
    await migratePg(database.db as never, { migrationsFolder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
}

/** Rows of a raw SQL query, whichever driver ran it. */
export async function queryRows<T>(q: Queryable, query: Parameters<Db['execute']>[0]): Promise<T[]> {
  const result = (await q.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
