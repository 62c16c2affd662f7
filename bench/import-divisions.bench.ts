// Benchmark: importing hunan-villages.csv (31,691 org units) through importDivisions, on PostgreSQL and on
// PGlite, against the same rows loaded with COPY in the same run, two ways:
//   COPY plain:   the CSV's bytes into a table of its own five columns, no keys, no indexes;
//   COPY indexed: the finished org_units rows (ids, paths, pinyin keys) into org_units itself, with its indexes
//                 (PostgreSQL only): the floor for any import that leaves the tree searchable.
// Target (issue): on PostgreSQL the import takes no more than 3x the COPY baseline.
// Run: npx tsx bench/import-divisions.bench.ts   (env: TEST_DATABASE_URL / DATABASE_URL, DIVISIONS_CSV, BENCH_REPS)
// It is a measurement, not a test: it always exits 0 unless it cannot run at all.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase, runMigrations, type Database } from '../src/server/db/connection.js';
import { importDivisions } from '../src/server/modules/org/org-import.service.js';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/audit.service.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { emitResult } from './bench-kit.js';
import { printMarkdownTable } from './markdown-table.js';

const TARGET_RATIO = 3;
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 5));
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = process.env.DIVISIONS_CSV
  ? path.resolve(process.env.DIVISIONS_CSV)
  : path.resolve(repoRoot, '../shared/data/divisions/hunan-villages.csv');
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

// The baseline table: the CSV's own columns, no keys, no indexes.
const PLAIN_TABLE = 'CREATE TABLE divisions_copy (code text, name text, level text, parent_code text, ur_code_2016 text)';
const COPY_OPTIONS = '(FORMAT csv, HEADER true)';

interface Sample {
  importMs: number;
  copyMs: number;
  /** COPY of the finished rows into the indexed org_units table (PostgreSQL only). */
  indexedCopyMs?: number;
}

interface Result {
  backend: string;
  importMs: number;
  copyMs: number;
  indexedCopyMs?: number;
  samples: Sample[];
}

function systemContext(database: Database): ServiceContext {
  return {
    db: database.db,
    principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
    actor: SYSTEM_ACTOR,
    townshipId: null,
  };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timeImport(database: Database, bytes: Uint8Array, expected: number): Promise<number> {
  let imported = 0;
  const ms = await timed(async () => {
    imported = (await importDivisions(systemContext(database), bytes, path.basename(csvPath))).imported;
  });
  if (imported !== expected) throw new Error(`import reported ${imported} units, expected ${expected}`);
  return ms;
}

// ---- PostgreSQL ----------------------------------------------------------------------------------------

function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withScratchDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `zw_bench_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      return await fn(databaseUrl(baseUrl, name));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

async function postgresCopy(url: string, bytes: Uint8Array, expected: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP TABLE IF EXISTS divisions_copy');
    await client.query(PLAIN_TABLE);
    const ms = await timed(async () => {
      await client.query('BEGIN');
      const stream = client.query(copyFrom(`COPY divisions_copy FROM STDIN WITH ${COPY_OPTIONS}`));
      await pipeline(Readable.from([Buffer.from(bytes)]), stream);
      await client.query('COMMIT');
    });
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM divisions_copy');
    if (rows[0].n !== expected) throw new Error(`COPY loaded ${rows[0].n} rows, expected ${expected}`);
    return ms;
  } finally {
    await client.end();
  }
}

/** Reloads the rows the import produced into the emptied org_units table with COPY, indexes in place. */
async function postgresIndexedCopy(url: string, expected: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const chunks: Buffer[] = [];
    const out = client.query(copyTo('COPY org_units TO STDOUT'));
    for await (const chunk of out) chunks.push(chunk as Buffer);
    await client.query('TRUNCATE org_units CASCADE');
    const ms = await timed(async () => {
      await client.query('BEGIN');
      await pipeline(Readable.from(chunks), client.query(copyFrom('COPY org_units FROM STDIN')));
      await client.query('COMMIT');
    });
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM org_units');
    if (rows[0].n !== expected) throw new Error(`indexed COPY loaded ${rows[0].n} rows, expected ${expected}`);
    return ms;
  } finally {
    await client.end();
  }
}

/** One round on a fresh database: migrations (untimed), the import, then the two COPY baselines. */
async function postgresRound(bytes: Uint8Array, expected: number): Promise<Sample> {
  return withScratchDatabase(async (url) => {
    const database = await openDatabase({ url });
    // DROP DATABASE ... WITH (FORCE) may still find a pooled connection closing: that is expected here.
    database.pool?.on('error', () => undefined);
    try {
      await runMigrations(database);
      const importMs = await timeImport(database, bytes, expected);
      const copyMs = await postgresCopy(url, bytes, expected);
      const indexedCopyMs = await postgresIndexedCopy(url, expected);
      return { importMs, copyMs, indexedCopyMs };
    } finally {
      await database.close();
    }
  });
}

// ---- PGlite ----------------------------------------------------------------------------------------------

/** One round on a fresh in-memory PGlite; its COPY reads the file from '/dev/blob'. */
async function pgliteRound(bytes: Uint8Array, expected: number): Promise<Sample> {
  const database = await openDatabase({});
  try {
    await runMigrations(database);
    const client = database.pglite!;
    const importMs = await timeImport(database, bytes, expected);
    await client.exec(PLAIN_TABLE);
    const blob = new Blob([new Uint8Array(bytes)]);
    const copyMs = await timed(() => client.transaction((tx) => tx.query(`COPY divisions_copy FROM '/dev/blob' WITH ${COPY_OPTIONS}`, [], { blob })));
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM divisions_copy');
    if (rows[0].n !== expected) throw new Error(`PGlite COPY loaded ${rows[0].n} rows, expected ${expected}`);
    return { importMs, copyMs };
  } finally {
    await database.close();
  }
}

// ---- driver --------------------------------------------------------------------------------------------

async function measure(backend: string, round: () => Promise<Sample>): Promise<Result> {
  process.stdout.write(`${backend}: warm-up`);
  await round();
  const samples: Sample[] = [];
  for (let i = 0; i < REPS; i++) {
    samples.push(await round());
    process.stdout.write(` ${i + 1}`);
  }
  process.stdout.write('\n');
  return {
    backend,
    importMs: median(samples.map((s) => s.importMs)),
    copyMs: median(samples.map((s) => s.copyMs)),
    indexedCopyMs: samples[0].indexedCopyMs === undefined ? undefined : median(samples.map((s) => s.indexedCopyMs!)),
    samples,
  };
}

function printTable(results: Result[], rows: number): void {
  const perSecond = (ms: number) => Math.round((rows / ms) * 1000).toLocaleString('en-US');
  const header = [
    'backend',
    'import ms',
    'import rows/s',
    'COPY plain ms',
    'import/plain',
    'COPY indexed ms',
    'import/indexed',
    `<= ${TARGET_RATIO}x (plain, indexed)`,
  ];
  const verdict = (ratio: number) => (ratio <= TARGET_RATIO ? 'PASS' : 'FAIL');
  const body = results.map((r) => {
    const plain = r.importMs / r.copyMs;
    const indexed = r.indexedCopyMs ? r.importMs / r.indexedCopyMs : undefined;
    return [
      r.backend,
      r.importMs.toFixed(0),
      perSecond(r.importMs),
      r.copyMs.toFixed(0),
      `${plain.toFixed(2)}x`,
      r.indexedCopyMs?.toFixed(0) ?? '—',
      indexed ? `${indexed.toFixed(2)}x` : '—',
      r.backend === 'postgresql' ? `${verdict(plain)}, ${indexed ? verdict(indexed) : '—'}` : '(not targeted)',
    ];
  });
  printMarkdownTable(header, body);
  for (const r of results) {
    const baseline = r.indexedCopyMs ?? r.copyMs;
    const ratio = r.importMs / baseline;
    emitResult({
      bench: 'import-divisions',
      case: `${r.backend}, vs COPY ${r.indexedCopyMs ? 'indexed' : 'plain'}`,
      figure: r.importMs,
      unit: 'ms',
      baseline,
      ratio,
      target: r.backend === 'postgresql' ? `<= ${TARGET_RATIO}x` : undefined,
      pass: r.backend === 'postgresql' ? ratio <= TARGET_RATIO : undefined,
    });
  }
  for (const r of results) {
    const sample = (s: Sample) => `${s.importMs.toFixed(0)}/${s.copyMs.toFixed(0)}${s.indexedCopyMs ? `/${s.indexedCopyMs.toFixed(0)}` : ''}`;
    console.log(`${r.backend} samples (import/COPY plain${r.indexedCopyMs ? '/COPY indexed' : ''} ms): ${r.samples.map(sample).join(', ')}`);
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(csvPath)) {
    console.error(`Division file not found: ${csvPath} (set DIVISIONS_CSV to its path)`);
    process.exit(2);
  }
  const bytes = new Uint8Array(fs.readFileSync(csvPath));
  const rows = bytes.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0) - 1 + (bytes[bytes.length - 1] === 0x0a ? 0 : 1);
  console.log(
    `Importing ${path.basename(csvPath)}: ${rows.toLocaleString('en-US')} rows, ${(bytes.length / 1e6).toFixed(1)} MB; ` +
      `median of ${REPS} runs after a warm-up, fresh database each run`,
  );
  console.log(`PostgreSQL: ${new URL(baseUrl).host} (scratch database zw_bench_*); PGlite: in memory`);

  const results: Result[] = [];
  try {
    results.push(await measure('postgresql', () => postgresRound(bytes, rows)));
  } catch (e) {
    console.error(`\nPostgreSQL skipped: ${(e as Error).message}`);
  }
  results.push(await measure('pglite', () => pgliteRound(bytes, rows)));
  printTable(results, rows);
}

await main();
