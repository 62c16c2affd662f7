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

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

export async function openDatabase(opts: { url?: string; dataDir?: string }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: 10 });
    // DATE columns stay 'YYYY-MM-DD' strings: no timezone shifting of calendar dates
    pool.on('connect', () => undefined);
    // An idle client whose connection the server ends (restart, failover, DROP DATABASE … FORCE) must not crash
    // the process: the pool drops it and the next query opens a new one.
    pool.on('error', (error) => {
      if ((error as { code?: string }).code !== '57P01') console.error('PostgreSQL: idle connection lost:', error.message);
    });
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

function wrapPglite(client: PGlite, releaseLock: () => void = () => undefined): Database {
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
