// Benchmark: importing a 100,000-row .xlsx into a register ledger through the real service (upload checks,
// parse, validation, preview, then the all-or-nothing commit), on PostgreSQL and on PGlite, against a baseline
// measured in the same run on the same file: ExcelJS's parse of it plus a COPY of the same rows into a plain table.
// Target (issue): the import takes no more than 2x the baseline.
// Run: npx tsx bench/ledger-import.bench.ts   (env: TEST_DATABASE_URL / DATABASE_URL, BENCH_ROWS, BENCH_REPS)
// It is a measurement, not a test: it always exits 0 unless it cannot run at all.
import os from 'node:os';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDatabase, runMigrations, type Database } from '../src/server/db/connection.js';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/audit.service.js';
import { importDivisions } from '../src/server/modules/org/org-import.service.js';
import { createLedger } from '../src/server/modules/ledgers/ledger-definitions.service.js';
import { commitImport, startImport } from '../src/server/modules/ledgers/ledger-import.service.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { emitResult, median, withScratchDatabase } from './bench-kit.js';
import { printMarkdownTable } from './markdown-table.js';

const TARGET_RATIO = 2;
const ROWS = Math.max(1, Number(process.env.BENCH_ROWS ?? 100_000));
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 3));
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const VILLAGES = ['川山村', '燕塘村', '桥坪村', '新塘村', '石仑村', '金星村', '清水村', '高坪村', '长岭村', '白沙村'];
const CATEGORIES = ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅玉兰德福';
const FIELDS = [
  { key: 'name', label: '户主姓名', type: 'text', required: true },
  { key: 'idcard', label: '身份证号码', type: 'idcard', required: true, unique: true },
  { key: 'phone', label: '联系电话', type: 'mobile' },
  { key: 'members', label: '家庭人口', type: 'integer', min: 1, max: 30, unit: '人' },
  { key: 'category', label: '监测类型', type: 'choice', choices: CATEGORIES },
  { key: 'visited', label: '走访日期', type: 'date' },
  { key: 'income', label: '人均纯收入', type: 'decimal', unit: '元', decimals: 2 },
  { key: 'relocated', label: '是否搬迁', type: 'boolean' },
  { key: 'address', label: '住址', type: 'text' },
  { key: 'note', label: '帮扶措施', type: 'longtext' },
] as const;
const HEADER = [
  '组织单元*',
  '户主姓名*',
  '身份证号码*',
  '联系电话',
  '家庭人口（人）',
  '监测类型',
  '走访日期',
  '人均纯收入（元）',
  '是否搬迁',
  '住址',
  '帮扶措施',
];
const TOWNSHIP_CSV = [
  'code,name,level,parent_code',
  '430681000000,汨罗市,county,',
  '430681105000,川山坪镇,town,430681000000',
  ...VILLAGES.map((name, i) => `4306811052${String(i + 1).padStart(2, '0')},${name},village,430681105000`),
].join('\n');

// ---- the file ------------------------------------------------------------------------------------------------

function idCard(n: number): string {
  // Unique per row: a birth date per thousand rows, the sequence digits within it.
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 1000) * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `430681${birth}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

function cellsOf(n: number): unknown[] {
  const name = SURNAMES[n % SURNAMES.length] + GIVEN[(n * 7) % GIVEN.length] + (n % 3 ? GIVEN[(n * 13) % GIVEN.length] : '');
  return [
    VILLAGES[n % VILLAGES.length],
    name,
    idCard(n),
    `138${String(n).padStart(8, '0')}`,
    1 + (n % 8),
    CATEGORIES[n % 3],
    new Date(Date.UTC(2022, n % 12, 1 + (n % 28))),
    Math.round((3000 + (n % 9000) + (n % 100) / 100) * 100) / 100,
    n % 5 ? '否' : '是',
    `${VILLAGES[n % VILLAGES.length]}${1 + (n % 12)}组${n % 90}号`,
    n % 4 ? '' : '产业帮扶、就业帮扶',
  ];
}

/** The workbook as Excel would save it: shared strings, a date format on the date column, text format for IDs. */
async function buildWorkbook(rows: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('填报');
  sheet.columns = HEADER.map((header, i) => ({
    header,
    key: `c${i}`,
    style: i === 2 || i === 3 ? { numFmt: '@' } : i === 6 ? { numFmt: 'yyyy-mm-dd' } : {},
  }));
  for (let n = 0; n < rows; n++) sheet.addRow(cellsOf(n)).commit();
  sheet.commit();
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

// ---- measuring ---------------------------------------------------------------------------------------------

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T; peakRss: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  const start = process.hrtime.bigint();
  try {
    const value = await fn();
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, value, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(sampler);
  }
}

interface Sample {
  previewMs: number;
  commitMs: number;
  importPeakRss: number;
  parseMs: number;
  copyMs: number;
  baselinePeakRss: number;
  /** COPY of the stored rows into the emptied ledger_records, with its indexes and foreign keys. */
  indexedCopyMs: number;
}

// ---- the import through the service --------------------------------------------------------------------------

async function setUp(database: Database): Promise<ServiceContext> {
  await runMigrations(database);
  const system: ServiceContext = {
    db: database.db,
    principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
    actor: SYSTEM_ACTOR,
    townshipId: null,
  };
  await importDivisions(system, new TextEncoder().encode(TOWNSHIP_CSV));
  const { rows } = (await database.db.execute(`SELECT id, path FROM org_units WHERE code = '430681105000'`)) as unknown as {
    rows: { id: number; path: string }[];
  };
  // A township leader: may write everywhere in the township.
  const ctx: ServiceContext = {
    db: database.db,
    principal: { userId: 1, username: 'shuji', grants: [{ role: 'leader', scopePaths: [rows[0].path] }] },
    actor: { userId: null, username: 'shuji', ip: null },
    townshipId: rows[0].id,
  };
  await createLedger(ctx, { key: 'households', name: '防返贫监测户', kind: 'register', fields: FIELDS.map((f) => ({ ...f })) as never });
  return ctx;
}

async function serviceImport(ctx: ServiceContext, file: Buffer) {
  const preview = await timed(async () => {
    const { job, done } = await startImport(ctx, 'households', 'bench.xlsx', file, { maxRows: 200_000, inlineBytes: Infinity });
    await done;
    if (job.phase !== 'ready' || job.errorRows > 0)
      throw new Error(`import not ready: ${job.phase} ${JSON.stringify(job.failure ?? job.errors.slice(0, 3))}`);
    return job;
  });
  const commit = await timed(() => commitImport(ctx, 'households', preview.value.id));
  if (commit.value.imported !== ROWS) throw new Error(`imported ${commit.value.imported}, expected ${ROWS}`);
  return { previewMs: preview.ms, commitMs: commit.ms, importPeakRss: Math.max(preview.peakRss, commit.peakRss) };
}

// ---- the baseline: ExcelJS parse + COPY of the same rows -----------------------------------------------------

const PLAIN_TABLE = `CREATE TABLE households_copy (org_unit text, name text, idcard text, phone text, members text, category text,
  visited text, income text, relocated text, address text, note text)`;

const csvCell = (v: unknown) => {
  const s = v == null ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** ExcelJS's streaming reader (its fastest parse; the in-memory load is also printed), rows as CSV for COPY. */
async function excelParse(file: Buffer): Promise<string> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit' });
  const lines: string[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number === 1) continue;
      const values = row.values as unknown[];
      lines.push(HEADER.map((_, i) => csvCell(values[i + 1])).join(','));
    }
  }
  if (lines.length !== ROWS) throw new Error(`ExcelJS read ${lines.length} rows, expected ${ROWS}`);
  return `${lines.join('\n')}\n`;
}

async function postgresCopy(url: string, csv: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await pipeline(Readable.from([Buffer.from(csv)]), client.query(copyFrom('COPY households_copy FROM STDIN WITH (FORMAT csv)')));
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

/** Dumps the records the import stored, empties the table, and times loading them back with COPY. */
async function postgresIndexedCopy(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo('COPY ledger_records TO STDOUT'))) chunks.push(chunk as Buffer);
    await client.query('TRUNCATE ledger_records');
    const { ms } = await timed(async () => {
      await client.query('BEGIN');
      await pipeline(Readable.from(chunks), client.query(copyFrom('COPY ledger_records FROM STDIN')));
      await client.query('COMMIT');
    });
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_records');
    if (rows[0].n !== ROWS) throw new Error(`indexed COPY loaded ${rows[0].n} rows`);
    return ms;
  } finally {
    await client.end();
  }
}

async function baseline(file: Buffer, copy: (csv: string) => Promise<void>) {
  const parse = await timed(() => excelParse(file));
  const load = await timed(() => copy(parse.value));
  return { parseMs: parse.ms, copyMs: load.ms, baselinePeakRss: Math.max(parse.peakRss, load.peakRss) };
}

// ---- rounds ----------------------------------------------------------------------------------------------

async function postgresRound(file: Buffer): Promise<Sample> {
  return withScratchDatabase(baseUrl, 'zw_bench', async (url) => {
    const database = await openDatabase({ url });
    database.pool?.on('error', () => undefined);
    try {
      const ctx = await setUp(database);
      const imported = await serviceImport(ctx, file);
      await database.db.execute(PLAIN_TABLE);
      const base = await baseline(file, (csv) => postgresCopy(url, csv));
      return { ...imported, ...base, indexedCopyMs: await postgresIndexedCopy(url) };
    } finally {
      await database.close();
    }
  });
}

async function pgliteRound(file: Buffer): Promise<Sample> {
  const database = await openDatabase({});
  try {
    const ctx = await setUp(database);
    const imported = await serviceImport(ctx, file);
    const client = database.pglite!;
    await client.exec(PLAIN_TABLE);
    const base = await baseline(file, async (csv) => {
      await client.transaction((tx) => tx.query(`COPY households_copy FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) }));
    });
    const dump = await client.query(`COPY ledger_records TO '/dev/blob'`);
    await client.exec('TRUNCATE ledger_records');
    const indexed = await timed(() => client.transaction((tx) => tx.query(`COPY ledger_records FROM '/dev/blob'`, [], { blob: dump.blob })));
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_records');
    if (rows[0].n !== ROWS) throw new Error(`PGlite indexed COPY loaded ${rows[0].n} rows`);
    return { ...imported, ...base, indexedCopyMs: indexed.ms };
  } finally {
    await database.close();
  }
}

async function measure(backend: string, round: () => Promise<Sample>) {
  process.stdout.write(`${backend}:`);
  const samples: Sample[] = [];
  for (let i = 0; i < REPS; i++) {
    samples.push(await round());
    process.stdout.write(` ${i + 1}`);
  }
  process.stdout.write('\n');
  return { backend, samples };
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)}`;

async function main(): Promise<void> {
  const built = await timed(() => buildWorkbook(ROWS));
  const file = built.value;
  console.log(
    `${ROWS.toLocaleString('en-US')} rows × ${HEADER.length} columns, ${(file.length / 1e6).toFixed(1)} MB xlsx (built in ${(built.ms / 1000).toFixed(1)} s); ` +
      `median of ${REPS} runs, fresh database each run; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  console.log(
    `PostgreSQL: ${new URL(baseUrl).host} (scratch database zw_bench_*); PGlite: in memory; gc between phases: ${(globalThis as { gc?: unknown }).gc ? 'yes' : 'no (run node --expose-gc for steadier memory figures)'}`,
  );

  const results = [];
  try {
    results.push(await measure('postgresql', () => postgresRound(file)));
  } catch (e) {
    console.error(`\nPostgreSQL skipped: ${(e as Error).message}`);
  }
  results.push(await measure('pglite', () => pgliteRound(file)));

  // Last, so that its memory does not count in the rounds' peaks.
  const loadOnly = await timed(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    return workbook.getWorksheet('填报')!.rowCount;
  });
  console.log(
    `\nExcelJS in-memory load of the same file (not the baseline; for comparison): ${loadOnly.ms.toFixed(0)} ms, peak RSS ${mb(loadOnly.peakRss)} MB; ` +
      `load average at the end ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  const header = [
    'backend',
    'check+preview ms',
    'commit ms',
    'import ms',
    'import rows/s',
    'import peak RSS MB',
    'parse ms',
    'COPY ms',
    'baseline ms',
    'baseline rows/s',
    'baseline peak RSS MB',
    'ratio',
    `<= ${TARGET_RATIO}x`,
    'COPY indexed ms',
    'ratio (parse + COPY indexed)',
  ];
  const body = results.map(({ backend, samples }) => {
    const m = (pick: (s: Sample) => number) => median(samples.map(pick));
    const importMs = m((s) => s.previewMs + s.commitMs);
    const baseMs = m((s) => s.parseMs + s.copyMs);
    const ratio = importMs / baseMs;
    emitResult({
      bench: 'ledger-import',
      case: `${backend}, ${ROWS.toLocaleString('en-US')} rows`,
      figure: importMs,
      unit: 'ms',
      baseline: baseMs,
      ratio,
      target: `<= ${TARGET_RATIO}x`,
      pass: ratio <= TARGET_RATIO,
    });
    emitResult({
      bench: 'ledger-import',
      case: `${backend}, import peak RSS`,
      figure: Math.max(...samples.map((s) => s.importPeakRss)) / 1024 / 1024,
      unit: 'MB',
      baseline: Math.max(...samples.map((s) => s.baselinePeakRss)) / 1024 / 1024,
      ratio: Math.max(...samples.map((s) => s.importPeakRss)) / Math.max(...samples.map((s) => s.baselinePeakRss)),
    });
    return [
      backend,
      m((s) => s.previewMs).toFixed(0),
      m((s) => s.commitMs).toFixed(0),
      importMs.toFixed(0),
      Math.round((ROWS / importMs) * 1000).toLocaleString('en-US'),
      mb(Math.max(...samples.map((s) => s.importPeakRss))),
      m((s) => s.parseMs).toFixed(0),
      m((s) => s.copyMs).toFixed(0),
      baseMs.toFixed(0),
      Math.round((ROWS / baseMs) * 1000).toLocaleString('en-US'),
      mb(Math.max(...samples.map((s) => s.baselinePeakRss))),
      `${ratio.toFixed(2)}x`,
      ratio <= TARGET_RATIO ? 'PASS' : 'FAIL',
      m((s) => s.indexedCopyMs).toFixed(0),
      `${(importMs / m((s) => s.parseMs + s.indexedCopyMs)).toFixed(2)}x`,
    ];
  });
  printMarkdownTable(header, body);
  for (const { backend, samples } of results) {
    console.log(
      `${backend} samples (preview+commit / parse+COPY / COPY indexed ms): ${samples.map((s) => `${(s.previewMs + s.commitMs).toFixed(0)}/${(s.parseMs + s.copyMs).toFixed(0)}/${s.indexedCopyMs.toFixed(0)}`).join(', ')}`,
    );
  }
}

await main();
