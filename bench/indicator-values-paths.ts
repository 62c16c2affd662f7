// Research, not a benchmark of the product: two candidate designs for the 300 ms target of issue 4, measured with
// raw SQL on the indicator-values benchmark's data set (county-data.ts; ~1,000,000 records) in a scratch database
// that is dropped at the end. Nothing here is used by src/.
//  (a) typed copies of the fields the 20 indicators read (a narrow side table `record_facts` keyed by record id:
//      the date that places a record in a period, two numbers, a key for distinct counts, a tag, a flag), filled
//      once by INSERT … SELECT; the baseline's aggregation rewritten over it and checked against the baseline;
//      the cost of filling it for a 100,000-record import.
//  (b) a result cache keyed by per-ledger data versions: reading the versions, and the write cost of keeping them
//      (statement-level AFTER triggers with transition tables bumping ledgers.data_version, or appending to a
//      change log that takes no row lock) on a 100,000-row INSERT … SELECT and on 1,000 single-row UPDATEs.
// Run: npx tsx bench/indicator-values-paths.ts   (env: TEST_DATABASE_URL / DATABASE_URL, BENCH_RECORDS, BENCH_REPS)
process.env.LOG_LEVEL ??= 'warn';
import os from 'node:os';
import pg from 'pg';
import { openDatabase, runMigrations } from '../src/server/db/connection.js';
import { buildCounty, copyRecords, countyRecords, type County } from './county-data.js';
import { BENCH_KEYS, runBaseline, type BaselineRow } from './county-indicators.js';
import { median, timed, withScratchDatabase } from './bench-kit.js';
import { printMarkdownTable } from './markdown-table.js';

const RECORDS = Math.max(0, Number(process.env.BENCH_RECORDS ?? 1_000_000));
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 5));
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const rowsOut: string[][] = [];

async function measure(label: string, fn: () => Promise<unknown>, reps = REPS, note = ''): Promise<number> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) samples.push((await timed(fn)).ms);
  const m = median(samples);
  const shown =
    samples.length <= 5
      ? samples.map((s) => s.toFixed(0)).join('/')
      : `${reps} runs, ${Math.min(...samples).toFixed(1)}–${Math.max(...samples).toFixed(1)}`;
  rowsOut.push([label, m.toFixed(1), shown, note, load()]);
  console.log(`${label}: ${m.toFixed(1)} ms (${samples.map((s) => s.toFixed(0)).join('/')}) ${note} load ${load()}`);
  return m;
}
async function once(label: string, fn: () => Promise<unknown>, note = ''): Promise<number> {
  const { ms } = await timed(fn);
  rowsOut.push([label, ms.toFixed(1), '1 run', note, load()]);
  console.log(`${label}: ${ms.toFixed(1)} ms ${note} load ${load()}`);
  return ms;
}

const ids = (county: County, key: string) => county.townships.map((t) => t.ledgers.get(key)!);
const KEYS = [
  'self_built_houses',
  'safety_hazards',
  'social_assistance',
  'land_transfer',
  'household_checks',
  'consumption_support',
  'enterprise_visits',
  'monitored_households',
  'vaccination_daily',
  'social_insurance',
];

/** (a) The extraction: per ledger, which JSONB fields go to which typed slot. One SELECT list over `r`. */
function factsSelect(county: County): string {
  const is = (key: string) => `r.ledger_id = ANY('{${ids(county, key).join(',')}}'::int[])`;
  const dateOf = `CASE WHEN r.period IS NOT NULL THEN to_date(rpad(left(r.period, 8), 8, '01'), 'YYYYMMDD')
    ELSE nullif(r.values->>(CASE WHEN ${is('self_built_houses')} THEN 'inspected_on' WHEN ${is('safety_hazards')} THEN 'found_on'
      WHEN ${is('social_assistance')} THEN 'paid_on' WHEN ${is('land_transfer')} THEN 'signed_on'
      WHEN ${is('household_checks')} THEN 'checked_on' WHEN ${is('consumption_support')} THEN 'bought_on'
      WHEN ${is('enterprise_visits')} THEN 'visited_on' ELSE 'included_on' END), '')::date END`;
  const num = (f: string) => `nullif(r.values->>'${f}', '')::float8`;
  return `SELECT r.id, r.ledger_id, r.org_unit_id, r.deleted_at IS NOT NULL, ${dateOf},
    CASE WHEN ${is('social_assistance')} OR ${is('consumption_support')} THEN ${num('amount')} WHEN ${is('land_transfer')} THEN ${num('area')}
      WHEN ${is('household_checks')} THEN ${num('family_size')} WHEN ${is('vaccination_daily')} THEN ${num('booster_60')}
      WHEN ${is('social_insurance')} THEN ${num('pension_paid')} END,
    CASE WHEN ${is('vaccination_daily')} THEN ${num('booster_18_59')} END,
    CASE WHEN ${is('social_assistance')} THEN r.values->>'person_id' WHEN ${is('household_checks')} THEN r.values->>'head_id' END,
    CASE WHEN ${is('self_built_houses')} THEN r.values->>'conclusion' WHEN ${is('land_transfer')} THEN r.values->>'land_type'
      WHEN ${is('enterprise_visits')} THEN r.values->>'problem_type' END,
    CASE WHEN ${is('self_built_houses')} THEN (r.values->'needs_fix') = 'true' WHEN ${is('enterprise_visits')} THEN
      CASE r.values->'solved' WHEN 'true' THEN true WHEN 'false' THEN false END END,
    r.status
  FROM ledger_records r`;
}
const FACTS_TABLE = (name: string) => `CREATE TABLE ${name} (record_id bigint PRIMARY KEY, ledger_id int NOT NULL, org_unit_id int NOT NULL,
  deleted boolean NOT NULL, event_on date, num1 float8, num2 float8, key1 text, tag text, flag boolean, status text)`;

/** (a) The baseline's 20 indicators over the typed slots: same grouping, same columns. */
// coded: each record's ledger mapped once to a small number (a hash join with a 150-row list), and the FILTERs
// compare that number, instead of 20 `ledger_id = ANY(15 ids)` tests per row.
// stored: record_facts_vm, the same slots plus the village and the month stored with the record (no org-unit join).
function factsQuery(county: County, part: 'all' | 'plain' | 'distinct', coded = false, stored = false): string {
  const is = coded ? (key: string) => `lk.k = ${KEYS.indexOf(key)}` : (key: string) => `f.ledger_id = ANY('{${ids(county, key).join(',')}}'::int[])`;
  const ledgerJoin = coded
    ? `JOIN unnest('{${KEYS.flatMap((k) => ids(county, k)).join(',')}}'::int[],
      '{${KEYS.flatMap((k, i) => ids(county, k).map(() => i)).join(',')}}'::int[]) AS lk(lid, k) ON lk.lid = f.ledger_id`
    : '';
  const from =
    (stored
      ? `FROM record_facts_vm f ${ledgerJoin}`
      : `FROM record_facts f JOIN (SELECT id, split_part(path, '/', 4)::int AS village FROM org_units WHERE level IN ('village', 'group')) u
      ON u.id = f.org_unit_id ${ledgerJoin}`) +
    `
    WHERE ${stored ? 'f.village IS NOT NULL AND ' : ''}NOT f.deleted AND f.event_on >= date '2022-01-01' AND f.event_on < date '2023-01-01'
      ${coded ? '' : `AND f.ledger_id = ANY('{${KEYS.flatMap((k) => ids(county, k)).join(',')}}'::int[])`}`;
  if (part === 'distinct') {
    // the two distinct counts alone: de-duplicate (village, month, which, key) by hashing, then count
    return `SELECT village, to_char(month, 'YYYYMM') AS month, count(*) FILTER (WHERE w = 1) AS households_checked,
        count(*) FILTER (WHERE w = 2) AS assistance_recipients
      FROM (SELECT DISTINCT ${stored ? 'f' : 'u'}.village, ${stored ? 'f.month' : `date_trunc('month', f.event_on)`} AS month, CASE WHEN ${is('household_checks')} THEN 1 ELSE 2 END AS w, f.key1
        ${from} AND (${is('household_checks')} OR ${is('social_assistance')})) d GROUP BY 1, 2`;
  }
  const distinct =
    part === 'all'
      ? `count(DISTINCT f.key1) FILTER (WHERE ${is('household_checks')}) AS households_checked,
      count(DISTINCT f.key1) FILTER (WHERE ${is('social_assistance')}) AS assistance_recipients,`
      : '';
  return `SELECT to_char(m, 'YYYYMM') AS month, g.*,
      hazards_rectified * 100.0 / nullif(hazards_found, 0) AS hazard_rectification_rate, booster_doses_18_59 + booster_doses_60 AS booster_doses
    FROM (SELECT ${stored ? 'f' : 'u'}.village, ${stored ? 'f.month' : `date_trunc('month', f.event_on)`} AS m,
      count(*) FILTER (WHERE ${is('self_built_houses')}) AS houses_inspected,
      count(*) FILTER (WHERE ${is('self_built_houses')} AND f.flag) AS houses_with_hazards,
      count(*) FILTER (WHERE ${is('self_built_houses')} AND f.tag = '初判危房') AS houses_suspected_dangerous,
      count(*) FILTER (WHERE ${is('safety_hazards')}) AS hazards_found,
      count(*) FILTER (WHERE ${is('safety_hazards')} AND f.status IN ('rectified', 'closed')) AS hazards_rectified,
      ${distinct}
      coalesce(sum(f.num1) FILTER (WHERE ${is('household_checks')}), 0) AS household_check_people,
      coalesce(sum(f.num1) FILTER (WHERE ${is('social_assistance')}), 0) AS assistance_paid,
      count(*) FILTER (WHERE ${is('monitored_households')}) AS monitored_households_added,
      coalesce(sum(f.num1) FILTER (WHERE ${is('consumption_support')}), 0) AS consumption_support_amount,
      coalesce(sum(f.num1) FILTER (WHERE ${is('land_transfer')}), 0) AS land_transferred,
      coalesce(sum(f.num1) FILTER (WHERE ${is('land_transfer')} AND f.tag = '耕地'), 0) AS land_transferred_cultivated,
      count(*) FILTER (WHERE ${is('land_transfer')}) AS land_transfer_contracts,
      count(*) FILTER (WHERE ${is('enterprise_visits')}) AS enterprise_visits,
      count(*) FILTER (WHERE ${is('enterprise_visits')} AND f.tag IS DISTINCT FROM '无' AND f.flag IS false) AS enterprise_problems_unsolved,
      sum(f.num1) FILTER (WHERE ${is('social_insurance')}) AS pension_contributors,
      sum(f.num1) FILTER (WHERE ${is('vaccination_daily')}) AS booster_doses_60,
      sum(f.num2) FILTER (WHERE ${is('vaccination_daily')}) AS booster_doses_18_59
    ${from} GROUP BY 1, 2) g`;
}

/** Every value of the 20 keys, cell by cell, against the baseline's rows. Returns the number compared. */
function check(expected: BaselineRow[], got: Record<string, unknown>[], keys: string[]): number {
  const byCell = new Map(got.map((r) => [`${r.village}:${r.month}`, r]));
  let compared = 0;
  const wrong: string[] = [];
  for (const row of expected) {
    const other = byCell.get(`${row.village}:${row.month}`);
    for (const k of keys) {
      const a = row[k] === null || row[k] === undefined ? null : Number(row[k]);
      const b = other?.[k] === null || other?.[k] === undefined ? (other ? null : a === 0 ? 0 : null) : Number(other[k]);
      const ok = a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 + 1e-9 * Math.abs(a);
      if (!ok && wrong.length < 10) wrong.push(`${k} ${row.village} ${row.month}: baseline ${a}, typed ${b}`);
      compared++;
    }
  }
  if (wrong.length) throw new Error(`typed slots differ from the baseline:\n  ${wrong.join('\n  ')}`);
  if (got.length !== expected.length) throw new Error(`typed slots gave ${got.length} cells, the baseline ${expected.length}`);
  return compared;
}

async function experiments(url: string, county: County): Promise<void> {
  const c1 = new pg.Client({ connectionString: url });
  const c2 = new pg.Client({ connectionString: url });
  await c1.connect();
  await c2.connect();
  try {
    const database = await openDatabase({ url });
    let expected: BaselineRow[];
    try {
      expected = await runBaseline(database, county);
      await measure('baseline: one GROUP BY over the JSONB (reference)', () => runBaseline(database, county), 3);
    } finally {
      await database.close();
    }
    for (const c of [c1, c2]) await c.query(`SET work_mem = '64MB'`);

    // ---- (a) typed slots ----------------------------------------------------------------------------------------
    await c1.query(FACTS_TABLE('record_facts'));
    await once('(a) fill record_facts for all records (INSERT … SELECT, once)', () => c1.query(`INSERT INTO record_facts ${factsSelect(county)}`));
    await c1.query('CREATE INDEX record_facts_ledger_idx ON record_facts (ledger_id, event_on)');
    await c1.query('VACUUM ANALYZE record_facts');
    const size = (
      await c1.query(
        `SELECT pg_size_pretty(pg_total_relation_size('record_facts')) AS s, pg_size_pretty(pg_total_relation_size('ledger_records')) AS l`,
      )
    ).rows[0];
    console.log(`record_facts ${size.s} with indexes, ledger_records ${size.l}`);
    const all = (await c1.query(factsQuery(county, 'all'))).rows;
    const compared = check(expected, all, BENCH_KEYS);
    console.log(`(a) typed slots: ${compared} values identical to the baseline`);
    await measure(
      '(a) typed slots, one statement (20 indicators, 2 count DISTINCT)',
      () => c1.query(factsQuery(county, 'all')),
      REPS,
      `${compared} values = baseline`,
    );
    const plainDistinct = async () => {
      const [plain, distinct] = await Promise.all([c1.query(factsQuery(county, 'plain')), c2.query(factsQuery(county, 'distinct'))]);
      return [plain.rows, distinct.rows] as const;
    };
    const [plain, distinct] = await plainDistinct();
    const merged = new Map(distinct.map((r) => [`${r.village}:${r.month}`, r]));
    const combined = plain.map((r) => ({ ...r, households_checked: 0, assistance_recipients: 0, ...merged.get(`${r.village}:${r.month}`) }));
    const compared2 = check(expected, combined, BENCH_KEYS);
    await measure('(a) typed slots, 2 statements at once (sums+counts | DISTINCT by hash)', plainDistinct, REPS, `${compared2} values = baseline`);
    await c1.query(`SET max_parallel_workers_per_gather = 0`);
    await measure('(a) same, no parallel workers', plainDistinct, REPS);
    await c1.query(`RESET max_parallel_workers_per_gather`);
    const codedAll = check(expected, (await c1.query(factsQuery(county, 'all', true))).rows, BENCH_KEYS);
    await measure('(a) coded ledgers, one statement', () => c1.query(factsQuery(county, 'all', true)), REPS, `${codedAll} values = baseline`);
    const codedTwo = async () => {
      const [p, d] = await Promise.all([c1.query(factsQuery(county, 'plain', true)), c2.query(factsQuery(county, 'distinct', true))]);
      const m = new Map(d.rows.map((r) => [`${r.village}:${r.month}`, r]));
      return p.rows.map((r) => ({ ...r, households_checked: 0, assistance_recipients: 0, ...m.get(`${r.village}:${r.month}`) }));
    };
    const codedTwoN = check(expected, await codedTwo(), BENCH_KEYS);
    await measure('(a) coded ledgers, 2 statements at once', codedTwo, REPS, `${codedTwoN} values = baseline`);
    for (const c of [c1, c2]) await c.query(`SET max_parallel_workers_per_gather = 0`);
    await measure('(a) coded ledgers, 2 statements at once, no parallel workers', codedTwo, REPS);
    for (const c of [c1, c2]) await c.query(`RESET max_parallel_workers_per_gather`);
    await once('(a) build record_facts_vm: slots + village + month (CREATE TABLE AS, once)', () =>
      c1.query(`CREATE TABLE record_facts_vm AS
      SELECT f.*, u.village, date_trunc('month', f.event_on)::date AS month FROM record_facts f
      LEFT JOIN (SELECT id, split_part(path, '/', 4)::int AS village FROM org_units WHERE level IN ('village', 'group')) u ON u.id = f.org_unit_id`),
    );
    await c1.query('VACUUM ANALYZE record_facts_vm');
    const storedTwo = async () => {
      const [p, d] = await Promise.all([c1.query(factsQuery(county, 'plain', true, true)), c2.query(factsQuery(county, 'distinct', true, true))]);
      const m = new Map(d.rows.map((r) => [`${r.village}:${r.month}`, r]));
      return p.rows.map((r) => ({ ...r, households_checked: 0, assistance_recipients: 0, ...m.get(`${r.village}:${r.month}`) }));
    };
    const storedAll = check(expected, (await c1.query(factsQuery(county, 'all', true, true))).rows, BENCH_KEYS);
    await measure(
      '(a) village + month stored, one statement',
      () => c1.query(factsQuery(county, 'all', true, true)),
      REPS,
      `${storedAll} values = baseline`,
    );
    const storedTwoN = check(expected, await storedTwo(), BENCH_KEYS);
    await measure('(a) village + month stored, 2 statements at once', storedTwo, REPS, `${storedTwoN} values = baseline`);
    if (process.env.PATHS_EXPLAIN === '1') {
      for (const q of [factsQuery(county, 'plain', true, true), factsQuery(county, 'distinct', true, true)]) {
        console.log((await c1.query(`EXPLAIN (ANALYZE) ${q}`)).rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
    }

    // write cost: 100,000 records copied by INSERT … SELECT, with and without filling their slots (rolled back)
    const span = (await c1.query('SELECT min(id) AS lo, max(id) AS hi FROM ledger_records')).rows[0];
    const [minId, maxId] = [Number(span.lo), Number(span.hi)];
    const batch = Math.min(100_000, Math.floor((maxId - minId) / 2));
    // the last records are register records (no period, so no uniqueness to collide with)
    const range = `WHERE r.period IS NULL AND r.id > ${maxId - batch}`;
    const copy100k = `INSERT INTO ledger_records (township_id, ledger_id, org_unit_id, values, period, status, definition_version, deleted_at)
      SELECT township_id, ledger_id, org_unit_id, values, period, status, definition_version, deleted_at FROM ledger_records r ${range}`;
    const inTx = (c: pg.Client, sqls: string[]) => async () => {
      await c.query('BEGIN');
      try {
        for (const s of sqls) await c.query(s);
      } finally {
        await c.query('ROLLBACK');
      }
    };
    const copied = Number((await c1.query(`SELECT count(*) AS n FROM ledger_records r ${range}`)).rows[0].n);
    console.log(`the write measurements copy ${copied.toLocaleString('en-US')} register records`);
    await measure('(a) write: INSERT … SELECT 100,000 records (rolled back)', inTx(c1, [copy100k]), 3);
    await measure(
      '(a) write: the same + their slots (INSERT … SELECT, rolled back)',
      inTx(c1, [copy100k, `INSERT INTO record_facts ${factsSelect(county)} WHERE r.id > ${maxId}`]),
      3,
    );

    // ---- (b) versions --------------------------------------------------------------------------------------------
    const ledgerIds = KEYS.flatMap((k) => ids(county, k));
    await c1.query('ALTER TABLE ledgers ADD COLUMN data_version bigint NOT NULL DEFAULT 0');
    await measure(
      `(b) read versions of the ${ledgerIds.length} ledgers (ledgers.data_version)`,
      () => c1.query('SELECT id, data_version FROM ledgers WHERE id = ANY($1::int[])', [ledgerIds]),
      50,
    );
    const one = async (n: number) => {
      for (let i = 0; i < n; i++)
        await c1.query(`UPDATE ledger_records SET values = jsonb_set(values, '{note}', to_jsonb($1::int)), version = version + 1 WHERE id = $2`, [
          i,
          minId + ((i * 7919) % (maxId - minId)),
        ]);
    };
    await measure('(b) write, no trigger: INSERT … SELECT 100,000 (rolled back)', inTx(c1, [copy100k]), 3);
    await measure('(b) write, no trigger: 1,000 single-row UPDATEs (autocommit)', () => one(1000), 3);
    await c1.query(`
      CREATE FUNCTION bump_ledger_versions() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        UPDATE ledgers SET data_version = data_version + 1 WHERE id IN (SELECT DISTINCT ledger_id FROM changed);
        RETURN NULL; END $$;
      CREATE TRIGGER ledger_records_v_ins AFTER INSERT ON ledger_records REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_ledger_versions();
      CREATE TRIGGER ledger_records_v_upd AFTER UPDATE ON ledger_records REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_ledger_versions();
      CREATE TRIGGER ledger_records_v_del AFTER DELETE ON ledger_records REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_ledger_versions();`);
    await measure('(b) write, bump trigger: INSERT … SELECT 100,000 (rolled back)', inTx(c1, [copy100k]), 3);
    await measure('(b) write, bump trigger: 1,000 single-row UPDATEs (autocommit)', () => one(1000), 3);
    await c1.query(`DROP TRIGGER ledger_records_v_ins ON ledger_records; DROP TRIGGER ledger_records_v_upd ON ledger_records;
      DROP TRIGGER ledger_records_v_del ON ledger_records;`);

    // the alternative: an append-only change log, no row lock on ledgers; the version of a ledger = its last entry
    await c1.query(`
      CREATE TABLE ledger_changes (id bigserial PRIMARY KEY, ledger_id int NOT NULL);
      CREATE INDEX ledger_changes_ledger_idx ON ledger_changes (ledger_id, id);
      CREATE FUNCTION log_ledger_changes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        INSERT INTO ledger_changes (ledger_id) SELECT DISTINCT ledger_id FROM changed;
        RETURN NULL; END $$;
      CREATE TRIGGER ledger_records_l_ins AFTER INSERT ON ledger_records REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION log_ledger_changes();
      CREATE TRIGGER ledger_records_l_upd AFTER UPDATE ON ledger_records REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION log_ledger_changes();
      CREATE TRIGGER ledger_records_l_del AFTER DELETE ON ledger_records REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION log_ledger_changes();
      INSERT INTO ledger_changes (ledger_id) SELECT l FROM unnest('{${ledgerIds.join(',')}}'::int[]) l, generate_series(1, 200);
      ANALYZE ledger_changes;`);
    await measure("(b') write, log trigger: INSERT … SELECT 100,000 (rolled back)", inTx(c1, [copy100k]), 3);
    await measure("(b') write, log trigger: 1,000 single-row UPDATEs (autocommit)", () => one(1000), 3);
    const logRows = Number((await c1.query('SELECT count(*) AS n FROM ledger_changes')).rows[0].n);
    await measure(
      `(b') read versions of the ${ledgerIds.length} ledgers (max id per ledger, ${logRows.toLocaleString('en-US')} log rows)`,
      () => c1.query(`SELECT l, (SELECT max(id) FROM ledger_changes c WHERE c.ledger_id = l) FROM unnest($1::int[]) l`, [ledgerIds]),
      50,
    );

    // the warm read's other half: turning 60,720 cached values into the response body
    const items = expected.flatMap((r) =>
      BENCH_KEYS.map((k) => ({ indicator: k, orgUnit: String(r.village), period: r.month, value: r[k] === null ? null : Number(r[k]) })),
    );
    await measure(
      `(b) serialise ${items.length.toLocaleString('en-US')} cached items (JSON.stringify, Node)`,
      async () => JSON.stringify({ items }),
      10,
    );
  } finally {
    await c1.end();
    await c2.end();
  }
}

async function main(): Promise<void> {
  console.log(`Paths to 300 ms: ${RECORDS.toLocaleString('en-US')} records, ${os.cpus().length} cores, load average ${load()}`);
  await withScratchDatabase(baseUrl, 'zw_paths', async (url) => {
    const database = await openDatabase({ url });
    let county: County;
    try {
      await runMigrations(database);
      county = await buildCounty(database);
    } finally {
      await database.close();
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const n = await copyRecords(client, countyRecords(county, RECORDS));
      await client.query('VACUUM ANALYZE');
      console.log(`${n.toLocaleString('en-US')} records loaded; load average ${load()}`);
    } finally {
      await client.end();
    }
    await experiments(url, county);
  });
  printMarkdownTable(['measurement', 'median ms', 'samples', 'note', 'load average'], rowsOut);
}

await main();
