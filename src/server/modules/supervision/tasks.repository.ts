// SQL of supervision tasks: the task rows with their node summary, nodes, supporting units, history and delays,
// and the list whose lights are computed in SQL by the same rule as core/supervision.ts `taskLight` (a test
// holds the two equal), so that a county's list filters and pages by light in the database.
import { sql, type SQL } from 'drizzle-orm';
import { DUE_SOON_DAYS, type TaskLight } from '../../../core/supervision.js';
import { queryRows, type Queryable } from '../../db/connection.js';
import { arrayLiteral } from '../../db/array-literal.js';
import { taskEvents, taskNodes, tasks, taskSupportUnits } from '../../db/schema.js';

/** The light of task `t` on `today`, as SQL: core/supervision.ts taskLight, clause by clause. */
export function lightSql(today: string): SQL<TaskLight> {
  const d = sql`${today}::date`;
  const span = sql`(t.final_due - t.created_on)`;
  const planned = sql`CASE WHEN t.nodes_total = 0 OR t.final_due IS NULL OR ${span} <= 0 THEN 0
    ELSE floor(t.nodes_total * LEAST(GREATEST(${d} - t.created_on, 0), ${span})::numeric / (${span} + 1)) END`;
  return sql<TaskLight>`CASE
    WHEN t.status = 'done' THEN 'green'
    WHEN t.paused THEN 'grey'
    WHEN t.next_due < ${d} THEN 'red'
    WHEN t.next_original_due < ${d} OR t.nodes_done < ${planned} THEN 'yellow'
    WHEN t.next_due - ${d} <= ${DUE_SOON_DAYS} THEN 'blue'
    WHEN t.status = 'assigned' THEN 'grey'
    ELSE 'normal' END`;
}

/** Done after the last deadline, or open past a deadline. */
function lateSql(today: string): SQL<boolean> {
  return sql<boolean>`CASE WHEN t.status = 'done' THEN COALESCE(t.done_on > t.final_due, false)
    ELSE COALESCE(t.next_due < ${today}::date, false) END`;
}

export interface TaskRow {
  id: number;
  townshipId: number;
  parentId: number | null;
  goalId: number | null;
  goalTitle: string | null;
  projectId: number | null;
  projectName: string | null;
  title: string;
  description: string;
  source: string;
  sourceRef: string | null;
  leadUnitId: number | null;
  leadUnitCode: string | null;
  leadUnitName: string | null;
  leadGroupId: number | null;
  leadGroupName: string | null;
  unitPath: string;
  responsibleName: string | null;
  responsibleUserId: number | null;
  assignerId: number | null;
  assignerName: string;
  status: string;
  paused: boolean;
  createdOn: string;
  doneOn: string | null;
  nodesTotal: number;
  nodesDone: number;
  nextDue: string | null;
  nextOriginalDue: string | null;
  finalDue: string | null;
  childrenTotal: number;
  childrenDone: number;
  version: number;
  light: TaskLight;
  late: boolean;
}

const taskColumns = (today: string) => sql`
  t.id, t.township_id AS "townshipId", t.parent_id AS "parentId", t.goal_id AS "goalId", g.title AS "goalTitle",
  t.project_id AS "projectId", p.name AS "projectName", t.title, t.description, t.source, t.source_ref AS "sourceRef",
  t.lead_unit_id AS "leadUnitId", u.code AS "leadUnitCode", u.name AS "leadUnitName",
  t.lead_group_id AS "leadGroupId", cg.name AS "leadGroupName", t.unit_path AS "unitPath",
  t.responsible_name AS "responsibleName", t.responsible_user_id AS "responsibleUserId",
  t.assigner_id AS "assignerId", t.assigner_name AS "assignerName", t.status, t.paused,
  to_char(t.created_on, 'YYYY-MM-DD') AS "createdOn", to_char(t.done_on, 'YYYY-MM-DD') AS "doneOn",
  t.nodes_total AS "nodesTotal", t.nodes_done AS "nodesDone",
  to_char(t.next_due, 'YYYY-MM-DD') AS "nextDue", to_char(t.next_original_due, 'YYYY-MM-DD') AS "nextOriginalDue",
  to_char(t.final_due, 'YYYY-MM-DD') AS "finalDue",
  t.children_total AS "childrenTotal", t.children_done AS "childrenDone", t.version,
  ${lightSql(today)} AS light, ${lateSql(today)} AS late`;

const taskJoins = sql`
  FROM tasks t
  LEFT JOIN org_units u ON u.id = t.lead_unit_id
  LEFT JOIN cadre_groups cg ON cg.id = t.lead_group_id
  LEFT JOIN goals g ON g.id = t.goal_id
  LEFT JOIN projects p ON p.id = t.project_id`;

/** Who may see a task beyond his scopes: members of its lead group, its responsible person, its assigner. */
export interface TaskVisibility {
  /** Subtrees where the reader holds task.read. */
  scopePaths: string[];
  userId: number;
  groupIds: number[];
}

function visibleSql(v: TaskVisibility): SQL {
  const paths = arrayLiteral(v.scopePaths.map((p) => `${p}%`));
  const groups = arrayLiteral(v.groupIds);
  return sql`(t.unit_path LIKE ANY(${paths}::text[])
    OR EXISTS (SELECT 1 FROM task_support_units su WHERE su.task_id = t.id
               AND (su.unit_path LIKE ANY(${paths}::text[]) OR su.cadre_group_id = ANY(${groups}::int[])))
    OR t.lead_group_id = ANY(${groups}::int[])
    OR t.responsible_user_id = ${v.userId} OR t.assigner_id = ${v.userId})`;
}

export interface TaskFilter {
  townshipId: number;
  visibility: TaskVisibility;
  lights?: TaskLight[];
  statuses?: string[];
  sources?: string[];
  /** Led by a unit inside this subtree. */
  unitPath?: string;
  leadGroupId?: number;
  assignerId?: number;
  /** Tasks the user handles: led by his units or groups, or his as the responsible person. */
  handlerScopePaths?: string[];
  goalId?: number;
  projectId?: number;
  parentId?: number;
  topLevel?: boolean;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

function whereOf(f: TaskFilter, today: string): SQL {
  const parts: SQL[] = [sql`t.township_id = ${f.townshipId}`, sql`t.deleted_at IS NULL`, visibleSql(f.visibility)];
  if (f.statuses?.length) parts.push(sql`t.status = ANY(${arrayLiteral(f.statuses)}::text[])`);
  if (f.sources?.length) parts.push(sql`t.source = ANY(${arrayLiteral(f.sources)}::text[])`);
  if (f.unitPath) parts.push(sql`t.unit_path LIKE ${`${f.unitPath}%`}`);
  if (f.leadGroupId) parts.push(sql`t.lead_group_id = ${f.leadGroupId}`);
  if (f.assignerId) parts.push(sql`t.assigner_id = ${f.assignerId}`);
  if (f.handlerScopePaths) {
    const paths = arrayLiteral(f.handlerScopePaths.map((p) => `${p}%`));
    const groups = arrayLiteral(f.visibility.groupIds);
    // A leader's scope covers the township: "mine" then means what is led by units, not by the township itself.
    parts.push(sql`((t.lead_unit_id IS NOT NULL AND t.unit_path LIKE ANY(${paths}::text[]) AND t.children_total = 0)
      OR t.lead_group_id = ANY(${groups}::int[]) OR t.responsible_user_id = ${f.visibility.userId})`);
  }
  if (f.goalId) parts.push(sql`t.goal_id = ${f.goalId}`);
  if (f.projectId) parts.push(sql`t.project_id = ${f.projectId}`);
  if (f.parentId) parts.push(sql`t.parent_id = ${f.parentId}`);
  if (f.topLevel) parts.push(sql`t.parent_id IS NULL`);
  if (f.dueFrom) parts.push(sql`t.next_due >= ${f.dueFrom}::date`);
  if (f.dueTo) parts.push(sql`t.next_due <= ${f.dueTo}::date`);
  if (f.q) parts.push(sql`(t.title ILIKE ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`} OR t.source_ref ILIKE ${`%${f.q.replace(/[\\%_]/g, '\\$&')}%`})`);
  if (f.lights?.length) parts.push(sql`${lightSql(today)} = ANY(${arrayLiteral(f.lights)}::text[])`);
  return sql.join(parts, sql` AND `);
}

/** Red first, then yellow, blue …; within a light, the nearest deadline first. */
const LIGHT_ORDER = sql`array_position(ARRAY['red','yellow','blue','normal','grey','green']::text[], l.light)`;

export async function listTasks(q: Queryable, f: TaskFilter, today: string, page: number, pageSize: number) {
  // One statement: the light of every task in the list once, the page joined to its names, and the counts by light
  // (which ignore the light filter itself: the tabs show what each light would list).
  const lights = f.lights?.length ? sql`WHERE l.light = ANY(${arrayLiteral(f.lights)}::text[])` : sql``;
  const [row] = await queryRows<{ items: TaskRow[] | string; counts: { light: TaskLight; n: number }[] | string | null }>(
    q,
    sql`WITH l AS MATERIALIZED (SELECT t.id, t.next_due, ${lightSql(today)} AS light FROM tasks t WHERE ${whereOf({ ...f, lights: undefined }, today)}),
        pg AS (SELECT l.id, l.next_due, ${LIGHT_ORDER} AS o FROM l ${lights}
               ORDER BY o, l.next_due NULLS LAST, l.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})
        SELECT (SELECT COALESCE(json_agg(r ORDER BY r.o, r.nd NULLS LAST, r.id DESC), '[]'::json)
                FROM (SELECT ${taskColumns(today)}, pg.o, pg.next_due AS nd ${taskJoins} JOIN pg ON pg.id = t.id) r) AS items,
               (SELECT json_agg(c) FROM (SELECT light, count(*)::int AS n FROM l GROUP BY light) c) AS counts`,
  );
  const parse = <T>(v: T | string | null): T | null => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const items = parse(row.items) ?? [];
  const counts = parse(row.counts) ?? [];
  const total = f.lights?.length
    ? counts.filter((c) => f.lights!.includes(c.light)).reduce((s, c) => s + c.n, 0)
    : counts.reduce((s, c) => s + c.n, 0);
  return { items, total, counts };
}

export async function findTask(q: Queryable, townshipId: number, id: number, today: string, lock = false): Promise<TaskRow | undefined> {
  const rows = await queryRows<TaskRow>(
    q,
    sql`SELECT ${taskColumns(today)} ${taskJoins} WHERE t.id = ${id} AND t.township_id = ${townshipId} AND t.deleted_at IS NULL
        ${lock ? sql`FOR UPDATE OF t` : sql``}`,
  );
  return rows[0];
}

export async function insertTask(q: Queryable, row: typeof tasks.$inferInsert): Promise<number> {
  const [created] = await q.insert(tasks).values(row).returning({ id: tasks.id });
  return created.id;
}

export async function insertNodes(q: Queryable, taskId: number, townshipId: number, nodes: { title: string; due: string }[]) {
  if (nodes.length === 0) return;
  await q.insert(taskNodes).values(nodes.map((n, i) => ({ taskId, townshipId, title: n.title, due: n.due, originalDue: n.due, sortOrder: i })));
}

export async function insertSupportUnits(q: Queryable, rows: (typeof taskSupportUnits.$inferInsert)[]) {
  if (rows.length > 0) await q.insert(taskSupportUnits).values(rows);
}

/** Rewrites a task's node summary from its nodes (core NodeSummary). */
export async function refreshNodeSummary(q: Queryable, taskId: number) {
  await q.execute(sql`
    UPDATE tasks t SET nodes_total = s.total, nodes_done = s.done, next_due = s.next_due,
           next_original_due = s.next_original_due, final_due = s.final_due
    FROM (SELECT count(*)::int AS total, count(n.done_on)::int AS done,
                 min(n.due) FILTER (WHERE n.done_on IS NULL) AS next_due,
                 min(n.original_due) FILTER (WHERE n.done_on IS NULL) AS next_original_due,
                 max(n.due) AS final_due
          FROM task_nodes n WHERE n.task_id = ${taskId}) s
    WHERE t.id = ${taskId}`);
}

/** Rewrites a split task's count of copies and of copies done. */
export async function refreshChildCounts(q: Queryable, parentId: number) {
  await q.execute(sql`
    UPDATE tasks t SET children_total = s.total, children_done = s.done
    FROM (SELECT count(*)::int AS total, count(*) FILTER (WHERE c.status = 'done')::int AS done
          FROM tasks c WHERE c.parent_id = ${parentId} AND c.deleted_at IS NULL) s
    WHERE t.id = ${parentId}`);
}

/** Moves a task if nobody moved it since `version`; undefined when somebody did. */
export async function moveTask(
  q: Queryable,
  id: number,
  version: number,
  change: { status: string; paused: boolean; doneOn: string | null },
): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    q,
    sql`UPDATE tasks SET status = ${change.status}, paused = ${change.paused}, done_on = ${change.doneOn}::date,
          version = version + 1, updated_at = now()
        WHERE id = ${id} AND version = ${version} RETURNING id`,
  );
  return rows.length === 1;
}

/** Any change to a task (an update, a node, a delay) bumps its version, so a stale form is told; `status` moves it too. */
export async function touchTask(q: Queryable, id: number, status?: string) {
  await q.execute(sql`UPDATE tasks SET version = version + 1, updated_at = now() ${status ? sql`, status = ${status}` : sql``} WHERE id = ${id}`);
}

/** Whether a reader sees a task: within his scopes, through a supporting unit, his group, or as its person. */
export async function isVisible(q: Queryable, id: number, v: TaskVisibility): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(q, sql`SELECT t.id FROM tasks t WHERE t.id = ${id} AND ${visibleSql(v)}`);
  return rows.length === 1;
}

/** The villages' copies of a split task, in the order of the villages' codes. */
export function childrenOf(q: Queryable, parentId: number, today: string) {
  return queryRows<TaskRow>(
    q,
    sql`SELECT ${taskColumns(today)} ${taskJoins} WHERE t.parent_id = ${parentId} AND t.deleted_at IS NULL ORDER BY u.code, t.id`,
  );
}

/** A user's display name as it is now (kept on the task: the history reads the same after a rename). */
export async function displayNameOf(q: Queryable, userId: number): Promise<string> {
  const rows = await queryRows<{ name: string }>(q, sql`SELECT display_name AS name FROM users WHERE id = ${userId}`);
  return rows[0]?.name ?? '系统';
}

export interface NodeRow {
  id: number;
  title: string;
  due: string;
  originalDue: string;
  doneOn: string | null;
}

export function nodesOf(q: Queryable, taskId: number) {
  return queryRows<NodeRow>(
    q,
    sql`SELECT id, title, to_char(due, 'YYYY-MM-DD') AS due, to_char(original_due, 'YYYY-MM-DD') AS "originalDue",
               to_char(done_on, 'YYYY-MM-DD') AS "doneOn"
        FROM task_nodes WHERE task_id = ${taskId} ORDER BY due, sort_order, id`,
  );
}

export async function markNodesDone(q: Queryable, taskId: number, nodeIds: number[], on: string, by: number | null) {
  await q.execute(sql`UPDATE task_nodes SET done_on = ${on}::date, done_by = ${by}
                      WHERE task_id = ${taskId} AND id = ANY(${arrayLiteral(nodeIds)}::int[]) AND done_on IS NULL`);
}

export async function moveNodeDue(q: Queryable, nodeId: number, due: string) {
  await q.execute(sql`UPDATE task_nodes SET due = ${due}::date WHERE id = ${nodeId}`);
}

export interface SupportRow {
  orgUnitId: number | null;
  code: string | null;
  name: string | null;
  cadreGroupId: number | null;
  groupName: string | null;
}

export function supportOf(q: Queryable, taskId: number) {
  return queryRows<SupportRow>(
    q,
    sql`SELECT su.org_unit_id AS "orgUnitId", u.code, u.name, su.cadre_group_id AS "cadreGroupId", cg.name AS "groupName"
        FROM task_support_units su LEFT JOIN org_units u ON u.id = su.org_unit_id LEFT JOIN cadre_groups cg ON cg.id = su.cadre_group_id
        WHERE su.task_id = ${taskId} ORDER BY su.id`,
  );
}

export async function insertEvent(
  q: Queryable,
  row: Omit<typeof taskEvents.$inferInsert, 'actorName' | 'createdAt'> & { actorId: number | null; at: Date },
) {
  // The actor's name as it was when he acted, so the history reads the same after a rename.
  await q.execute(sql`
    INSERT INTO task_events (task_id, township_id, kind, transition, from_status, to_status, body, node_id, attachment_ids, actor_id, actor_name, created_at)
    VALUES (${row.taskId}, ${row.townshipId}, ${row.kind}, ${row.transition ?? null}, ${row.fromStatus ?? null}, ${row.toStatus ?? null},
            ${row.body ?? null}, ${row.nodeId ?? null}, ${JSON.stringify(row.attachmentIds ?? [])}::jsonb, ${row.actorId},
            COALESCE((SELECT display_name FROM users WHERE id = ${row.actorId}), '系统'), ${row.at.toISOString()}::timestamptz)`);
}

export interface EventRow {
  id: number;
  kind: string;
  transition: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  body: string | null;
  nodeId: number | null;
  attachmentIds: string[];
  actorName: string;
  at: string;
}

export function eventsOf(q: Queryable, taskId: number) {
  return queryRows<EventRow>(
    q,
    sql`SELECT id, kind, transition, from_status AS "fromStatus", to_status AS "toStatus", body, node_id AS "nodeId",
               attachment_ids AS "attachmentIds", actor_name AS "actorName", created_at AS at
        FROM task_events WHERE task_id = ${taskId} ORDER BY created_at, id`,
  );
}

export function attachmentsNamed(q: Queryable, townshipId: number, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<{ id: string; fileName: string; mimeType: string }>(
    q,
    sql`SELECT id, file_name AS "fileName", mime_type AS "mimeType" FROM attachments
        WHERE township_id = ${townshipId} AND id = ANY(${arrayLiteral(ids)}::text[])`,
  );
}

export interface DelayRow {
  id: number;
  nodeId: number;
  nodeTitle: string;
  currentDue: string;
  requestedDue: string;
  reason: string;
  state: 'pending' | 'approved' | 'refused';
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decisionNote: string | null;
}

export function delaysOf(q: Queryable, taskId: number, delayId?: number) {
  return queryRows<DelayRow>(
    q,
    sql`SELECT d.id, d.node_id AS "nodeId", n.title AS "nodeTitle", to_char(n.due, 'YYYY-MM-DD') AS "currentDue",
               to_char(d.requested_due, 'YYYY-MM-DD') AS "requestedDue", d.reason, d.state,
               d.requested_by_name AS "requestedByName", d.requested_at AS "requestedAt",
               d.decided_by_name AS "decidedByName", d.decision_note AS "decisionNote"
        FROM task_delays d JOIN task_nodes n ON n.id = d.node_id
        WHERE d.task_id = ${taskId} ${delayId ? sql`AND d.id = ${delayId}` : sql``} ORDER BY d.requested_at, d.id`,
  );
}

export async function insertDelay(
  q: Queryable,
  row: { taskId: number; nodeId: number; townshipId: number; requestedDue: string; reason: string; requestedBy: number | null; at: Date },
) {
  const rows = await queryRows<{ id: number }>(
    q,
    sql`INSERT INTO task_delays (task_id, node_id, township_id, requested_due, reason, requested_by, requested_by_name, requested_at)
        VALUES (${row.taskId}, ${row.nodeId}, ${row.townshipId}, ${row.requestedDue}::date, ${row.reason}, ${row.requestedBy},
                COALESCE((SELECT display_name FROM users WHERE id = ${row.requestedBy}), '系统'), ${row.at.toISOString()}::timestamptz)
        ON CONFLICT (node_id) WHERE state = 'pending' DO NOTHING RETURNING id`,
  );
  return rows[0]?.id;
}

/** Decides a pending request; false when it was decided meanwhile. */
export async function decideDelay(q: Queryable, delayId: number, approve: boolean, by: number | null, note: string | null, at: Date) {
  const rows = await queryRows<{ id: number }>(
    q,
    sql`UPDATE task_delays SET state = ${approve ? 'approved' : 'refused'}, decided_by = ${by}, decided_at = ${at.toISOString()}::timestamptz, decision_note = ${note},
               decided_by_name = COALESCE((SELECT display_name FROM users WHERE id = ${by}), '系统')
        WHERE id = ${delayId} AND state = 'pending' RETURNING id`,
  );
  return rows.length === 1;
}

export async function findDelay(q: Queryable, taskId: number, delayId: number) {
  const rows = await queryRows<{ id: number; nodeId: number; requestedDue: string; state: string }>(
    q,
    sql`SELECT id, node_id AS "nodeId", to_char(requested_due, 'YYYY-MM-DD') AS "requestedDue", state
        FROM task_delays WHERE id = ${delayId} AND task_id = ${taskId}`,
  );
  return rows[0];
}

/** Who handed out the tasks a reader sees, with how many each: the 交办领导 filter's choices. */
export function assignersOf(q: Queryable, townshipId: number, v: TaskVisibility) {
  return queryRows<{ id: number; name: string; tasks: number }>(
    q,
    sql`SELECT t.assigner_id AS id, min(t.assigner_name) AS name, count(*)::int AS tasks
        FROM tasks t
        WHERE t.township_id = ${townshipId} AND t.deleted_at IS NULL AND t.assigner_id IS NOT NULL AND ${visibleSql(v)}
        GROUP BY t.assigner_id ORDER BY count(*) DESC, min(t.assigner_name)`,
  );
}

/**
 * The top-level tasks the reader sees, with their nodes (title, deadline, done), whose title contains `q` (all
 * when absent): what a report's dates name and what a past report's dates may name. One statement.
 */
export function tasksWithNodes(q: Queryable, townshipId: number, v: TaskVisibility, title?: string) {
  const like = title ? `%${title.replace(/[\\%_]/g, '\\$&')}%` : null;
  return queryRows<{ title: string; leadName: string | null; nodes: { title: string; due: string; doneOn: string | null }[] | string }>(
    q,
    sql`SELECT t.title, coalesce(lu.name, cg.name) AS "leadName",
               coalesce((SELECT json_agg(json_build_object('title', n.title, 'due', to_char(n.due, 'YYYY-MM-DD'), 'doneOn', to_char(n.done_on, 'YYYY-MM-DD'))
                                  ORDER BY n.due, n.sort_order, n.id)
                         FROM task_nodes n WHERE n.task_id = t.id), '[]'::json) AS nodes
        FROM tasks t LEFT JOIN org_units lu ON lu.id = t.lead_unit_id LEFT JOIN cadre_groups cg ON cg.id = t.lead_group_id
        WHERE t.township_id = ${townshipId} AND t.deleted_at IS NULL AND t.parent_id IS NULL AND ${visibleSql(v)}
          ${like ? sql`AND t.title ILIKE ${like}` : sql``}
        ORDER BY t.id LIMIT 2000`,
  ).then((rows) =>
    rows.map((r) => ({
      ...r,
      nodes: typeof r.nodes === 'string' ? (JSON.parse(r.nodes) as { title: string; due: string; doneOn: string | null }[]) : r.nodes,
    })),
  );
}
