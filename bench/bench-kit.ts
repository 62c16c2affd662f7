// What the benchmarks share: a median, a timer, and a scratch PostgreSQL database made for one run and dropped
// after it whatever happens.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../src/server/db/connection.js';

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/** Creates a database on the server of `baseUrl`, hands its URL to `fn`, and drops it afterwards. */
export async function withScratchDatabase<T>(baseUrl: string, prefix: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** Records every statement the pool runs while `fn` runs (PostgreSQL), for EXPLAIN ANALYZE afterwards. */
export async function captureStatements(database: Database, fn: () => Promise<unknown>): Promise<{ text: string; values: unknown[] }[]> {
  const pool = database.pool!;
  const captured: { text: string; values: unknown[] }[] = [];
  const original = pool.query.bind(pool);
  (pool as unknown as { query: unknown }).query = (config: unknown, values?: unknown) => {
    const c = typeof config === 'string' ? { text: config, values } : (config as { text: string; values?: unknown[] });
    captured.push({ text: c.text, values: (c.values ?? values ?? []) as unknown[] });
    return (original as (a: unknown, b?: unknown) => unknown)(config, values);
  };
  try {
    await fn();
  } finally {
    (pool as unknown as { query: unknown }).query = original;
  }
  return captured;
}

/** One measured figure of a benchmark, with the baseline measured in the same run. */
export interface BenchResult {
  bench: string;
  case: string;
  figure: number;
  unit: string;
  baseline?: number;
  /** figure / baseline, or for throughput baseline-relative "higher is better" figures as the bench defines it */
  ratio?: number;
  target?: string;
  pass?: boolean;
}

export const RESULT_PREFIX = 'BENCH_RESULT ';

/** Prints a result as one machine-readable line that bench/run-all.ts collects into the suite's summary. */
export function emitResult(result: BenchResult): void {
  console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
}
