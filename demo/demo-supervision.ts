// The demo township's supervision (督办) as of 2022-06-30, from a fixed seed: the three goals of the "三个一" action,
// the key projects of the board (龙虎榜) with their quarterly stages and progress lines, and 2022 H1's tasks in
// every status and light. Rows go in a table at a time; the tasks' node summaries and split counts are then
// rewritten by the supervision repository, the one place that keeps them.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { addDays } from '../src/core/periods.js';
import { quarterSpan, TASK_LIGHTS, type TaskLight } from '../src/core/supervision.js';
import type { Queryable } from '../src/server/db/connection.js';
import {
  attachments,
  cadreGroupMembers,
  goalIndicators,
  goals,
  orgUnits,
  projects,
  projectStages,
  projectUpdates,
  taskDelays,
  taskEvents,
  taskNodes,
  tasks,
  taskSupportUnits,
  users,
} from '../src/server/db/schema.js';
import { recordAudit, SYSTEM_ACTOR } from '../src/server/modules/audit/index.js';
import { smallGroupsWithVillages } from '../src/server/modules/cadre/index.js';
import { refreshChildCounts, refreshNodeSummary } from '../src/server/modules/supervision/index.js';
import { dayBetween, decimalBetween, weighted } from './demo-ledger-context.js';
import type { Random } from './demo-people.js';
import { seededRandom } from './seeded-random.js';
import { demoPhotoId, demoSitePhoto } from './demo-photos.js';
import { DEMO_GOALS, DEMO_PROJECTS, type DemoProject } from './demo-supervision-catalogue.js';
import { DEMO_TODAY, type DemoTask, type DemoUnit, type Lead, type Person, type SupervisionContext } from './demo-supervision-flow.js';
import { generateDemoTasks } from './demo-supervision-tasks.js';

export const DEMO_SUPERVISION_SEED = 20220630;
export { DEMO_TODAY };
const CHUNK = 500;

export interface DemoSupervisionSummary {
  seed: number;
  goals: number;
  projects: number;
  tasks: number;
  nodes: number;
  events: number;
  delays: number;
  lights: Record<TaskLight, number>;
  milliseconds: number;
}

/** A China date and a clock time as the timestamp it was (China is UTC+8, so 09:00 is 01:00Z). */
const at = (date: string, minute = 0) => new Date(Date.parse(`${date}T01:00:00Z`) + minute * 60_000);

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

async function loadContext(q: Queryable, townshipId: number): Promise<SupervisionContext> {
  const units = await q
    .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, path: orgUnits.path, level: orgUnits.level })
    .from(orgUnits)
    .where(and(eq(orgUnits.townshipId, townshipId), inArray(orgUnits.level, ['town', 'village']), isNull(orgUnits.validTo)))
    .orderBy(orgUnits.code);
  const accounts = await q.select({ id: users.id, username: users.username, name: users.displayName }).from(users);
  const account = (username: string, fallback: string): Person => {
    const found = accounts.find((a) => a.username === username);
    return found ? { id: found.id, name: found.name } : { id: null, name: fallback };
  };
  const groups = await smallGroupsWithVillages(q, townshipId);
  const leaders = await q
    .select({ groupId: cadreGroupMembers.groupId, name: cadreGroupMembers.name })
    .from(cadreGroupMembers)
    .where(and(eq(cadreGroupMembers.townshipId, townshipId), eq(cadreGroupMembers.isLeader, true)));
  const zuzhang = accounts.find((a) => a.username === 'zuzhang');
  const smallGroups = groups.map((g, i) => {
    const name = leaders.find((l) => l.groupId === g.id)?.name ?? g.name;
    // The demo group-leader account leads the first small group.
    return {
      id: g.id,
      name: g.name,
      villageIds: g.villageIds,
      leader: i === 0 && zuzhang ? { id: zuzhang.id, name: zuzhang.name } : { id: null, name },
    };
  });
  const officers: Person[] = ['黄志明', '谢丽华', '彭海燕', '邓小军'].map((name) => ({ id: null, name }));
  const town = units.find((u) => u.level === 'town')!;
  const township: DemoUnit = { id: town.id, code: town.code, name: town.name, path: town.path, handler: officers[0], groupId: null };
  const villages = units
    .filter((u) => u.level === 'village')
    .map((u) => ({
      id: u.id,
      code: u.code,
      name: u.name,
      path: u.path,
      handler: account(`cun${u.code.slice(-3)}`, `${u.name}村干部`),
      groupId: smallGroups.find((g) => g.villageIds.includes(u.id))?.id ?? null,
    }));
  const assigners = [account('shuji', '李建国'), account('zhenzhang', '王志强'), { id: null, name: '张文军' }, { id: null, name: '刘卫东' }];
  return { township, villages, groups: smallGroups, assigners, officers };
}

async function loadGoals(q: Queryable, townshipId: number, ctx: SupervisionContext) {
  const owner = (username?: string) => (username === 'shuji' ? ctx.assigners[0].id : username === 'zhenzhang' ? ctx.assigners[1].id : null);
  const rows = await q
    .insert(goals)
    .values(
      DEMO_GOALS.map((g, i) => ({
        townshipId,
        year: 2022,
        title: g.title,
        kind: g.kind,
        ownerName: g.ownerName,
        ownerUserId: owner(g.ownerUsername),
        targetText: g.targetText,
        campaign: g.campaign ?? null,
        sortOrder: i,
        createdAt: at('2022-01-20'),
        updatedAt: at('2022-01-20'),
      })),
    )
    .returning({ id: goals.id, title: goals.title });
  const ids = new Map(DEMO_GOALS.map((g) => [g.key, rows.find((r) => r.title === g.title)!.id]));
  const links = DEMO_GOALS.flatMap((g) =>
    g.indicatorKeys.map((indicatorKey, sortOrder) => ({ goalId: ids.get(g.key)!, townshipId, indicatorKey, sortOrder })),
  );
  if (links.length > 0) await q.insert(goalIndicators).values(links);
  return ids;
}

/** A project's Q1–Q4 stages: Q1 mostly done, Q2 done, late or overdue as of DEMO_TODAY, Q3/Q4 ahead. */
function stagesOf(r: Random, project: DemoProject) {
  return project.stages.map((title, i) => {
    const span = quarterSpan(2022, (i + 1) as 1 | 2 | 3 | 4);
    const due = i === 1 ? addDays(span.to, -r.int(0, 25)) : addDays(span.to, -r.int(0, 10));
    let doneOn: string | null = null;
    if (i === 0) {
      const fate =
        project.status === 'completed'
          ? 'on_time'
          : weighted(r, [
              ['on_time', 7],
              ['late', 2],
              ['open', 1],
            ] as const);
      doneOn = fate === 'on_time' ? dayBetween(r, addDays(due, -40), due) : fate === 'late' ? addDays(due, r.int(3, 30)) : null;
    } else if (i === 1) {
      const fate =
        project.status === 'completed'
          ? 'on_time'
          : weighted(r, [
              ['on_time', 5],
              ['late', 1],
              ['open', 3],
            ] as const);
      if (fate === 'on_time') doneOn = dayBetween(r, addDays(due, -30), due < DEMO_TODAY ? due : addDays(DEMO_TODAY, -1));
      else if (fate === 'late' && due < addDays(DEMO_TODAY, -3)) doneOn = dayBetween(r, addDays(due, 1), addDays(DEMO_TODAY, -1));
    }
    return { title, year: 2022, quarter: i + 1, due, doneOn, evidence: doneOn ? `${title}：已完成，资料已归档。` : null, sortOrder: i };
  });
}

async function loadProjects(q: Queryable, townshipId: number, ctx: SupervisionContext, goalIds: Map<string, number>, r: Random) {
  const rows = DEMO_PROJECTS.map((p, i) => {
    const village = p.village ? ctx.villages.find((v) => v.name === p.village)! : null;
    const group = village ? ctx.groups.find((g) => g.id === village.groupId) : undefined;
    const share =
      p.status === 'completed'
        ? decimalBetween(r, 0.95, 1, 2)
        : p.status === 'building'
          ? decimalBetween(r, 0.15, 0.7, 2)
          : p.status === 'paused'
            ? decimalBetween(r, 0.05, 0.2, 2)
            : decimalBetween(r, 0, 0.04, 3);
    return {
      townshipId,
      goalId: p.goal ? goalIds.get(p.goal)! : null,
      name: p.name,
      category: p.category,
      description: p.description,
      orgUnitId: village?.id ?? ctx.township.id,
      unitPath: village?.path ?? ctx.township.path,
      leaderName: p.leader ?? group?.leader.name ?? ctx.assigners[1].name,
      cadreGroupId: group?.id ?? null,
      workLine: p.workLine,
      plannedInvestment: p.planned.toFixed(2),
      completedInvestment: (Math.round(p.planned * share * 100) / 100).toFixed(2),
      startDate: p.start,
      endDate: p.end,
      status: p.status,
      sortOrder: i,
      createdAt: at('2022-02-15'),
      updatedAt: at('2022-06-28'),
    };
  });
  const inserted = await q.insert(projects).values(rows).returning({ id: projects.id, name: projects.name });
  const ids = new Map(inserted.map((p) => [p.name, p.id]));
  const stages: (typeof projectStages.$inferInsert)[] = [];
  const updates: (typeof projectUpdates.$inferInsert)[] = [];
  for (const [i, p] of DEMO_PROJECTS.entries()) {
    const projectId = ids.get(p.name)!;
    const projectStagesOf = stagesOf(r, p);
    stages.push(...projectStagesOf.map((s) => ({ ...s, projectId, townshipId })));
    const reporter = p.village ? ctx.villages.find((v) => v.name === p.village)!.handler : ctx.officers[i % ctx.officers.length];
    const completed = Number(rows[i].completedInvestment);
    for (const [k, stage] of projectStagesOf.slice(0, 2).entries()) {
      const on = k === 0 ? dayBetween(r, '2022-03-25', '2022-04-10') : dayBetween(r, '2022-06-15', '2022-06-28');
      const soFar = k === 0 ? Math.round(completed * 0.45 * 100) / 100 : completed;
      updates.push({
        projectId,
        townshipId,
        body: `${stage.title}${stage.doneOn && stage.doneOn <= on ? '已完成' : '正在推进'}，累计完成投资${soFar}万元。`,
        completedInvestment: soFar.toFixed(2),
        actorId: reporter.id,
        actorName: reporter.name,
        createdAt: at(on, 30),
      });
    }
  }
  await q.insert(projectStages).values(stages);
  await q.insert(projectUpdates).values(updates);
  return { ids, count: rows.length };
}

/** A cadre group's tasks belong to the whole township: its members read them through their membership. */
const leadColumns = (lead: Lead, township: DemoUnit) =>
  'unit' in lead
    ? { leadUnitId: lead.unit.id, leadGroupId: null, unitPath: lead.unit.path }
    : { leadUnitId: null, leadGroupId: lead.group.id, unitPath: township.path };

async function loadTasks(
  q: Queryable,
  townshipId: number,
  ctx: SupervisionContext,
  goalIds: Map<string, number>,
  projectIds: Map<string, number>,
  list: DemoTask[],
) {
  const rowOf = (t: DemoTask, parentId: number | null) => {
    const last = t.events.reduce((m, e) => (e.on > m ? e.on : m), t.createdOn);
    return {
      townshipId,
      parentId,
      goalId: t.goalKey ? goalIds.get(t.goalKey)! : null,
      projectId: t.projectName ? projectIds.get(t.projectName)! : null,
      title: t.title,
      description: t.description,
      source: t.source,
      sourceRef: t.sourceRef,
      ...leadColumns(t.lead, ctx.township),
      responsibleName: t.responsibleName,
      assignerId: t.assigner.id,
      assignerName: t.assigner.name,
      status: t.status,
      paused: t.paused,
      createdOn: t.createdOn,
      doneOn: t.doneOn,
      version: t.events.length,
      createdAt: at(t.createdOn),
      updatedAt: at(last, 50),
    };
  };
  const insertAll = async (items: { task: DemoTask; parentId: number | null }[]) => {
    const ids: number[] = [];
    await inChunks(items, async (chunk) => {
      const rows = await q
        .insert(tasks)
        .values(chunk.map((c) => rowOf(c.task, c.parentId)))
        .returning({ id: tasks.id });
      ids.push(...rows.map((row) => row.id));
    });
    return ids;
  };
  // Ids come back in the order of the rows (one INSERT … VALUES … RETURNING a chunk).
  const topIds = await insertAll(list.map((task) => ({ task, parentId: null })));
  const children = list.flatMap((task, i) => task.children.map((child) => ({ task: child, parentId: topIds[i] })));
  const childIds = await insertAll(children);
  const all = [...list.map((task, i) => ({ task, id: topIds[i] })), ...children.map((c, i) => ({ task: c.task, id: childIds[i] }))];

  const nodeRows = all.flatMap(({ task, id }) =>
    task.nodes.map((n, sortOrder) => ({
      taskId: id,
      townshipId,
      title: n.title,
      due: n.due,
      originalDue: n.originalDue,
      doneOn: n.doneOn,
      doneBy: n.doneBy,
      sortOrder,
    })),
  );
  const nodeIds: number[] = [];
  await inChunks(nodeRows, async (chunk) => {
    const rows = await q.insert(taskNodes).values(chunk).returning({ id: taskNodes.id });
    nodeIds.push(...rows.map((row) => row.id));
  });
  const nodeIdOf = new Map<string, number>(nodeRows.map((n, i) => [`${n.taskId}/${n.sortOrder}`, nodeIds[i]]));
  const nodeId = (taskId: number, index: number | undefined) => (index === undefined ? null : nodeIdOf.get(`${taskId}/${index}`)!);

  const support = all.flatMap(({ task, id }) =>
    task.support.map((s) =>
      'unit' in s
        ? { taskId: id, townshipId, orgUnitId: s.unit.id, cadreGroupId: null, unitPath: s.unit.path }
        : { taskId: id, townshipId, orgUnitId: null, cadreGroupId: s.group.id, unitPath: ctx.township.path },
    ),
  );
  if (support.length > 0) await q.insert(taskSupportUnits).values(support);

  const delays = all.flatMap(({ task, id }) =>
    task.delays.map((d) => ({
      taskId: id,
      nodeId: nodeId(id, d.node)!,
      townshipId,
      requestedDue: d.requestedDue,
      reason: d.reason,
      state: d.state,
      requestedBy: d.requestedBy.id,
      requestedByName: d.requestedBy.name,
      requestedAt: at(d.requestedOn, 20),
      decidedBy: d.decidedBy?.id ?? null,
      decidedByName: d.decidedBy?.name ?? null,
      decidedAt: d.decidedOn ? at(d.decidedOn, 40) : null,
      decisionNote: d.note,
    })),
  );
  if (delays.length > 0) await q.insert(taskDelays).values(delays);

  // Every third progress report from a village comes with a site photo, filed under the village (as an upload is).
  const photos: (typeof attachments.$inferInsert)[] = [];
  let updates = 0;
  const photoFor = (task: DemoTask, kind: string, on: string, actor: Person) => {
    if (kind !== 'update' || !('unit' in task.lead) || updates++ % 3 !== 0) return [];
    const n = photos.length;
    const content = demoSitePhoto(DEMO_SUPERVISION_SEED, n);
    const id = demoPhotoId(DEMO_SUPERVISION_SEED, n);
    photos.push({
      id,
      townshipId,
      fileName: `现场照片${n + 1}.png`,
      mimeType: 'image/png',
      size: content.length,
      content,
      orgUnitId: task.lead.unit.id,
      createdBy: actor.id,
      createdAt: at(on),
    });
    return [id];
  };
  const events = all.flatMap(({ task, id }) =>
    // Stable by day, in the order they were played; minutes keep the order within a day.
    [...task.events]
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
      .map((e, k) => ({
        taskId: id,
        townshipId,
        kind: e.kind,
        transition: e.transition ?? null,
        fromStatus: e.fromStatus ?? null,
        toStatus: e.toStatus ?? null,
        body: e.body ?? null,
        nodeId: nodeId(id, e.node),
        attachmentIds: photoFor(task, e.kind, e.on, e.actor),
        actorId: e.actor.id,
        actorName: e.actor.name,
        createdAt: at(e.on, k * 7),
      })),
  );
  await inChunks(photos, (chunk) => q.insert(attachments).values(chunk));
  await inChunks(events, (chunk) => q.insert(taskEvents).values(chunk));

  for (const { id } of all) await refreshNodeSummary(q, id);
  for (const [i, task] of list.entries()) if (task.children.length > 0) await refreshChildCounts(q, topIds[i]);
  return { tasks: all.length, nodes: nodeRows.length, events: events.length, delays: delays.length, lightsOf: all.map((a) => a.task.light) };
}

/**
 * Loads the demo township's goals, key projects and tasks. Runs after the cadre organisation and the demo
 * accounts exist (leaders, village cadres and the group leader act in the tasks' history).
 */
export async function loadDemoSupervision(q: Queryable, townshipId: number, seed = DEMO_SUPERVISION_SEED): Promise<DemoSupervisionSummary> {
  const started = Date.now();
  const ctx = await loadContext(q, townshipId);
  const goalIds = await loadGoals(q, townshipId, ctx);
  const { ids: projectIds, count: projectCount } = await loadProjects(q, townshipId, ctx, goalIds, seededRandom(seed ^ 0x9e0e));
  const generated = generateDemoTasks(seededRandom(seed ^ 0x7a5c), ctx, DEMO_PROJECTS);
  const loaded = await loadTasks(q, townshipId, ctx, goalIds, projectIds, generated);
  const lights = Object.fromEntries(TASK_LIGHTS.map((l) => [l, loaded.lightsOf.filter((x) => x === l).length])) as Record<TaskLight, number>;
  const summary = {
    seed,
    goals: goalIds.size,
    projects: projectCount,
    tasks: loaded.tasks,
    nodes: loaded.nodes,
    events: loaded.events,
    delays: loaded.delays,
    lights,
  };
  await recordAudit(q, SYSTEM_ACTOR, { action: 'supervision.demo', entity: 'task', townshipId, after: { ...summary, today: DEMO_TODAY } });
  return { ...summary, milliseconds: Date.now() - started };
}
