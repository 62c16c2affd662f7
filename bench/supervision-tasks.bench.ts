// Benchmark: the supervision task list with its lights (督办, issue 10) and the two 工作台 cards, read through the product
// (GET /api/tasks, app.inject) by a leader scoped at the county and by a village cadre, against ONE hand-written SQL
// statement per request that computes each task's light by the same rule directly from task_nodes (not from the node
// summary the product keeps on the task) and returns the same page and the same counts by light, in the same run on
// the same data: the county of bench/county-data.ts with 20 townships, 100,000 tasks and ~400,000 nodes
// (supervision-data.ts). Both answers (ids and lights of the page, the total, the counts by light) are compared first;
// a difference stops the benchmark.
// The list is per township (requireTownship): the county leader reads the largest township (township=<code>), as the
// web would after choosing it; the village cadre reads his township, where he sees his village's tasks.
// Targets (issue 10): on PostgreSQL each request takes no more than 2x its baseline, and under 300 ms.
// Then the daily reminder job (催办, issue 10): every township gets a village cadre per village and a leader (their
// handlers), `runReminders` runs every township's day (2022-06-30) and is timed; a second run must create nothing.
// What it created is compared with a hand-written SQL count of (open node due within 3 days or overdue, handler)
// pairs plus one digest per user. Target (issue 10): < 5 s on PostgreSQL, and 0 notifications on the second run.
// Run: npx tsx bench/supervision-tasks.bench.ts
//   env: TEST_DATABASE_URL / DATABASE_URL, BENCH_TASKS (default 100,000), BENCH_PGLITE_TASKS (default 20,000),
//        BENCH_REPS (default 7), BENCH_BACKENDS (default "postgresql,pglite"),
//        BENCH_EXPLAIN=1 (PostgreSQL: EXPLAIN ANALYZE of the product's task statements and of the baselines)
// It is a measurement, not a test: it exits 0 whatever the figures, and 1 when the two answers differ.
process.env.LOG_LEVEL ??= 'warn';
import os from 'node:os';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { buildApp, SESSION_COOKIE } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openDatabase, queryRows, runMigrations, type Database } from '../src/server/db/connection.js';
import { arrayLiteral } from '../src/server/db/array-literal.js';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/audit.service.js';
import { buildUser, TEST_PASSWORD } from '../src/server/testing/builders.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { DUE_SOON_DAYS, TASK_LIGHTS, type TaskLight } from '../src/core/supervision.js';
import { buildCounty, type County } from './county-data.js';
import { BENCH_TODAY, loadSupervision, type SupervisionData } from './supervision-data.js';
import { runReminders } from '../src/server/modules/notifications/index.js';
import { captureStatements, emitResult, median, timed, withScratchDatabase } from './bench-kit.js';
import { printMarkdownTable } from './markdown-table.js';

const TARGET_RATIO = 2;
const TARGET_MS = 300;
const REMINDER_TARGET_MS = 5_000;
const TOWNSHIPS = 20;
const TASKS = Math.max(100, Number(process.env.BENCH_TASKS ?? 100_000));
const PGLITE_TASKS = Math.max(100, Number(process.env.BENCH_PGLITE_TASKS ?? 20_000));
const REPS = Math.max(1, Number(process.env.BENCH_REPS ?? 7));
const BACKENDS = (process.env.BENCH_BACKENDS ?? 'postgresql,pglite').split(',').map((b) => b.trim());
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const baseUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const OPEN = ['assigned', 'signed', 'in_progress', 'completion_requested'];
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

// ---- the baseline: one statement, lights from the nodes -----------------------------------------------------------

/** What a request asks, as the baseline needs it spelled out: who reads (his scopes), and the filters. */
interface Ask {
  townshipId: number;
  userId: number;
  /** Subtrees where the reader holds task.read / task.handle. */
  readPaths: string[];
  handlePaths: string[];
  mine: boolean;
  statuses?: string[];
  lights?: TaskLight[];
  page: number;
  pageSize: number;
}

interface Answer {
  items: { id: number; light: TaskLight }[];
  total: number;
  lights: Record<TaskLight, number>;
}

/** The page, the total and the counts by light, in one statement that reads the nodes themselves. */
function baselineSql(a: Ask): SQL {
  const d = sql`${BENCH_TODAY}::date`;
  const read = arrayLiteral(a.readPaths.map((p) => `${p}%`));
  const handle = arrayLiteral(a.handlePaths.map((p) => `${p}%`));
  const noGroups = '{}'; // the benchmark's readers belong to no cadre group
  const span = sql`(final_due - created_on)`;
  return sql`
    WITH v AS (
      SELECT t.id, t.status, t.paused, t.created_on FROM tasks t
      WHERE t.township_id = ${a.townshipId} AND t.deleted_at IS NULL
        AND (t.unit_path LIKE ANY(${read}::text[])
             OR EXISTS (SELECT 1 FROM task_support_units su WHERE su.task_id = t.id
                        AND (su.unit_path LIKE ANY(${read}::text[]) OR su.cadre_group_id = ANY(${noGroups}::int[])))
             OR t.lead_group_id = ANY(${noGroups}::int[]) OR t.responsible_user_id = ${a.userId} OR t.assigner_id = ${a.userId})
        ${a.statuses ? sql`AND t.status = ANY(${arrayLiteral(a.statuses)}::text[])` : sql``}
        ${
          a.mine
            ? sql`AND ((t.lead_unit_id IS NOT NULL AND t.unit_path LIKE ANY(${handle}::text[])
                        AND NOT EXISTS (SELECT 1 FROM tasks c WHERE c.parent_id = t.id AND c.deleted_at IS NULL))
                       OR t.lead_group_id = ANY(${noGroups}::int[]) OR t.responsible_user_id = ${a.userId})`
            : sql``
        }
    ), s AS (
      SELECT v.id, v.status, v.paused, v.created_on, count(n.id) AS total, count(n.done_on) AS done,
             min(n.due) FILTER (WHERE n.done_on IS NULL) AS next_due,
             min(n.original_due) FILTER (WHERE n.done_on IS NULL) AS next_original_due, max(n.due) AS final_due
      FROM v LEFT JOIN task_nodes n ON n.task_id = v.id
      GROUP BY v.id, v.status, v.paused, v.created_on
    ), l AS (
      SELECT id, next_due, CASE
        WHEN status = 'done' THEN 'green'
        WHEN paused THEN 'grey'
        WHEN next_due < ${d} THEN 'red'
        WHEN next_original_due < ${d}
          OR done < CASE WHEN total = 0 OR final_due IS NULL OR ${span} <= 0 THEN 0
                         ELSE floor(total * LEAST(GREATEST(${d} - created_on, 0), ${span})::numeric / (${span} + 1)) END THEN 'yellow'
        WHEN next_due - ${d} <= ${DUE_SOON_DAYS} THEN 'blue'
        WHEN status = 'assigned' THEN 'grey'
        ELSE 'normal' END AS light
      FROM s
    )
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'light', p.light) ORDER BY p.o, p.next_due NULLS LAST, p.id DESC), '[]'::json)
       FROM (SELECT id, light, next_due, array_position(${arrayLiteral([...TASK_LIGHTS])}::text[], light) AS o FROM l
             ${a.lights ? sql`WHERE light = ANY(${arrayLiteral(a.lights)}::text[])` : sql``}
             ORDER BY o, next_due NULLS LAST, id DESC LIMIT ${a.pageSize} OFFSET ${(a.page - 1) * a.pageSize}) p) AS items,
      (SELECT COALESCE(json_object_agg(light, n), '{}'::json) FROM (SELECT light, count(*)::int AS n FROM l GROUP BY light) c) AS counts`;
}

async function runBaseline(database: Database, a: Ask): Promise<Answer> {
  const [row] = await queryRows<{ items: Answer['items'] | string; counts: Record<string, number> | string }>(database.db, baselineSql(a));
  const items = typeof row.items === 'string' ? (JSON.parse(row.items) as Answer['items']) : row.items;
  const counts = typeof row.counts === 'string' ? (JSON.parse(row.counts) as Record<string, number>) : row.counts;
  const lights = Object.fromEntries(TASK_LIGHTS.map((l) => [l, counts[l] ?? 0])) as Record<TaskLight, number>;
  const total = TASK_LIGHTS.filter((l) => !a.lights || a.lights.includes(l)).reduce((n, l) => n + lights[l], 0);
  return { items, total, lights };
}

/** Throws with the differences between the product's answer and the baseline's. */
function compare(what: string, product: Answer, baseline: Answer): void {
  const wrong: string[] = [];
  if (product.total !== baseline.total) wrong.push(`total: product ${product.total}, baseline ${baseline.total}`);
  for (const l of TASK_LIGHTS)
    if (product.lights[l] !== baseline.lights[l]) wrong.push(`${l} count: product ${product.lights[l]}, baseline ${baseline.lights[l]}`);
  const p = product.items.map((i) => `${i.id}:${i.light}`).join(' ');
  const b = baseline.items.map((i) => `${i.id}:${i.light}`).join(' ');
  if (p !== b) wrong.push(`page:\n    product  ${p}\n    baseline ${b}`);
  if (wrong.length) throw new Error(`the product and the baseline differ for ${what}:\n  ${wrong.join('\n  ')}`);
}

// ---- the reminder job ---------------------------------------------------------------------------------------------

interface ReminderResult {
  /** The handlers created for the job: a village cadre per village, a leader per township. */
  handlers: number;
  firstMs: number;
  secondMs: number;
  townshipsRun: number;
  notifications: number;
  secondRunNotifications: number;
  expected: { pairs: number; digests: number; dueSoon: number; overdue: number };
}

/** A village cadre for every village and a leader for every township, inserted directly (no password hashing). */
async function buildHandlers(database: Database): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`WITH units AS (
          SELECT id, name, level, CASE WHEN level = 'town' THEN id ELSE township_id END AS township_id
          FROM org_units WHERE level IN ('town', 'village')
        ), u AS (
          INSERT INTO users (township_id, username, display_name, password_hash)
          SELECT township_id, 'remind_' || id, name || CASE WHEN level = 'town' THEN '领导' ELSE '村干部' END, 'not-a-hash' FROM units
          RETURNING id, username
        ), r AS (
          INSERT INTO user_roles (user_id, role, org_unit_id)
          SELECT u.id, CASE WHEN units.level = 'town' THEN 'leader' ELSE 'village_cadre' END, units.id
          FROM u JOIN units ON u.username = 'remind_' || units.id
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM r`,
  );
  return row.n;
}

/**
 * What the job should create, counted by hand in one statement: each (open node of an open, running leaf task due
 * on or before today + 3 days, user) pair where the user is a live account of the township whose approved role
 * carries task.handle on a scope covering the task's unit — the township's scope only for a township-led task —
 * or the responsible person, or (overdue nodes) the assigner; plus one digest per user and township. The data
 * has no cadre groups and no group leaders, so those paths of the product are not exercised here.
 */
async function expectedReminders(database: Database) {
  const handleRoles = arrayLiteral(['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker']);
  const [row] = await queryRows<ReminderResult['expected'] & { groupLeaders: number }>(
    database.db,
    sql`WITH due AS (
          SELECT t.id AS task_id, n.id AS node_id, t.township_id, t.unit_path, t.assigner_id, t.responsible_user_id,
                 n.due < ${BENCH_TODAY}::date AS overdue
          FROM task_nodes n JOIN tasks t ON t.id = n.task_id
          WHERE t.deleted_at IS NULL AND t.status <> 'done' AND NOT t.paused AND t.children_total = 0
            AND n.done_on IS NULL AND n.due <= ${BENCH_TODAY}::date + ${DUE_SOON_DAYS}::int
        ), pairs AS (
          SELECT d.node_id, d.township_id, d.overdue, u.id AS user_id
          FROM due d JOIN users u ON u.township_id = d.township_id AND u.disabled_at IS NULL
          JOIN user_roles r ON r.user_id = u.id AND r.approved_at IS NOT NULL AND r.role = ANY(${handleRoles}::text[])
          JOIN org_units s ON s.id = r.org_unit_id
          JOIN org_units tw ON tw.id = d.township_id
          WHERE d.unit_path LIKE s.path || '%' AND (s.path <> tw.path OR d.unit_path = tw.path)
          UNION SELECT node_id, township_id, overdue, responsible_user_id FROM due WHERE responsible_user_id IS NOT NULL
          UNION SELECT node_id, township_id, overdue, assigner_id FROM due WHERE overdue AND assigner_id IS NOT NULL
        )
        SELECT (SELECT count(*)::int FROM pairs) AS pairs,
               (SELECT count(DISTINCT (township_id, user_id))::int FROM pairs) AS digests,
               (SELECT count(*)::int FROM pairs WHERE NOT overdue) AS "dueSoon",
               (SELECT count(*)::int FROM pairs WHERE overdue) AS overdue,
               (SELECT count(*)::int FROM user_roles WHERE role = 'group_leader') AS "groupLeaders"`,
  );
  if (row.groupLeaders > 0) throw new Error('the data set has group leaders: the hand-written count does not cover them');
  return { pairs: row.pairs, digests: row.digests, dueSoon: row.dueSoon, overdue: row.overdue };
}

async function measureReminders(backend: string, database: Database): Promise<ReminderResult> {
  const handlers = await buildHandlers(database);
  const expected = await expectedReminders(database);
  const first = await timed(() => runReminders(database.db));
  const second = await timed(() => runReminders(database.db));
  const sum = (runs: Awaited<ReturnType<typeof runReminders>>) => runs.reduce((n, r) => n + r.notifications, 0);
  const [byKind] = await queryRows<{ dueSoon: number; overdue: number; digests: number }>(
    database.db,
    sql`SELECT count(*) FILTER (WHERE kind = 'due_soon')::int AS "dueSoon", count(*) FILTER (WHERE kind = 'overdue')::int AS overdue,
               count(*) FILTER (WHERE kind = 'digest')::int AS digests FROM notifications`,
  );
  const result: ReminderResult = {
    handlers,
    firstMs: first.ms,
    secondMs: second.ms,
    townshipsRun: first.value.filter((r) => r.ran).length,
    notifications: sum(first.value),
    secondRunNotifications: sum(second.value),
    expected,
  };
  console.log(
    `${backend}: reminders for ${result.townshipsRun} townships' day in ${(first.ms / 1000).toFixed(2)} s: ${result.notifications.toLocaleString('en-US')} ` +
      `notifications (due_soon ${byKind.dueSoon}, overdue ${byKind.overdue}, digests ${byKind.digests}); hand-written count: ` +
      `${expected.pairs.toLocaleString('en-US')} (node, handler) pairs (due_soon ${expected.dueSoon}, overdue ${expected.overdue}) + ` +
      `${expected.digests} digests; second run ${(second.ms / 1000).toFixed(2)} s, ${result.secondRunNotifications} notifications`,
  );
  const wrong: string[] = [];
  if (byKind.dueSoon !== expected.dueSoon) wrong.push(`due_soon: product ${byKind.dueSoon}, hand count ${expected.dueSoon}`);
  if (byKind.overdue !== expected.overdue) wrong.push(`overdue: product ${byKind.overdue}, hand count ${expected.overdue}`);
  if (byKind.digests !== expected.digests) wrong.push(`digests: product ${byKind.digests}, hand count ${expected.digests}`);
  if (result.notifications !== expected.pairs + expected.digests)
    wrong.push(`created ${result.notifications}, expected ${expected.pairs + expected.digests}`);
  if (result.secondRunNotifications !== 0) wrong.push(`the second run created ${result.secondRunNotifications}`);
  if (wrong.length) throw new Error(`the reminder job and the hand-written count differ:\n  ${wrong.join('\n  ')}`);
  return result;
}

// ---- one backend ------------------------------------------------------------------------------------------------

interface Scenario {
  user: string;
  request: string;
  url: string;
  ask: Ask;
  /** Tasks the reader sees in the township (the unfiltered total). */
  productMs: number[];
  baselineMs: number[];
  total: number;
}

interface Result {
  backend: string;
  data: SupervisionData;
  loadMs: number;
  setupMs: number;
  scenarios: Scenario[];
  reminders?: ReminderResult;
  explain?: string[];
}

async function explain(database: Database, label: string, statements: { text: string; values: unknown[] }[]): Promise<string[]> {
  const out: string[] = [];
  for (const s of statements) {
    const { rows } = await database.pool!.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, values: s.values });
    out.push(`${label}: ${s.text.replace(/\s+/g, ' ').slice(0, 300)}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
  return out;
}

async function measureBackend(backend: string, database: Database, loadTasks: (county: County) => Promise<SupervisionData>): Promise<Result> {
  const system: ServiceContext = {
    db: database.db,
    principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
    actor: SYSTEM_ACTOR,
    townshipId: null,
  };
  const setup = await timed(async () => {
    await runMigrations(database);
    return buildCounty(database, TOWNSHIPS);
  });
  const county = setup.value;
  const loaded = await timed(() => loadTasks(county));
  const data = loaded.value;
  console.log(
    `${backend}: ${county.townships.length} townships, ${county.villages} villages; ${data.tasks.toLocaleString('en-US')} tasks, ` +
      `${data.nodes.toLocaleString('en-US')} nodes, ${data.supports.toLocaleString('en-US')} supporting units loaded and summarised in ` +
      `${(loaded.ms / 1000).toFixed(1)} s (org and ledgers ${(setup.ms / 1000).toFixed(1)} s); load average ${load()}`,
  );

  // The largest township, and its village with the most tasks led there.
  const [biggest] = await queryRows<{ townshipId: number; n: number }>(
    database.db,
    sql`SELECT township_id AS "townshipId", count(*)::int AS n FROM tasks GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
  );
  const township = data.units.townships.find((t) => t.id === biggest.townshipId)!;
  const [busiest] = await queryRows<{ unitId: number }>(
    database.db,
    sql`SELECT lead_unit_id AS "unitId" FROM tasks WHERE township_id = ${township.id} AND lead_unit_id <> ${township.id}
        GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
  );
  const village = township.villages.find((v) => v.id === busiest.unitId)!;
  const villageCode = county.townships.flatMap((t) => t.villages).find((v) => v.id === village.id)!.code;
  const [countyUnit] = await queryRows<{ path: string }>(database.db, sql`SELECT path FROM org_units WHERE id = ${county.id}`);
  const leader = await buildUser(system, 'xianzhang', [{ role: 'leader', orgUnitCode: county.code }], '县领导');
  const cadre = await buildUser(system, 'cungan', [{ role: 'village_cadre', orgUnitCode: villageCode }], '村干部');

  const app = await buildApp({ database, config: { ...loadConfig({}), dataDir: '/nonexistent' } });
  await app.ready();
  try {
    const cookieOf = async (username: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
      if (login.statusCode !== 200) throw new Error(`login of ${username} failed: ${login.statusCode} ${login.body}`);
      return `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
    };
    const readers = [
      { user: 'county leader', cookie: await cookieOf('xianzhang'), id: leader.id, path: countyUnit.path, township: `township=${township.code}&` },
      { user: 'village cadre', cookie: await cookieOf('cungan'), id: cadre.id, path: village.path, township: '' },
    ];
    // The requests the web makes: the list (red tab, and unfiltered), and the 工作台's two cards as their components ask.
    const requests = [
      { request: 'list light=red', query: 'light=red&page=1&pageSize=20', lights: ['red'] as TaskLight[], page: 1, pageSize: 20 },
      { request: 'list, unfiltered', query: 'page=1&pageSize=20', page: 1, pageSize: 20 },
      {
        request: 'card 我的任务 (mine=handle, open)',
        query: `mine=handle&status=${OPEN.join(',')}&page=1&pageSize=5`,
        mine: true,
        statuses: OPEN,
        page: 1,
        pageSize: 5,
      },
      {
        request: 'card 逾期/即将到期 (light=red,blue)',
        query: 'light=red,blue&page=1&pageSize=6',
        lights: ['red', 'blue'] as TaskLight[],
        page: 1,
        pageSize: 6,
      },
    ];
    const scenarios: Scenario[] = readers.flatMap((reader) =>
      requests.map((q) => ({
        user: reader.user,
        request: q.request,
        url: `/api/tasks?${reader.township}${q.query}`,
        ask: {
          townshipId: township.id,
          userId: reader.id,
          readPaths: [reader.path],
          handlePaths: [reader.path],
          mine: q.mine ?? false,
          statuses: q.statuses,
          lights: q.lights,
          page: q.page,
          pageSize: q.pageSize,
        },
        productMs: [],
        baselineMs: [],
        total: 0,
      })),
    );
    const cookies = new Map(readers.map((r) => [r.user, r.cookie]));
    const product = async (s: Scenario): Promise<Answer> => {
      const res = await app.inject({ method: 'GET', url: s.url, headers: { cookie: cookies.get(s.user)! } });
      if (res.statusCode !== 200) throw new Error(`${s.url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
      const body = res.json() as Answer & { today: string };
      if (body.today !== BENCH_TODAY) throw new Error(`the township's today is ${body.today}, expected ${BENCH_TODAY}`);
      return body;
    };

    // Warm-up and the check: both answers equal for every request; every light occurs in the leader's list.
    for (const s of scenarios) {
      const answer = await product(s);
      compare(`${s.user}, ${s.request}`, answer, await runBaseline(database, s.ask));
      s.total = TASK_LIGHTS.reduce((n, l) => n + answer.lights[l], 0);
      if (s.user === 'county leader' && s.request === 'list, unfiltered') {
        console.log(
          `${backend}: the county leader's list of the largest township by light: ${TASK_LIGHTS.map((l) => `${l} ${answer.lights[l]}`).join(', ')}`,
        );
        const missing = TASK_LIGHTS.filter((l) => answer.lights[l] === 0);
        if (missing.length) throw new Error(`no task lights ${missing.join(', ')}: the data set is not what the benchmark expects`);
      }
    }
    process.stdout.write(`${backend}: ${scenarios.length} requests give the same pages and counts as the baseline; runs`);
    for (let i = 0; i < REPS; i++) {
      for (const s of scenarios) {
        s.productMs.push((await timed(() => product(s))).ms);
        s.baselineMs.push((await timed(() => runBaseline(database, s.ask))).ms);
      }
      process.stdout.write(` ${i + 1}`);
    }
    process.stdout.write(`; load average ${load()}\n`);
    const result: Result = { backend, data, loadMs: loaded.ms, setupMs: setup.ms, scenarios };
    if (EXPLAIN && database.pool) {
      result.explain = [];
      for (const s of scenarios) {
        const all = await captureStatements(database, () => product(s));
        result.explain.push(
          `${s.user}, ${s.request}, product: ${all.length} statements\n${all.map((st) => `  ${st.text.replace(/\s+/g, ' ').slice(0, 160)}`).join('\n')}`,
        );
        const statements = all.filter((st) => /FROM tasks t/.test(st.text));
        result.explain.push(...(await explain(database, `${s.user}, ${s.request}, product`, statements)));
        const baseline = await captureStatements(database, () => runBaseline(database, s.ask));
        result.explain.push(...(await explain(database, `${s.user}, ${s.request}, baseline`, baseline)));
      }
    }
    // Last: it adds accounts and notifications the list requests above do not read.
    result.reminders = await measureReminders(backend, database);
    return result;
  } finally {
    await app.close();
  }
}

// ---- backends -----------------------------------------------------------------------------------------------------

async function postgres(): Promise<Result> {
  return withScratchDatabase(baseUrl, 'zw_bench', async (url) => {
    const database = await openDatabase({ url });
    database.pool?.on('error', () => undefined);
    try {
      return await measureBackend('postgresql', database, async (county) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return await loadSupervision(database, county, TASKS, client);
        } finally {
          await client.end();
        }
      });
    } finally {
      await database.close();
    }
  });
}

async function pglite(): Promise<Result> {
  const database = await openDatabase({});
  try {
    return await measureBackend('pglite', database, (county) => loadSupervision(database, county, PGLITE_TASKS));
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  console.log(
    `Supervision tasks: the list with lights and the 工作台 cards, ${TOWNSHIPS} townships, today ${BENCH_TODAY}; median of ${REPS} runs ` +
      `after a warm-up; ${os.cpus().length} cores, load average ${load()}`,
  );
  console.log('Product: GET /api/tasks?… (app.inject); baseline = one SQL statement, lights from task_nodes, same page and counts');
  const results: Result[] = [];
  if (BACKENDS.includes('postgresql')) {
    try {
      results.push(await postgres());
    } catch (e) {
      if (/differ|expects|hand-written/.test((e as Error).message)) throw e;
      console.error(`\nPostgreSQL skipped: ${(e as Error).message}`);
    }
  }
  if (BACKENDS.includes('pglite')) results.push(await pglite());

  printMarkdownTable(
    [
      'backend',
      'tasks',
      'reader',
      'request',
      'visible',
      'product ms (HTTP)',
      'baseline ms (1 SQL)',
      'product/baseline',
      `<= ${TARGET_RATIO}x`,
      `< ${TARGET_MS} ms`,
    ],
    results.flatMap((r) =>
      r.scenarios.map((s) => {
        const [p, b] = [median(s.productMs), median(s.baselineMs)];
        const targeted = r.backend === 'postgresql';
        const verdict = (pass: boolean) => (targeted ? (pass ? 'PASS' : 'FAIL') : '(not targeted)');
        emitResult({
          bench: 'supervision-tasks',
          case: `${r.backend}, ${s.user}, ${s.request}`,
          figure: p,
          unit: 'ms',
          baseline: b,
          ratio: p / b,
          target: targeted ? `<= ${TARGET_RATIO}x, < ${TARGET_MS} ms` : undefined,
          pass: targeted ? p / b <= TARGET_RATIO && p < TARGET_MS : undefined,
        });
        return [
          r.backend,
          r.data.tasks.toLocaleString('en-US'),
          s.user,
          s.request,
          s.total.toLocaleString('en-US'),
          p.toFixed(1),
          b.toFixed(1),
          `${(p / b).toFixed(2)}x`,
          verdict(p / b <= TARGET_RATIO),
          verdict(p < TARGET_MS),
        ];
      }),
    ),
  );
  for (const r of results) {
    for (const s of r.scenarios) {
      const samples = s.productMs.map((p, i) => `${p.toFixed(0)}/${s.baselineMs[i].toFixed(0)}`).join(', ');
      console.log(`${r.backend} ${s.user}, ${s.request} (product/baseline ms): ${samples}`);
    }
  }
  console.log("\nReminder job: runReminders over every township's day, then again");
  printMarkdownTable(
    [
      'backend',
      'tasks',
      'handlers',
      'townships',
      'created',
      'hand-written count',
      'first run ms',
      `< ${REMINDER_TARGET_MS / 1000} s`,
      'second run ms',
      'second run created',
    ],
    results
      .filter((r) => r.reminders)
      .map((r) => {
        const m = r.reminders!;
        const targeted = r.backend === 'postgresql';
        emitResult({
          bench: 'supervision-reminders',
          case: `${r.backend}, first run, ${m.townshipsRun} townships`,
          figure: m.firstMs,
          unit: 'ms',
          target: targeted ? `< ${REMINDER_TARGET_MS / 1000} s` : undefined,
          pass: targeted ? m.firstMs < REMINDER_TARGET_MS : undefined,
        });
        return [
          r.backend,
          r.data.tasks.toLocaleString('en-US'),
          m.handlers.toLocaleString('en-US'),
          String(m.townshipsRun),
          m.notifications.toLocaleString('en-US'),
          `${m.expected.pairs.toLocaleString('en-US')} + ${m.expected.digests} digests`,
          m.firstMs.toFixed(0),
          targeted ? (m.firstMs < REMINDER_TARGET_MS ? 'PASS' : 'FAIL') : '(not targeted)',
          m.secondMs.toFixed(0),
          String(m.secondRunNotifications),
        ];
      }),
  );
  console.log(`load average at the end ${load()}`);
  for (const r of results) for (const plan of r.explain ?? []) console.log(`\n---- ${r.backend} EXPLAIN ANALYZE ${plan}`);
}

await main();
