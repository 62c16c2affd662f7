import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_LIGHTS, TASK_STATUSES, type TaskLight } from '../src/core/supervision.js';
import { buildApp, SESSION_COOKIE } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { queryRows } from '../src/server/db/connection.js';
import { openTestDatabase } from '../src/server/testing/test-app.js';
import { DEMO_SUPERVISION_SEED, DEMO_TODAY, loadDemoSupervision } from './demo-supervision.js';
import { loadDemoTownship } from './demo-township.js';

type TestDb = Awaited<ReturnType<typeof openTestDatabase>>;
const PASSWORD = 'Demo-pass-2022';

const count = (database: TestDb, query: ReturnType<typeof sql>) => queryRows<{ n: number }>(database.db, query).then((rows) => Number(rows[0].n));

/** Every stored value of the supervision tables, ids replaced by what they point at, in insertion order. */
const fingerprint = (database: TestDb) =>
  queryRows<Record<string, string>>(
    database.db,
    sql`SELECT
      (SELECT md5(string_agg(concat_ws('|', g.title, g.kind, g.owner_name, g.target_text, g.campaign,
              (SELECT string_agg(gi.indicator_key, ',' ORDER BY gi.sort_order) FROM goal_indicators gi WHERE gi.goal_id = g.id)), E'\n' ORDER BY g.id)) FROM goals g) AS goals,
      (SELECT md5(string_agg(concat_ws('|', p.name, p.category, u.code, p.leader_name, cg.name, p.planned_investment, p.completed_investment,
              p.start_date, p.end_date, p.status, g.title), E'\n' ORDER BY p.id))
         FROM projects p JOIN org_units u ON u.id = p.org_unit_id LEFT JOIN cadre_groups cg ON cg.id = p.cadre_group_id
         LEFT JOIN goals g ON g.id = p.goal_id) AS projects,
      (SELECT md5(string_agg(concat_ws('|', p.name, s.quarter, s.title, s.due, s.done_on), E'\n' ORDER BY s.id))
         FROM project_stages s JOIN projects p ON p.id = s.project_id) AS stages,
      (SELECT md5(string_agg(concat_ws('|', p.name, pu.body, pu.completed_investment, pu.actor_name, pu.created_at), E'\n' ORDER BY pu.id))
         FROM project_updates pu JOIN projects p ON p.id = pu.project_id) AS updates,
      (SELECT md5(string_agg(concat_ws('|', t.title, parent.title, t.source, t.source_ref, u.code, cg.name, t.responsible_name, t.assigner_name,
              t.status, t.paused, t.created_on, t.done_on, t.nodes_total, t.nodes_done, t.next_due, t.next_original_due, t.final_due,
              t.children_total, t.children_done, g.title, p.name), E'\n' ORDER BY t.id))
         FROM tasks t LEFT JOIN tasks parent ON parent.id = t.parent_id LEFT JOIN org_units u ON u.id = t.lead_unit_id
         LEFT JOIN cadre_groups cg ON cg.id = t.lead_group_id LEFT JOIN goals g ON g.id = t.goal_id LEFT JOIN projects p ON p.id = t.project_id) AS tasks,
      (SELECT md5(string_agg(concat_ws('|', n.title, n.due, n.original_due, n.done_on), E'\n' ORDER BY n.id)) FROM task_nodes n) AS nodes,
      (SELECT md5(string_agg(concat_ws('|', e.kind, e.transition, e.from_status, e.to_status, e.body, n.title, e.actor_name, e.created_at), E'\n' ORDER BY e.id))
         FROM task_events e LEFT JOIN task_nodes n ON n.id = e.node_id) AS events,
      (SELECT md5(string_agg(concat_ws('|', n.title, d.requested_due, d.reason, d.state, d.requested_by_name, d.decided_by_name), E'\n' ORDER BY d.id))
         FROM task_delays d JOIN task_nodes n ON n.id = d.node_id) AS delays`,
  ).then((rows) => rows[0]);

describe('demo supervision', () => {
  let database: TestDb;
  let seconds = 0;

  beforeAll(async () => {
    database = await openTestDatabase();
    const started = Date.now();
    await loadDemoTownship(database.db, { adminPassword: PASSWORD, demoPassword: PASSWORD });
    seconds = (Date.now() - started) / 1000;
  }, 300_000);

  afterAll(() => database?.dispose());

  it('holds the goals, key projects and tasks the half-year report names, at its size', async () => {
    const goals = await queryRows<{ kind: string; campaign: string | null; keys: string[] | null }>(
      database.db,
      sql`SELECT g.kind, g.campaign, array_agg(gi.indicator_key) FILTER (WHERE gi.indicator_key IS NOT NULL) AS keys
          FROM goals g LEFT JOIN goal_indicators gi ON gi.goal_id = g.id GROUP BY g.id ORDER BY g.sort_order`,
    );
    expect(goals.map((g) => g.kind)).toEqual(['focus', 'problem', 'innovation']);
    expect(goals[2].campaign).toBe('group_merge');
    // Linked indicators are those of the built-in library the township has installed.
    const unknown = await count(
      database,
      sql`SELECT count(*) AS n FROM goal_indicators gi WHERE NOT EXISTS (SELECT 1 FROM indicators i WHERE i.key = gi.indicator_key)`,
    );
    expect(unknown).toBe(0);
    expect(await count(database, sql`SELECT count(*) AS n FROM projects`)).toBeGreaterThanOrEqual(30);
    expect(await count(database, sql`SELECT count(*) AS n FROM project_stages`)).toBeGreaterThanOrEqual(120);
    expect(await count(database, sql`SELECT count(*) AS n FROM tasks`)).toBeGreaterThanOrEqual(200);
    // Every village leads tasks; a split task has a copy per village.
    const villagesWithout = await count(
      database,
      sql`SELECT count(*) AS n FROM org_units u WHERE u.level = 'village' AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.lead_unit_id = u.id)`,
    );
    expect(villagesWithout).toBe(0);
    const splits = await count(database, sql`SELECT count(*) AS n FROM tasks WHERE children_total = 17`);
    expect(splits).toBeGreaterThan(0);
    const delays = await queryRows<{ state: string }>(database.db, sql`SELECT DISTINCT state FROM task_delays ORDER BY 1`);
    expect(delays.map((d) => d.state)).toEqual(['approved', 'pending', 'refused']);
    const sources = await queryRows<{ source: string }>(database.db, sql`SELECT DISTINCT source FROM tasks ORDER BY 1`);
    expect(sources.map((s) => s.source)).toEqual(['dispatch', 'document', 'instruction', 'meeting']);
    console.log(`demo township (with supervision) loaded in ${seconds.toFixed(1)} s`);
  });

  it('shows every light and every status on 2022-06-30 through GET /api/tasks, as the loader computed them', async () => {
    const app = await buildApp({ database, config: { ...loadConfig({}), dataDir: '/nonexistent' } });
    await app.ready();
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'shuji', password: PASSWORD } });
      const cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
      const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie } });
      const list = await get('/api/tasks?pageSize=5');
      expect(list.statusCode, list.body).toBe(200);
      const body = list.json() as { today: string; total: number; lights: Record<TaskLight, number> };
      expect(body.today).toBe(DEMO_TODAY);
      for (const light of TASK_LIGHTS) expect(body.lights[light], light).toBeGreaterThan(0);
      // The SQL lights (from the stored node summaries) agree with core taskLight over the generated nodes.
      const [entry] = await queryRows<{ after: { lights: Record<TaskLight, number> } }>(
        database.db,
        sql`SELECT after FROM audit_log WHERE action = 'supervision.demo'`,
      );
      expect(body.lights).toEqual(entry.after.lights);
      for (const status of TASK_STATUSES) {
        const res = (await get(`/api/tasks?status=${status}&pageSize=1`)).json() as { total: number };
        expect(res.total, status).toBeGreaterThan(0);
      }
      // Grey covers both the unsigned and the paused; green both on time and late.
      expect(await count(database, sql`SELECT count(*) AS n FROM tasks WHERE paused`)).toBeGreaterThan(0);
      expect(await count(database, sql`SELECT count(*) AS n FROM tasks WHERE status = 'done' AND done_on > final_due`)).toBeGreaterThan(0);
      expect(await count(database, sql`SELECT count(*) AS n FROM tasks WHERE status = 'done' AND done_on <= final_due`)).toBeGreaterThan(0);
      // Details pass the response contract: a split task with its copies, tasks with delays, a key project.
      const details = await queryRows<{ id: number }>(
        database.db,
        sql`(SELECT id FROM tasks WHERE children_total > 0 ORDER BY id LIMIT 1) UNION (SELECT DISTINCT task_id FROM task_delays)`,
      );
      for (const { id } of details) {
        const detail = await get(`/api/tasks/${id}`);
        expect(detail.statusCode, detail.body).toBe(200);
      }
      const project = await count(database, sql`SELECT min(id) AS n FROM projects`);
      const projectDetail = await get(`/api/projects/${project}`);
      expect(projectDetail.statusCode, projectDetail.body).toBe(200);
      expect((projectDetail.json() as { stages: unknown[]; updates: unknown[] }).stages).toHaveLength(4);
      // Progress reports carry site photos that open as PNGs, filed under the task's village.
      const [withPhoto] = await queryRows<{ taskId: number }>(
        database.db,
        sql`SELECT task_id AS "taskId" FROM task_events WHERE jsonb_array_length(attachment_ids) > 0 ORDER BY id LIMIT 1`,
      );
      const photoTask = (await get(`/api/tasks/${withPhoto.taskId}`)).json() as { events: { attachments: { id: string; mimeType: string }[] }[] };
      const photo = photoTask.events.flatMap((e) => e.attachments)[0];
      expect(photo.mimeType).toBe('image/png');
      const bytes = await get(`/api/attachments/${photo.id}`);
      expect(bytes.statusCode).toBe(200);
      expect(bytes.rawPayload.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(await count(database, sql`SELECT count(*) AS n FROM attachments WHERE file_name LIKE '现场照片%'`)).toBeGreaterThan(20);
      const goals = await get('/api/goals?year=2022');
      expect(goals.statusCode, goals.body).toBe(200);
      const projects = await get('/api/projects?pageSize=100');
      expect(projects.statusCode, projects.body).toBe(200);
      expect((projects.json() as { total: number }).total).toBeGreaterThanOrEqual(30);
    } finally {
      await app.close();
    }
  });

  it('loads the same data again from the same seed', async () => {
    const first = await fingerprint(database);
    const township = await count(database, sql`SELECT id AS n FROM org_units WHERE code = '430681105000'`);
    const summary = await database.db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM tasks`);
      await tx.execute(sql`DELETE FROM projects`);
      await tx.execute(sql`DELETE FROM goals`);
      await tx.execute(sql`DELETE FROM attachments WHERE file_name LIKE '现场照片%'`);
      return loadDemoSupervision(tx, township, DEMO_SUPERVISION_SEED);
    });
    expect(await fingerprint(database)).toEqual(first);
    console.log(`supervision loaded in ${summary.milliseconds} ms: ${summary.projects} projects, ${summary.tasks} tasks, ${summary.events} events`);
  });
});
