// Supervision tasks for a county-sized benchmark: BENCH_TASKS tasks (default 100,000) with 1–7 deadline nodes each
// (~4 on average: ~400,000 nodes) over the townships of bench/county-data.ts's county, all of them on the same fixed
// township date. Tasks go to villages (weighted by households), some to the township itself, and a few are split to
// 5–10 villages (a township parent and a copy per village, as createTask makes them); one in ten has a supporting
// village. Statuses, pauses, progress, late and delayed nodes and creation dates are spread so that every light
// occurs. Deterministic (seeded). Loaded with COPY on PostgreSQL, batched INSERTs (unnest of column arrays) on
// PGlite; the node summary and the copies' counts are then filled with one UPDATE … FROM (aggregate) each.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { queryRows, type Database } from '../src/server/db/connection.js';
import { arrayLiteral } from '../src/server/db/array-literal.js';
import { setFixedDate } from '../src/server/modules/org/index.js';
import { seededRandom } from '../demo/seeded-random.js';
import type { County } from './county-data.js';

/** Every township's fixed date: the lights are computed for it. */
export const BENCH_TODAY = '2022-06-30';
const TODAY_DAY = Date.parse(`${BENCH_TODAY}T00:00:00Z`) / 86_400_000;
const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const SOURCES = ['meeting', 'document', 'instruction', 'dispatch', 'quality', 'other'];
const TITLES = ['人居环境整治', '防汛物资清点', '高标准农田建设', '危房排查', '医保征缴', '森林防火巡查', '矛盾纠纷排查', '产业项目申报'];

type Cell = string | number | boolean | null;
interface Table {
  name: string;
  columns: string[];
  /** PostgreSQL array types of the columns, for unnest on PGlite. */
  types: string[];
  rows: Cell[][];
}

export interface UnitPaths {
  townships: { id: number; code: string; path: string; villages: { id: number; path: string; households: number }[] }[];
}

async function unitPaths(database: Database, county: County): Promise<UnitPaths> {
  const rows = await queryRows<{ id: number; path: string }>(database.db, sql`SELECT id, path FROM org_units WHERE level IN ('town', 'village')`);
  const pathOf = new Map(rows.map((r) => [r.id, r.path]));
  return {
    townships: county.townships.map((t) => ({
      id: t.id,
      code: t.code,
      path: pathOf.get(t.id)!,
      villages: t.villages.map((v) => ({ id: v.id, path: pathOf.get(v.id)!, households: v.households })),
    })),
  };
}

/** The rows of the three tables, with explicit task ids (1…n) so that nodes and copies can point at them. */
function supervisionRows(units: UnitPaths, total: number, seed: number): Table[] {
  const r = seededRandom(seed);
  const tasks: Table = {
    name: 'tasks',
    columns: [
      'id',
      'township_id',
      'parent_id',
      'title',
      'source',
      'lead_unit_id',
      'unit_path',
      'assigner_name',
      'status',
      'paused',
      'created_on',
      'done_on',
    ],
    types: ['int', 'int', 'int', 'text', 'text', 'int', 'text', 'text', 'text', 'boolean', 'date', 'date'],
    rows: [],
  };
  const nodes: Table = {
    name: 'task_nodes',
    columns: ['task_id', 'township_id', 'title', 'due', 'original_due', 'done_on', 'sort_order'],
    types: ['int', 'int', 'text', 'date', 'date', 'date', 'int'],
    rows: [],
  };
  const support: Table = {
    name: 'task_support_units',
    columns: ['task_id', 'township_id', 'org_unit_id', 'unit_path'],
    types: ['int', 'int', 'int', 'text'],
    rows: [],
  };
  const weights = units.townships.map((t) => t.villages.reduce((n, v) => n + v.households, 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  const pickVillage = (t: UnitPaths['townships'][number]) => {
    let x = r.next() * t.villages.reduce((n, v) => n + v.households, 0);
    for (const v of t.villages) if ((x -= v.households) < 0) return v;
    return t.villages[t.villages.length - 1];
  };
  let id = 0;

  /** One task and its nodes: a schedule from its creation, progress and status drawn so every light occurs. */
  const addTask = (
    townshipId: number,
    parentId: number | null,
    unit: { id: number; path: string },
    title: string,
    plan: { created: number; dues: number[] },
  ) => {
    id++;
    const roll = r.next();
    const status = roll < 0.3 ? 'done' : roll < 0.4 ? 'assigned' : roll < 0.5 ? 'signed' : roll < 0.9 ? 'in_progress' : 'completion_requested';
    const paused = status !== 'done' && r.next() < 0.06;
    const { created, dues } = plan;
    // Open tasks have done a prefix of their nodes: about what the schedule asks, sometimes less (behind), sometimes more.
    const dueByToday = dues.filter((d) => d < TODAY_DAY).length;
    const doneCount =
      status === 'done'
        ? dues.length
        : status === 'assigned'
          ? 0
          : Math.max(0, Math.min(dues.length, dueByToday + r.int(-1, 1) + (r.next() < 0.5 ? 0 : 1)));
    let lastDone = created;
    dues.forEach((due, i) => {
      const done = i < doneCount;
      const doneOn = done ? Math.max(created, Math.min(TODAY_DAY, due + r.int(-6, 3))) : null;
      if (doneOn !== null) lastDone = Math.max(lastDone, doneOn);
      // One open node in five had its deadline moved by an approved delay.
      const delayed = !done && r.next() < 0.2;
      nodes.rows.push([id, townshipId, `节点${i + 1}`, iso(due), iso(delayed ? due - r.int(3, 20) : due), doneOn === null ? null : iso(doneOn), i]);
    });
    tasks.rows.push([
      id,
      townshipId,
      parentId,
      title,
      r.pick(SOURCES),
      unit.id,
      unit.path,
      '镇党委书记',
      status,
      paused,
      iso(created),
      status === 'done' ? iso(lastDone) : null,
    ]);
    return id;
  };
  const plan = () => {
    const created = TODAY_DAY - r.int(0, 240);
    const count = r.int(1, 7);
    const span = r.int(5, 180);
    const shape = r.next();
    const dues = Array.from({ length: count }, (_, i) =>
      shape < 0.2
        ? // back-loaded: every node in the last fifth of the span, behind the even schedule (yellow) before they fall due
          created + span - r.int(0, Math.floor(span / 5))
        : created + Math.max(0, Math.round((span * (i + 1)) / count) - r.int(0, 3)),
    );
    // Some tasks have a node due within the next days (blue, unless something lights them first).
    if (shape > 0.92) dues[r.int(0, count - 1)] = Math.max(created, TODAY_DAY + r.int(0, 3));
    return { created, dues: dues.sort((a, b) => a - b) };
  };

  while (id < total) {
    let x = r.next() * sum;
    let ti = 0;
    while ((x -= weights[ti]) >= 0 && ti < weights.length - 1) ti++;
    const t = units.townships[ti];
    const title = `${r.pick(TITLES)}${id + 1}`;
    const kind = r.next();
    if (kind < 0.015 && total - id > 12) {
      // 到各村: a township parent and one copy per village, with the same nodes.
      const p = plan();
      const parent = addTask(t.id, null, t, title, p);
      const villages = [...t.villages].sort(() => r.next() - 0.5).slice(0, r.int(5, 10));
      for (const v of villages) addTask(t.id, parent, v, title, p);
    } else {
      const taskId = addTask(t.id, null, kind < 0.1 ? t : pickVillage(t), title, plan());
      if (r.next() < 0.1) {
        const v = pickVillage(t);
        support.rows.push([taskId, t.id, v.id, v.path]);
      }
    }
  }
  return [tasks, nodes, support];
}

const copyText = (v: Cell) =>
  v === null ? '\\N' : typeof v === 'boolean' ? (v ? 't' : 'f') : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t');

async function copyTable(client: pg.Client, table: Table) {
  const lines = function* () {
    for (let i = 0; i < table.rows.length; i += 10_000) {
      yield table.rows
        .slice(i, i + 10_000)
        .map((row) => row.map(copyText).join('\t') + '\n')
        .join('');
    }
  };
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table.name} (${table.columns.join(', ')}) FROM STDIN`)));
}

async function insertTable(database: Database, table: Table, batch = 5_000) {
  for (let start = 0; start < table.rows.length; start += batch) {
    const part = table.rows.slice(start, start + batch);
    const arrays = table.columns.map(
      (_, c) => sql`${arrayLiteral(part.map((row) => (typeof row[c] === 'boolean' ? (row[c] ? 't' : 'f') : row[c])))}::${sql.raw(table.types[c])}[]`,
    );
    await database.db.execute(
      sql`INSERT INTO ${sql.raw(table.name)} (${sql.raw(table.columns.join(', '))}) SELECT * FROM unnest(${sql.join(arrays, sql`, `)})`,
    );
  }
}

export interface SupervisionData {
  tasks: number;
  nodes: number;
  supports: number;
  units: UnitPaths;
}

/**
 * Loads the tasks (COPY through `client` when given, else batched INSERTs), fills the node summary and the split
 * tasks' counts in one statement each, fixes every township's date at BENCH_TODAY and analyses the tables.
 */
export async function loadSupervision(
  database: Database,
  county: County,
  total: number,
  client?: pg.Client,
  seed = 20220630,
): Promise<SupervisionData> {
  const units = await unitPaths(database, county);
  const [tasks, nodes, support] = supervisionRows(units, total, seed);
  for (const table of [tasks, nodes, support]) {
    if (client) await copyTable(client, table);
    else await insertTable(database, table);
  }
  await database.db.execute(sql`SELECT setval('tasks_id_seq', (SELECT max(id) FROM tasks))`);
  await database.db.execute(sql`
    UPDATE tasks t SET nodes_total = s.total, nodes_done = s.done, next_due = s.next_due,
           next_original_due = s.next_original_due, final_due = s.final_due
    FROM (SELECT n.task_id, count(*)::int AS total, count(n.done_on)::int AS done,
                 min(n.due) FILTER (WHERE n.done_on IS NULL) AS next_due,
                 min(n.original_due) FILTER (WHERE n.done_on IS NULL) AS next_original_due,
                 max(n.due) AS final_due
          FROM task_nodes n GROUP BY n.task_id) s
    WHERE t.id = s.task_id`);
  await database.db.execute(sql`
    UPDATE tasks t SET children_total = s.total, children_done = s.done
    FROM (SELECT c.parent_id, count(*)::int AS total, count(*) FILTER (WHERE c.status = 'done')::int AS done
          FROM tasks c WHERE c.parent_id IS NOT NULL AND c.deleted_at IS NULL GROUP BY c.parent_id) s
    WHERE t.id = s.parent_id`);
  for (const t of county.townships) await setFixedDate(database.db, t.code, BENCH_TODAY);
  await database.db.execute(sql`ANALYZE tasks, task_nodes, task_support_units`);
  return { tasks: tasks.rows.length, nodes: nodes.rows.length, supports: support.rows.length, units };
}
