// SQL of goals (重点工作) and key projects (重点工程项目) with their quarterly stages and progress lines.
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import { arrayLiteral } from '../../db/array-literal.js';
import { goalIndicators, goals, projects, projectStages, projectUpdates } from '../../db/schema.js';

export async function goalTitle(q: Queryable, townshipId: number, id: number): Promise<string | undefined> {
  const rows = await queryRows<{ title: string }>(
    q,
    sql`SELECT title FROM goals WHERE id = ${id} AND township_id = ${townshipId} AND deleted_at IS NULL`,
  );
  return rows[0]?.title;
}

export async function projectName(q: Queryable, townshipId: number, id: number): Promise<string | undefined> {
  const rows = await queryRows<{ name: string }>(
    q,
    sql`SELECT name FROM projects WHERE id = ${id} AND township_id = ${townshipId} AND deleted_at IS NULL`,
  );
  return rows[0]?.name;
}

// ---------------------------------------------------------------------------------------------------------
// Goals

export interface GoalRow {
  id: number;
  year: number;
  title: string;
  kind: string;
  ownerName: string;
  ownerUserId: number | null;
  targetText: string;
  campaign: string | null;
  indicatorKeys: string[];
  taskCount: number;
  tasksDone: number;
  projectCount: number;
}

export function listGoals(q: Queryable, townshipId: number, year?: number, id?: number) {
  return queryRows<GoalRow>(
    q,
    sql`SELECT g.id, g.year, g.title, g.kind, g.owner_name AS "ownerName", g.owner_user_id AS "ownerUserId",
               g.target_text AS "targetText", g.campaign,
               COALESCE((SELECT array_agg(gi.indicator_key ORDER BY gi.sort_order) FROM goal_indicators gi WHERE gi.goal_id = g.id), '{}') AS "indicatorKeys",
               (SELECT count(*)::int FROM tasks t WHERE t.goal_id = g.id AND t.parent_id IS NULL AND t.deleted_at IS NULL) AS "taskCount",
               (SELECT count(*)::int FROM tasks t WHERE t.goal_id = g.id AND t.parent_id IS NULL AND t.deleted_at IS NULL AND t.status = 'done') AS "tasksDone",
               (SELECT count(*)::int FROM projects p WHERE p.goal_id = g.id AND p.deleted_at IS NULL) AS "projectCount"
        FROM goals g
        WHERE g.township_id = ${townshipId} AND g.deleted_at IS NULL
          ${year ? sql`AND g.year = ${year}` : sql``} ${id ? sql`AND g.id = ${id}` : sql``}
        ORDER BY g.year DESC, g.sort_order, g.id`,
  );
}

export async function insertGoal(q: Queryable, row: typeof goals.$inferInsert): Promise<number> {
  const [created] = await q.insert(goals).values(row).returning({ id: goals.id });
  return created.id;
}

export async function updateGoal(q: Queryable, id: number, change: Partial<typeof goals.$inferInsert>) {
  await q.execute(sql`UPDATE goals SET updated_at = now() WHERE id = ${id}`);
  if (Object.keys(change).length > 0) await q.update(goals).set(change).where(eq(goals.id, id));
}

export async function setGoalIndicators(q: Queryable, goalId: number, townshipId: number, keys: string[]) {
  await q.execute(sql`DELETE FROM goal_indicators WHERE goal_id = ${goalId}`);
  if (keys.length > 0)
    await q.insert(goalIndicators).values(keys.map((indicatorKey, sortOrder) => ({ goalId, townshipId, indicatorKey, sortOrder })));
}

export async function softDeleteGoal(q: Queryable, id: number) {
  await q.execute(sql`UPDATE goals SET deleted_at = now() WHERE id = ${id}`);
}

/** Open tasks of each goal whose next deadline has passed: a goal's red count. */
export async function redTasksByGoal(q: Queryable, townshipId: number, today: string) {
  const rows = await queryRows<{ goalId: number; n: number }>(
    q,
    sql`SELECT goal_id AS "goalId", count(*)::int AS n FROM tasks
        WHERE township_id = ${townshipId} AND goal_id IS NOT NULL AND deleted_at IS NULL AND parent_id IS NULL
          AND status <> 'done' AND NOT paused AND next_due < ${today}::date
        GROUP BY goal_id`,
  );
  return new Map(rows.map((r) => [r.goalId, r.n]));
}

// ---------------------------------------------------------------------------------------------------------
// Projects

export interface ProjectRow {
  id: number;
  name: string;
  category: string;
  description: string;
  status: string;
  orgUnitId: number;
  locationCode: string;
  locationName: string;
  unitPath: string;
  leaderName: string;
  leaderUserId: number | null;
  cadreGroupId: number | null;
  cadreGroupName: string | null;
  workLine: string | null;
  goalId: number | null;
  goalTitle: string | null;
  plannedInvestment: string | null;
  completedInvestment: string;
  investmentNote: string | null;
  startDate: string;
  endDate: string;
  sortOrder: number;
  version: number;
}

export interface ProjectFilter {
  townshipId: number;
  id?: number;
  ids?: number[];
  category?: string;
  status?: string;
  goalId?: number;
  villagePath?: string;
  q?: string;
}

export function listProjects(q: Queryable, f: ProjectFilter, lock = false) {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, '\\$&')}%` : null;
  return queryRows<ProjectRow>(
    q,
    sql`SELECT p.id, p.name, p.category, p.description, p.status, p.org_unit_id AS "orgUnitId", u.code AS "locationCode", u.name AS "locationName",
               p.unit_path AS "unitPath", p.leader_name AS "leaderName", p.leader_user_id AS "leaderUserId",
               p.cadre_group_id AS "cadreGroupId", cg.name AS "cadreGroupName", p.work_line AS "workLine",
               p.goal_id AS "goalId", g.title AS "goalTitle",
               p.planned_investment::text AS "plannedInvestment", p.completed_investment::text AS "completedInvestment",
               p.investment_note AS "investmentNote", to_char(p.start_date, 'YYYY-MM-DD') AS "startDate",
               to_char(p.end_date, 'YYYY-MM-DD') AS "endDate", p.sort_order AS "sortOrder", p.version
        FROM projects p JOIN org_units u ON u.id = p.org_unit_id
        LEFT JOIN cadre_groups cg ON cg.id = p.cadre_group_id LEFT JOIN goals g ON g.id = p.goal_id
        WHERE p.township_id = ${f.townshipId} AND p.deleted_at IS NULL
          ${f.id ? sql`AND p.id = ${f.id}` : sql``}
          ${f.ids ? sql`AND p.id = ANY(${arrayLiteral(f.ids)}::int[])` : sql``}
          ${f.category ? sql`AND p.category = ${f.category}` : sql``}
          ${f.status ? sql`AND p.status = ${f.status}` : sql``}
          ${f.goalId ? sql`AND p.goal_id = ${f.goalId}` : sql``}
          ${f.villagePath ? sql`AND p.unit_path LIKE ${`${f.villagePath}%`}` : sql``}
          ${like ? sql`AND (p.name ILIKE ${like} OR p.leader_name ILIKE ${like})` : sql``}
        ORDER BY p.sort_order, p.id
        ${lock ? sql`FOR UPDATE OF p` : sql``}`,
  );
}

export interface StageRow {
  id: number;
  projectId: number;
  year: number;
  quarter: number;
  title: string;
  due: string;
  doneOn: string | null;
  evidence: string | null;
  attachmentIds: string[];
}

export function stagesOf(q: Queryable, projectIds: number[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return queryRows<StageRow>(
    q,
    sql`SELECT id, project_id AS "projectId", year, quarter, title, to_char(due, 'YYYY-MM-DD') AS due,
               to_char(done_on, 'YYYY-MM-DD') AS "doneOn", evidence, attachment_ids AS "attachmentIds"
        FROM project_stages WHERE project_id = ANY(${arrayLiteral(projectIds)}::int[])
        ORDER BY project_id, year, quarter, sort_order, id`,
  );
}

export async function insertProject(q: Queryable, row: typeof projects.$inferInsert): Promise<number> {
  const [created] = await q.insert(projects).values(row).returning({ id: projects.id });
  return created.id;
}

/** Writes a project if nobody changed it since `version`; false when somebody did. */
export async function updateProject(q: Queryable, id: number, version: number, change: Partial<typeof projects.$inferInsert>): Promise<boolean> {
  const rows = await q
    .update(projects)
    .set({ ...change, version: version + 1, updatedAt: new Date() })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning({ id: projects.id });
  return rows.length === 1;
}

export async function bumpProject(q: Queryable, id: number, change: { completedInvestment?: string; investmentNote?: string | null }) {
  await q.execute(sql`UPDATE projects SET version = version + 1, updated_at = now()
    ${change.completedInvestment !== undefined ? sql`, completed_investment = ${change.completedInvestment}::numeric` : sql``}
    ${change.investmentNote !== undefined ? sql`, investment_note = ${change.investmentNote}` : sql``}
    WHERE id = ${id}`);
}

export async function projectNamed(q: Queryable, townshipId: number, name: string, exceptId = -1) {
  const rows = await queryRows<{ id: number }>(
    q,
    sql`SELECT id FROM projects WHERE township_id = ${townshipId} AND name = ${name} AND deleted_at IS NULL AND id <> ${exceptId}`,
  );
  return rows.length > 0;
}

/** Replaces a project's stages: rows with an id keep it (and their evidence), others are new, missing ones go. */
export async function replaceStages(
  q: Queryable,
  projectId: number,
  townshipId: number,
  stages: (Omit<typeof projectStages.$inferInsert, 'projectId' | 'townshipId'> & { id?: number })[],
) {
  const keep = stages.flatMap((s) => (s.id ? [s.id] : []));
  await q.execute(sql`DELETE FROM project_stages WHERE project_id = ${projectId} AND NOT (id = ANY(${arrayLiteral(keep)}::int[]))`);
  for (const [i, s] of stages.entries()) {
    const values = { ...s, projectId, townshipId, sortOrder: i };
    if (s.id) {
      await q.update(projectStages).set(values).where(eq(projectStages.id, s.id));
    } else {
      const { id: _id, ...fresh } = values;
      await q.insert(projectStages).values(fresh);
    }
  }
}

export async function markStagesDone(q: Queryable, projectId: number, stageIds: number[], on: string, evidence: string, attachmentIds: string[]) {
  await q.execute(sql`UPDATE project_stages SET done_on = ${on}::date, evidence = COALESCE(evidence, ${evidence}),
                        attachment_ids = attachment_ids || ${JSON.stringify(attachmentIds)}::jsonb
                      WHERE project_id = ${projectId} AND id = ANY(${arrayLiteral(stageIds)}::int[]) AND done_on IS NULL`);
}

export async function insertProjectUpdate(
  q: Queryable,
  row: Omit<typeof projectUpdates.$inferInsert, 'actorName' | 'createdAt'> & { actorId: number | null; at: Date },
) {
  await q.execute(sql`
    INSERT INTO project_updates (project_id, township_id, body, completed_investment, attachment_ids, actor_id, actor_name, created_at)
    VALUES (${row.projectId}, ${row.townshipId}, ${row.body}, ${row.completedInvestment ?? null}::numeric,
            ${JSON.stringify(row.attachmentIds ?? [])}::jsonb, ${row.actorId},
            COALESCE((SELECT display_name FROM users WHERE id = ${row.actorId}), '系统'), ${row.at.toISOString()}::timestamptz)`);
}

export function updatesOf(q: Queryable, projectId: number) {
  return queryRows<{ id: number; body: string; completedInvestment: string | null; attachmentIds: string[]; actorName: string; at: string }>(
    q,
    sql`SELECT id, body, completed_investment::text AS "completedInvestment", attachment_ids AS "attachmentIds",
               actor_name AS "actorName", created_at AS at
        FROM project_updates WHERE project_id = ${projectId} ORDER BY created_at DESC, id DESC LIMIT 200`,
  );
}
