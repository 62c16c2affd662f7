// Supervision tasks (督办任务): handed out by the township with deadline nodes, signed and handled by the lead
// unit, finished on the assigner's approval. Each use case starts with the access path (policy/access.ts); the
// flow and the lights are core/supervision.ts; every change is audited in its transaction.
import type { TaskDetail, TaskSummary, WorkUnit } from '../../../core/contracts/supervision.js';
import {
  applyTransition,
  availableTransitions,
  TASK_LIGHTS,
  TASK_STATUS_NAMES,
  type TaskLight,
  type TaskParty,
  type TaskSource,
  type TaskStatus,
} from '../../../core/supervision.js';
import type { Queryable } from '../../db/connection.js';
import { AppError, forbidden, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { requireTownship, requireUnit } from '../../policy/access.js';
import { can, scopesFor } from '../../policy/policy.js';
import { claimAttachments, missingAttachments } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import { roleBindingsOf } from '../auth/index.js';
import { groupIdsOfUser, groupRef } from '../cadre/index.js';
import { notifyTaskEvent } from '../notifications/index.js';
import { findUnit, townshipNow, townshipToday, type OrgUnitRef } from '../org/index.js';
import type {
  CreateTaskInput,
  DelayDecisionInput,
  DelayRequestInput,
  TaskListInput,
  TaskUpdateInput,
  TransitionInput,
} from './supervision.schemas.js';
import * as repo from './tasks.repository.js';
import { goalTitle, projectName } from './projects.repository.js';

/** A unit work goes to, resolved: where its tasks are read (`path`) and the unit photos are filed under. */
interface ResolvedUnit {
  orgUnitId: number | null;
  groupId: number | null;
  path: string;
  name: string;
  code: string;
}

async function resolveUnit(q: Queryable, township: OrgUnitRef, ref: string, field: string): Promise<ResolvedUnit> {
  if (ref.startsWith('cg')) {
    const group = await groupRef(q, township.id, Number(ref.slice(2)));
    if (!group) throw invalid([{ field, message: `组线 ${ref.slice(2)} 不存在` }]);
    // A cadre group's tasks belong to the whole township; its members read them through their membership.
    return { orgUnitId: null, groupId: group.id, path: township.path, name: group.name, code: ref };
  }
  const unit = await findUnit(q, { code: ref });
  if (!unit || !unit.path.startsWith(township.path)) throw invalid([{ field, message: `单位 ${ref} 不是本镇的单位` }]);
  if (unit.validTo !== null) throw invalid([{ field, message: `“${unit.name}”已撤销，不能交办任务` }]);
  if (unit.level !== 'town' && unit.level !== 'village')
    throw invalid([{ field, message: `任务交给乡镇、村（社区）或组线，“${unit.name}”不能承办` }]);
  return { orgUnitId: unit.id, groupId: null, path: unit.path, name: unit.name, code: unit.code };
}

export async function visibilityOf(ctx: ServiceContext, q: Queryable, townshipId: number): Promise<repo.TaskVisibility> {
  return {
    scopePaths: scopesFor(ctx.principal, 'task.read'),
    userId: ctx.principal.userId,
    groupIds: await groupIdsOfUser(q, townshipId, ctx.principal.userId),
  };
}

/** How the user is related to a task: the parties whose steps he may take. */
function partiesOf(ctx: ServiceContext, task: repo.TaskRow, groupIds: number[]): TaskParty[] {
  const parties: TaskParty[] = [];
  if (task.assignerId === ctx.principal.userId || can(ctx.principal, 'task.assign', { path: task.unitPath })) parties.push('assigner');
  // A split task is handled in its copies, by each village; the township's parent only gathers them.
  const handlesUnit = task.leadUnitId !== null && task.childrenTotal === 0 && can(ctx.principal, 'task.handle', { path: task.unitPath });
  const handlesGroup = task.leadGroupId !== null && groupIds.includes(task.leadGroupId);
  if (handlesUnit || handlesGroup || (task.responsibleUserId !== null && task.responsibleUserId === ctx.principal.userId)) parties.push('handler');
  return parties;
}

export function summaryOf(row: repo.TaskRow): TaskSummary {
  const lead: WorkUnit =
    row.leadGroupId !== null
      ? { kind: 'group', code: `cg${row.leadGroupId}`, name: row.leadGroupName ?? '' }
      : { kind: 'org', code: row.leadUnitCode ?? '', name: row.leadUnitName ?? '' };
  return {
    id: row.id,
    parentId: row.parentId,
    title: row.title,
    source: row.source as TaskSource,
    sourceRef: row.sourceRef,
    lead,
    responsibleName: row.responsibleName,
    assignerName: row.assignerName,
    status: row.status as TaskStatus,
    paused: row.paused,
    light: row.light,
    late: row.late,
    createdOn: row.createdOn,
    doneOn: row.doneOn,
    nextDue: row.nextDue,
    finalDue: row.finalDue,
    nodesTotal: row.nodesTotal,
    nodesDone: row.nodesDone,
    childrenTotal: row.childrenTotal,
    childrenDone: row.childrenDone,
    goal: row.goalId !== null ? { id: row.goalId, title: row.goalTitle ?? '' } : null,
    project: row.projectId !== null ? { id: row.projectId, name: row.projectName ?? '' } : null,
    version: row.version,
  };
}

/** The township of a supervision request and its today. */
async function townshipAndToday(ctx: ServiceContext, action: 'task.read' | 'task.assign' | 'task.handle', q: Queryable, code?: string) {
  const township = await requireTownship(ctx, action, q, { code, what: '督办' });
  // History is dated on the township's clock too: in the demo township, within its half year.
  return { township, today: await townshipToday(q, township.code), now: await townshipNow(q, township.code) };
}

export async function listTasks(ctx: ServiceContext, input: TaskListInput) {
  const township = await requireTownship(ctx, 'task.read', ctx.db, { code: input.township, what: '督办' });
  const today = await townshipToday(ctx.db, township.code);
  const visibility = await visibilityOf(ctx, ctx.db, township.id);
  const filter: repo.TaskFilter = {
    townshipId: township.id,
    visibility,
    lights: input.light,
    statuses: input.status,
    sources: input.source,
    assignerId: input.mine === 'assigned' ? ctx.principal.userId : input.assigner,
    handlerScopePaths: input.mine === 'handle' ? scopesFor(ctx.principal, 'task.handle') : undefined,
    goalId: input.goal,
    projectId: input.project,
    parentId: input.parent,
    topLevel: input.topLevel === 'true',
    dueFrom: input.dueFrom,
    dueTo: input.dueTo,
    q: input.q,
  };
  if (input.unit) {
    const unit = await resolveUnit(ctx.db, township, input.unit, 'unit');
    if (unit.groupId !== null) filter.leadGroupId = unit.groupId;
    else filter.unitPath = unit.path;
  }
  const { items, total, counts } = await repo.listTasks(ctx.db, filter, today, input.page, input.pageSize);
  const lights = Object.fromEntries(TASK_LIGHTS.map((light) => [light, counts.find((c) => c.light === light)?.n ?? 0])) as Record<TaskLight, number>;
  return { items: items.map(summaryOf), total, today, lights };
}

/** The leaders who handed out the tasks the user sees: the list's 交办领导 filter. */
export async function taskAssigners(ctx: ServiceContext, townshipCode?: string) {
  const township = await requireTownship(ctx, 'task.read', ctx.db, { code: townshipCode, what: '督办' });
  return { items: await repo.assignersOf(ctx.db, township.id, await visibilityOf(ctx, ctx.db, township.id)) };
}

/** A task the user may read: 404 when it is not the township's, 403 (with its unit) when it is not his to see. */
async function readableTask(ctx: ServiceContext, q: Queryable, townshipId: number, id: number, today: string, lock = false) {
  const task = await repo.findTask(q, townshipId, id, today, lock);
  if (!task) throw notFound(`督办任务 ${id} `);
  const visibility = await visibilityOf(ctx, q, townshipId);
  if (!(await repo.isVisible(q, id, visibility))) {
    throw forbidden(`您无权查看“${task.leadUnitName ?? task.leadGroupName ?? '该单位'}”的督办任务`);
  }
  return { task, groupIds: visibility.groupIds };
}

async function detailOf(ctx: ServiceContext, q: Queryable, task: repo.TaskRow, groupIds: number[], today: string): Promise<TaskDetail> {
  const [nodes, events, delays, support, children] = [
    await repo.nodesOf(q, task.id),
    await repo.eventsOf(q, task.id),
    await repo.delaysOf(q, task.id),
    await repo.supportOf(q, task.id),
    task.childrenTotal > 0 ? await repo.childrenOf(q, task.id, today) : [],
  ];
  const files = new Map(
    (
      await repo.attachmentsNamed(
        q,
        task.townshipId,
        events.flatMap((e) => e.attachmentIds),
      )
    ).map((a) => [a.id, a]),
  );
  const parties = partiesOf(ctx, task, groupIds);
  const state = { status: task.status as TaskStatus, paused: task.paused };
  const open = task.status !== 'done';
  return {
    ...summaryOf(task),
    description: task.description,
    supporting: support.map((s) =>
      s.cadreGroupId !== null
        ? { kind: 'group', code: `cg${s.cadreGroupId}`, name: s.groupName ?? '' }
        : { kind: 'org', code: s.code ?? '', name: s.name ?? '' },
    ),
    nodes,
    events: events.map((e) => ({
      ...e,
      kind: e.kind as TaskDetail['events'][number]['kind'],
      attachments: e.attachmentIds.flatMap((id) => files.get(id) ?? []),
      at: new Date(e.at).toISOString(),
    })),
    delays: delays.map((d) => ({ ...d, requestedAt: new Date(d.requestedAt).toISOString() })),
    children: children.map(summaryOf),
    transitions: availableTransitions(state, parties),
    mayUpdate: open && parties.includes('handler'),
    mayRequestDelay: open && !task.paused && parties.includes('handler'),
    mayDecideDelay: parties.includes('assigner'),
    today,
  };
}

/** A change to a task in the audit log, filed under the task's unit (a township task under the township). */
function auditTask(
  ctx: ServiceContext,
  tx: Queryable,
  township: OrgUnitRef,
  task: { id: number; unitPath: string },
  action: string,
  change: { before?: unknown; after?: unknown },
) {
  const unitPath = task.unitPath === township.path ? undefined : task.unitPath;
  return recordAudit(tx, ctx.actor, { action, entity: 'task', entityId: task.id, townshipId: township.id, unitPath, ...change });
}

/** The task as it is after a change, as the user sees it. */
async function currentDetail(ctx: ServiceContext, tx: Queryable, township: OrgUnitRef, id: number, groupIds: number[], today: string) {
  return detailOf(ctx, tx, (await repo.findTask(tx, township.id, id, today))!, groupIds, today);
}

export async function getTask(ctx: ServiceContext, id: number, townshipCode?: string): Promise<TaskDetail> {
  const { township, today } = await townshipAndToday(ctx, 'task.read', ctx.db, townshipCode);
  const { task, groupIds } = await readableTask(ctx, ctx.db, township.id, id, today);
  return detailOf(ctx, ctx.db, task, groupIds, today);
}

/** Nodes must fall on or after the day the task is handed out. */
function checkNodes(nodes: { title: string; due: string }[], today: string) {
  const errors = nodes.flatMap((n, i) =>
    n.due < today ? [{ field: `nodes.${i}.due`, message: `第${i + 1}个节点的时限${n.due}早于交办日期${today}` }] : [],
  );
  if (errors.length > 0) throw invalid(errors, '时限节点不能早于交办日期');
}

export async function createTask(ctx: ServiceContext, input: CreateTaskInput, townshipCode?: string) {
  return ctx.db.transaction(async (tx) => {
    const { township, today, now } = await townshipAndToday(ctx, 'task.assign', tx, townshipCode);
    checkNodes(input.nodes, today);
    if (input.goalId && !(await goalTitle(tx, township.id, input.goalId)))
      throw invalid([{ field: 'goalId', message: `重点工作 ${input.goalId} 不存在` }]);
    if (input.projectId && !(await projectName(tx, township.id, input.projectId))) {
      throw invalid([{ field: 'projectId', message: `重点项目 ${input.projectId} 不存在` }]);
    }
    const supporting: ResolvedUnit[] = [];
    for (const [i, ref] of input.supporting.entries()) supporting.push(await resolveUnit(tx, township, ref, `supporting.${i}`));

    const base = {
      townshipId: township.id,
      goalId: input.goalId ?? null,
      projectId: input.projectId ?? null,
      title: input.title,
      description: input.description,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      responsibleName: input.responsibleName ?? null,
      responsibleUserId: input.responsibleUserId ?? null,
      assignerId: ctx.principal.userId,
      assignerName: await repo.displayNameOf(tx, ctx.principal.userId),
      createdOn: today,
    };
    const insertOne = async (unit: ResolvedUnit, parentId: number | null) => {
      // Handing work to a unit is refused outside the assigner's scope, by the unit's name.
      requireUnit(ctx, 'task.assign', { name: unit.name, path: unit.path });
      if (input.responsibleUserId) await checkResponsible(tx, township, unit, input.responsibleUserId);
      const id = await repo.insertTask(tx, { ...base, parentId, leadUnitId: unit.orgUnitId, leadGroupId: unit.groupId, unitPath: unit.path });
      await repo.insertNodes(tx, id, township.id, input.nodes);
      await repo.insertSupportUnits(
        tx,
        supporting.map((s) => ({ taskId: id, townshipId: township.id, orgUnitId: s.orgUnitId, cadreGroupId: s.groupId, unitPath: s.path })),
      );
      await repo.refreshNodeSummary(tx, id);
      await repo.insertEvent(tx, {
        at: now,
        taskId: id,
        townshipId: township.id,
        kind: 'created',
        toStatus: 'assigned',
        body: null,
        actorId: ctx.principal.userId,
      });
      await auditTask(ctx, tx, township, { id, unitPath: unit.path }, 'task.create', {
        after: { title: input.title, lead: unit.name, nodes: input.nodes, parentId },
      });
      return id;
    };

    if (input.lead) {
      const id = await insertOne(await resolveUnit(tx, township, input.lead, 'lead'), null);
      const created = (await repo.findTask(tx, township.id, id, today))!;
      await notifyTaskEvent(tx, { at: now, kind: 'assigned', task: created, actorId: ctx.principal.userId });
      return { task: summaryOf(created), children: [] };
    }
    // 到各村: the township keeps a parent task; each village gets its own copy with the same nodes.
    const villages: ResolvedUnit[] = [];
    for (const [i, code] of [...new Set(input.villages!)].entries()) {
      const unit = await resolveUnit(tx, township, code, `villages.${i}`);
      if (unit.orgUnitId === null || unit.path === township.path)
        throw invalid([{ field: `villages.${i}`, message: `“${unit.name}”不是村（社区）` }]);
      villages.push(unit);
    }
    const townshipUnit: ResolvedUnit = { orgUnitId: township.id, groupId: null, path: township.path, name: township.name, code: township.code };
    const parentId = await insertOne(townshipUnit, null);
    const childIds = [];
    for (const village of villages) childIds.push(await insertOne(village, parentId));
    await repo.refreshChildCounts(tx, parentId);
    await repo.insertEvent(tx, {
      at: now,
      taskId: parentId,
      townshipId: township.id,
      kind: 'split',
      body: `分派到${villages.map((v) => v.name).join('、')}`,
      actorId: ctx.principal.userId,
    });
    const parent = (await repo.findTask(tx, township.id, parentId, today))!;
    const children = await repo.childrenOf(tx, parentId, today);
    for (const child of children) await notifyTaskEvent(tx, { at: now, kind: 'assigned', task: child, actorId: ctx.principal.userId });
    return { task: summaryOf(parent), children: children.map(summaryOf) };
  });
}

/**
 * The responsible person's account must work in the lead unit: a role of this township whose scope lies in the
 * unit or contains it (a village cadre of that village, the group leader covering it, a township leader).
 */
async function checkResponsible(q: Queryable, township: OrgUnitRef, unit: ResolvedUnit, userId: number) {
  const bindings = ((await roleBindingsOf(q, [userId])).get(userId) ?? []).filter((b) => !b.pending && b.townshipId === township.id);
  const paths = bindings.flatMap((b) => [...(b.orgUnitPath ? [b.orgUnitPath] : []), ...b.coveredPaths]);
  const inGroup = unit.groupId !== null && bindings.some((b) => b.cadreGroupId === unit.groupId);
  if (!inGroup && !paths.some((p) => p.startsWith(unit.path) || unit.path.startsWith(p))) {
    throw invalid([{ field: 'responsibleUserId', message: `责任人账号 ${userId} 不在“${unit.name}”工作，不能作为责任人` }]);
  }
}

function conflict(task: repo.TaskRow, message: string) {
  return new AppError('CONFLICT', message, undefined, { current: summaryOf(task) });
}

export async function transitionTask(ctx: ServiceContext, id: number, input: TransitionInput, townshipCode?: string): Promise<TaskDetail> {
  return ctx.db.transaction(async (tx) => {
    const { township, today, now } = await townshipAndToday(ctx, 'task.read', tx, townshipCode);
    const { task, groupIds } = await readableTask(ctx, tx, township.id, id, today, true);
    if (task.version !== input.version) {
      throw conflict(
        task,
        `任务已被他人更新（现为“${TASK_STATUS_NAMES[task.status as TaskStatus]}${task.paused ? '，已暂停' : ''}”），请刷新后再操作`,
      );
    }
    const parties = partiesOf(ctx, task, groupIds);
    const result = applyTransition({ status: task.status as TaskStatus, paused: task.paused }, input.transition, parties);
    if (!result.ok) throw result.forbidden ? forbidden(result.reason) : conflict(task, result.reason);
    if (input.transition === 'return' && !input.note) throw invalid([{ field: 'note', message: '退回时请填写退回理由' }]);
    const doneOn = result.state.status === 'done' ? today : null;
    if (!(await repo.moveTask(tx, id, input.version, { status: result.state.status, paused: result.state.paused, doneOn }))) {
      throw conflict(task, '任务已被他人更新，请刷新后再操作');
    }
    await repo.insertEvent(tx, {
      at: now,
      taskId: id,
      townshipId: township.id,
      kind: 'transition',
      transition: input.transition,
      fromStatus: task.status,
      toStatus: result.state.status,
      body: input.note ?? null,
      actorId: ctx.principal.userId,
    });
    if (task.parentId !== null) await repo.refreshChildCounts(tx, task.parentId);
    await auditTask(ctx, tx, township, task, `task.${input.transition}`, {
      before: { status: task.status, paused: task.paused },
      after: { status: result.state.status, paused: result.state.paused, note: input.note ?? null },
    });
    await notifyTaskEvent(tx, { at: now, kind: 'transition', transition: input.transition, task, actorId: ctx.principal.userId, note: input.note });
    return currentDetail(ctx, tx, township, id, groupIds, today);
  });
}

/** Only the task's handlers post updates and ask for delays; a finished task takes neither. */
function requireHandler(ctx: ServiceContext, task: repo.TaskRow, groupIds: number[], what: string) {
  if (!partiesOf(ctx, task, groupIds).includes('handler')) throw forbidden(`只有承办单位或责任人可以${what}`);
  if (task.status === 'done') throw conflict(task, `任务已办结，不能${what}`);
}

export async function postTaskUpdate(ctx: ServiceContext, id: number, input: TaskUpdateInput, townshipCode?: string): Promise<TaskDetail> {
  return ctx.db.transaction(async (tx) => {
    const { township, today, now } = await townshipAndToday(ctx, 'task.handle', tx, townshipCode);
    const { task, groupIds } = await readableTask(ctx, tx, township.id, id, today, true);
    requireHandler(ctx, task, groupIds, '填报进展');
    const fileUnit = task.leadUnitId ?? township.id;
    const missing = await missingAttachments(tx, township.id, fileUnit, input.attachmentIds);
    if (missing.length > 0) throw invalid([{ field: 'attachmentIds', message: `附件不存在或不能用于此任务：${missing.join('、')}` }]);
    const nodes = await repo.nodesOf(tx, id);
    const unknown = input.doneNodeIds.filter((n) => !nodes.some((node) => node.id === n));
    if (unknown.length > 0) throw invalid([{ field: 'doneNodeIds', message: `节点 ${unknown.join('、')} 不属于此任务` }]);
    await claimAttachments(tx, township.id, fileUnit, input.attachmentIds);
    await repo.insertEvent(tx, {
      at: now,
      taskId: id,
      townshipId: township.id,
      kind: 'update',
      body: input.body,
      attachmentIds: input.attachmentIds,
      actorId: ctx.principal.userId,
    });
    const newlyDone = nodes.filter((n) => input.doneNodeIds.includes(n.id) && n.doneOn === null);
    if (newlyDone.length > 0) {
      await repo.markNodesDone(
        tx,
        id,
        newlyDone.map((n) => n.id),
        today,
        ctx.principal.userId,
      );
      for (const n of newlyDone) {
        await repo.insertEvent(tx, {
          at: now,
          taskId: id,
          townshipId: township.id,
          kind: 'node_done',
          nodeId: n.id,
          body: n.title,
          actorId: ctx.principal.userId,
        });
      }
      await repo.refreshNodeSummary(tx, id);
    }
    // The first update of a signed task means work has started: no separate click for 办理中.
    const startsNow = task.status === 'signed' && !task.paused;
    await repo.touchTask(tx, id, startsNow ? 'in_progress' : undefined);
    await auditTask(ctx, tx, township, task, 'task.update', {
      after: { body: input.body, attachments: input.attachmentIds.length, nodesDone: newlyDone.map((n) => n.title) },
    });
    await notifyTaskEvent(tx, { at: now, kind: 'update', task, actorId: ctx.principal.userId, note: input.body });
    return currentDetail(ctx, tx, township, id, groupIds, today);
  });
}

export async function requestDelay(ctx: ServiceContext, id: number, input: DelayRequestInput, townshipCode?: string): Promise<TaskDetail> {
  return ctx.db.transaction(async (tx) => {
    const { township, today, now } = await townshipAndToday(ctx, 'task.handle', tx, townshipCode);
    const { task, groupIds } = await readableTask(ctx, tx, township.id, id, today, true);
    requireHandler(ctx, task, groupIds, '申请延期');
    const node = (await repo.nodesOf(tx, id)).find((n) => n.id === input.nodeId);
    if (!node) throw invalid([{ field: 'nodeId', message: `节点 ${input.nodeId} 不属于此任务` }]);
    if (node.doneOn !== null) throw invalid([{ field: 'nodeId', message: `节点“${node.title}”已完成，无需延期` }]);
    if (input.requestedDue <= node.due) throw invalid([{ field: 'requestedDue', message: `申请延期至的日期应晚于现时限${node.due}` }]);
    const delayId = await repo.insertDelay(tx, {
      taskId: id,
      nodeId: node.id,
      townshipId: township.id,
      requestedDue: input.requestedDue,
      reason: input.reason,
      requestedBy: ctx.principal.userId,
      at: now,
    });
    if (!delayId) throw conflict(task, `节点“${node.title}”已有待审批的延期申请`);
    await repo.insertEvent(tx, {
      at: now,
      taskId: id,
      townshipId: township.id,
      kind: 'delay_requested',
      nodeId: node.id,
      body: `申请将“${node.title}”延期至${input.requestedDue}：${input.reason}`,
      actorId: ctx.principal.userId,
    });
    await repo.touchTask(tx, id);
    await auditTask(ctx, tx, township, task, 'task.delay_request', {
      after: { node: node.title, from: node.due, to: input.requestedDue, reason: input.reason },
    });
    const asked = `“${node.title}”延期至${input.requestedDue}：${input.reason}`;
    await notifyTaskEvent(tx, { at: now, kind: 'delay_requested', task, actorId: ctx.principal.userId, nodeId: node.id, note: asked });
    return currentDetail(ctx, tx, township, id, groupIds, today);
  });
}

export async function decideDelay(
  ctx: ServiceContext,
  id: number,
  delayId: number,
  input: DelayDecisionInput,
  townshipCode?: string,
): Promise<TaskDetail> {
  return ctx.db.transaction(async (tx) => {
    const { township, today, now } = await townshipAndToday(ctx, 'task.read', tx, townshipCode);
    const { task, groupIds } = await readableTask(ctx, tx, township.id, id, today, true);
    if (!partiesOf(ctx, task, groupIds).includes('assigner')) throw forbidden('只有交办人（或有交办权限的领导）可以审批延期');
    const delay = await repo.findDelay(tx, id, delayId);
    if (!delay) throw notFound(`延期申请 ${delayId} `);
    if (!(await repo.decideDelay(tx, delayId, input.approve, ctx.principal.userId, input.note ?? null, now)))
      throw conflict(task, '该延期申请已审批');
    if (input.approve) {
      await repo.moveNodeDue(tx, delay.nodeId, delay.requestedDue);
      await repo.refreshNodeSummary(tx, id);
    }
    await repo.insertEvent(tx, {
      at: now,
      taskId: id,
      townshipId: township.id,
      kind: 'delay_decided',
      nodeId: delay.nodeId,
      body: `${input.approve ? '同意' : '不同意'}延期至${delay.requestedDue}${input.note ? `：${input.note}` : ''}`,
      actorId: ctx.principal.userId,
    });
    await repo.touchTask(tx, id);
    await auditTask(ctx, tx, township, task, input.approve ? 'task.delay_approve' : 'task.delay_refuse', {
      after: { delayId, to: delay.requestedDue, note: input.note ?? null },
    });
    const decided = `${input.approve ? '同意' : '不同意'}延期至${delay.requestedDue}${input.note ? `：${input.note}` : ''}`;
    await notifyTaskEvent(tx, { at: now, kind: 'delay_decided', task, actorId: ctx.principal.userId, nodeId: delay.nodeId, note: decided });
    return currentDetail(ctx, tx, township, id, groupIds, today);
  });
}
