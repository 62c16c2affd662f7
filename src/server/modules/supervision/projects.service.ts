// Goals (重点工作 / 三个一) and key projects (重点工程项目) with quarterly stage tasks, progress lines and the
// board (龙虎榜). Goals and projects are published to the whole township; the township's leaders and work-line
// leads edit them; the project's village and cadre group report its progress.
import type { Goal, ProjectBoard, ProjectDetail, ProjectStage, ProjectSummary } from '../../../core/contracts/supervision.js';
import { rankContestants } from '../../../core/ranking.js';
import { investmentRate, quarterSpan, stageProgress, type GoalKind, type ProjectCategory, type ProjectStatus } from '../../../core/supervision.js';
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid, notFound, type FieldError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { mayAccess, requireTownship, requireUnit } from '../../policy/access.js';
import { claimAttachments, missingAttachments } from '../attachments/index.js';
import { recordAudit } from '../audit/index.js';
import { groupRef } from '../cadre/index.js';
import { indicatorValues } from '../indicators/index.js';
import { findUnit, mergeProgress, townshipNow, townshipToday, type OrgUnitRef } from '../org/index.js';
import * as repo from './projects.repository.js';
import type {
  CreateGoalInput,
  CreateProjectInput,
  ProjectListInput,
  ProjectUpdateInput,
  StageInput,
  UpdateGoalInput,
  UpdateProjectInput,
} from './supervision.schemas.js';
import { summaryOf, visibilityOf } from './tasks.service.js';
import * as tasks from './tasks.repository.js';

const money = (v: string | null) => (v === null ? null : Number(v));

function stageState(stage: repo.StageRow, today: string): ProjectStage['state'] {
  if (stage.doneOn !== null) return stage.doneOn <= stage.due ? 'done' : 'done_late';
  return stage.due < today ? 'overdue' : 'open';
}

function projectSummaryOf(row: repo.ProjectRow, stages: repo.StageRow[], today: string): ProjectSummary {
  const progress = stageProgress(stages, today);
  const planned = money(row.plannedInvestment);
  const completed = Number(row.completedInvestment);
  return {
    id: row.id,
    name: row.name,
    category: row.category as ProjectCategory,
    status: row.status as ProjectStatus,
    location: { code: row.locationCode, name: row.locationName },
    leaderName: row.leaderName,
    cadreGroup: row.cadreGroupId !== null ? { id: row.cadreGroupId, name: row.cadreGroupName ?? '' } : null,
    workLine: row.workLine,
    goal: row.goalId !== null ? { id: row.goalId, title: row.goalTitle ?? '' } : null,
    plannedInvestment: planned,
    completedInvestment: completed,
    investmentRate: investmentRate(planned, completed),
    startDate: row.startDate,
    endDate: row.endDate,
    stagesDue: progress.due,
    stagesOnTime: progress.onTime,
    stagesOverdue: progress.overdue,
    onTimeRate: progress.onTimeRate,
    version: row.version,
  };
}

async function readTownship(ctx: ServiceContext, q: Queryable, code?: string) {
  const township = await requireTownship(ctx, 'project.read', q, { code, what: '重点工作和项目' });
  return { township, today: await townshipToday(q, township.code) };
}

export async function listProjects(ctx: ServiceContext, input: ProjectListInput) {
  const { township, today } = await readTownship(ctx, ctx.db, input.township);
  const village = input.village ? await findUnit(ctx.db, { code: input.village }) : undefined;
  const rows = await repo.listProjects(ctx.db, {
    townshipId: township.id,
    category: input.category,
    status: input.status,
    goalId: input.goal,
    villagePath: village?.path ?? (input.village ? '/none/' : undefined),
    q: input.q,
    ids: input.ids,
  });
  const page = rows.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  const stages = await repo.stagesOf(
    ctx.db,
    page.map((r) => r.id),
  );
  return {
    items: page.map((r) => {
      const own = stages.filter((s) => s.projectId === r.id);
      const summary = projectSummaryOf(r, own, today);
      return input.stages === 'true' ? { ...summary, stages: own.map((s) => ({ ...s, state: stageState(s, today) })) } : summary;
    }),
    total: rows.length,
    today,
  };
}

async function projectOf(q: Queryable, townshipId: number, id: number, lock = false) {
  const [row] = await repo.listProjects(q, { townshipId, id }, lock);
  if (!row) throw notFound(`重点项目 ${id} `);
  return row;
}

async function detailOf(ctx: ServiceContext, q: Queryable, township: OrgUnitRef, row: repo.ProjectRow, today: string): Promise<ProjectDetail> {
  const stages = await repo.stagesOf(q, [row.id]);
  const updates = await repo.updatesOf(q, row.id);
  // The project's tasks as the reader may see them: a village cadre sees his village's, not the others'.
  const visibility = await visibilityOf(ctx, q, township.id);
  const projectTasks = await tasks.listTasks(q, { townshipId: township.id, projectId: row.id, visibility }, today, 1, 200);
  return {
    ...projectSummaryOf(row, stages, today),
    description: row.description,
    investmentNote: row.investmentNote,
    stages: stages.map((s) => ({ ...s, state: stageState(s, today) })),
    updates: updates.map((u) => ({ ...u, completedInvestment: money(u.completedInvestment), at: new Date(u.at).toISOString() })),
    tasks: projectTasks.items.map(summaryOf),
    mayEdit: mayAccess(ctx, 'project.write', township),
    mayReport: mayAccess(ctx, 'project.report', { path: row.unitPath }),
    today,
  };
}

export async function getProject(ctx: ServiceContext, id: number, townshipCode?: string) {
  const { township, today } = await readTownship(ctx, ctx.db, townshipCode);
  return detailOf(ctx, ctx.db, township, await projectOf(ctx.db, township.id, id), today);
}

/** The checks of a project's fields that need the database or more than one field. */
async function checkProject(q: Queryable, township: OrgUnitRef, input: Partial<CreateProjectInput>, current?: repo.ProjectRow) {
  const errors: FieldError[] = [];
  let location: OrgUnitRef | undefined;
  if (input.location !== undefined) {
    location = await findUnit(q, { code: input.location });
    if (!location || !location.path.startsWith(township.path) || (location.level !== 'village' && location.level !== 'town')) {
      errors.push({ field: 'location', message: `项目所在地 ${input.location} 不是本镇或本镇的村（社区）` });
    }
  }
  if (input.cadreGroupId && !(await groupRef(q, township.id, input.cadreGroupId)))
    errors.push({ field: 'cadreGroupId', message: `组线 ${input.cadreGroupId} 不存在` });
  if (input.goalId && !(await repo.goalTitle(q, township.id, input.goalId)))
    errors.push({ field: 'goalId', message: `重点工作 ${input.goalId} 不存在` });
  const start = input.startDate ?? current?.startDate;
  const end = input.endDate ?? current?.endDate;
  if (start && end && start > end) errors.push({ field: 'endDate', message: '完工日期不能早于开工日期' });
  const planned = input.plannedInvestment !== undefined ? input.plannedInvestment : money(current?.plannedInvestment ?? null);
  const completed = input.completedInvestment ?? (current ? Number(current.completedInvestment) : 0);
  const note = input.investmentNote !== undefined ? input.investmentNote : current?.investmentNote;
  if (planned !== null && planned !== undefined && completed > planned && !note) {
    errors.push({ field: 'completedInvestment', message: `已完成投资${completed}万元超过计划总投资${planned}万元，请在“投资说明”中写明原因` });
  }
  for (const [i, stage] of (input.stages ?? []).entries()) errors.push(...stageErrors(stage, i, start, end));
  if (errors.length > 0) throw invalid(errors);
  return location;
}

/** A stage's quarter must lie within the project's span, and its deadline within its quarter's year. */
function stageErrors(stage: StageInput, i: number, start?: string, end?: string): FieldError[] {
  const span = quarterSpan(stage.year, stage.quarter as 1 | 2 | 3 | 4);
  const errors: FieldError[] = [];
  if (start && end && (span.to < start || span.from > end)) {
    errors.push({
      field: `stages.${i}.quarter`,
      message: `阶段任务“${stage.title}”在${stage.year}年第${stage.quarter}季度，不在项目工期（${start}至${end}）内`,
    });
  }
  if (stage.due.slice(0, 4) !== String(stage.year))
    errors.push({ field: `stages.${i}.due`, message: `阶段任务“${stage.title}”的完成时限应在${stage.year}年内` });
  return errors;
}

export async function createProject(ctx: ServiceContext, input: CreateProjectInput, townshipCode?: string) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'project.write', tx, { code: townshipCode, what: '重点项目', lock: true });
    const location = (await checkProject(tx, township, input))!;
    if (await repo.projectNamed(tx, township.id, input.name)) throw new AppError('CONFLICT', `本镇已有名为“${input.name}”的项目`);
    const id = await repo.insertProject(tx, {
      townshipId: township.id,
      goalId: input.goalId ?? null,
      name: input.name,
      category: input.category,
      description: input.description,
      orgUnitId: location.id,
      unitPath: location.path,
      leaderName: input.leaderName,
      leaderUserId: input.leaderUserId ?? null,
      cadreGroupId: input.cadreGroupId ?? null,
      workLine: input.workLine ?? null,
      plannedInvestment: input.plannedInvestment === null || input.plannedInvestment === undefined ? null : String(input.plannedInvestment),
      completedInvestment: String(input.completedInvestment),
      investmentNote: input.investmentNote ?? null,
      startDate: input.startDate,
      endDate: input.endDate,
      status: input.status,
      createdBy: ctx.principal.userId,
    });
    await repo.replaceStages(tx, id, township.id, input.stages.map(stageRow));
    await recordAudit(tx, ctx.actor, { action: 'project.create', entity: 'project', entityId: id, townshipId: township.id, after: input });
    const today = await townshipToday(tx, township.code);
    return detailOf(ctx, tx, township, await projectOf(tx, township.id, id), today);
  });
}

function stageRow(s: StageInput) {
  return {
    id: s.id,
    year: s.year,
    quarter: s.quarter,
    title: s.title,
    due: s.due,
    doneOn: s.doneOn ?? null,
    evidence: s.evidence ?? null,
    attachmentIds: s.attachmentIds,
  };
}

export async function updateProject(ctx: ServiceContext, id: number, input: UpdateProjectInput, townshipCode?: string) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'project.write', tx, { code: townshipCode, what: '重点项目' });
    const current = await projectOf(tx, township.id, id, true);
    if (current.version !== input.version)
      throw new AppError('CONFLICT', '项目已被他人修改，请刷新后再保存', undefined, { version: current.version });
    const location = await checkProject(tx, township, input, current);
    if (input.name && input.name !== current.name && (await repo.projectNamed(tx, township.id, input.name, id))) {
      throw new AppError('CONFLICT', `本镇已有名为“${input.name}”的项目`);
    }
    const { version, stages, location: _location, plannedInvestment, completedInvestment, ...plain } = input;
    await repo.updateProject(tx, id, version, {
      ...plain,
      ...(location ? { orgUnitId: location.id, unitPath: location.path } : {}),
      ...(plannedInvestment !== undefined ? { plannedInvestment: plannedInvestment === null ? null : String(plannedInvestment) } : {}),
      ...(completedInvestment !== undefined ? { completedInvestment: String(completedInvestment) } : {}),
    });
    if (stages) await repo.replaceStages(tx, id, township.id, stages.map(stageRow));
    await recordAudit(tx, ctx.actor, {
      action: 'project.update',
      entity: 'project',
      entityId: id,
      townshipId: township.id,
      before: current,
      after: input,
    });
    const today = await townshipToday(tx, township.code);
    return detailOf(ctx, tx, township, await projectOf(tx, township.id, id), today);
  });
}

/** A progress line from the project's village or group: one line, photos, the investment so far, stages done. */
export async function postProjectUpdate(ctx: ServiceContext, id: number, input: ProjectUpdateInput, townshipCode?: string) {
  return ctx.db.transaction(async (tx) => {
    const { township, today } = await readTownship(ctx, tx, townshipCode);
    const project = await projectOf(tx, township.id, id, true);
    requireUnit(ctx, 'project.report', { name: project.locationName, path: project.unitPath });
    const planned = money(project.plannedInvestment);
    const note = input.investmentNote !== undefined ? input.investmentNote : project.investmentNote;
    if (input.completedInvestment != null && planned !== null && input.completedInvestment > planned && !note) {
      throw invalid([
        { field: 'completedInvestment', message: `已完成投资${input.completedInvestment}万元超过计划总投资${planned}万元，请在“投资说明”中写明原因` },
      ]);
    }
    const missing = await missingAttachments(tx, township.id, project.orgUnitId, input.attachmentIds);
    if (missing.length > 0) throw invalid([{ field: 'attachmentIds', message: `附件不存在或不能用于此项目：${missing.join('、')}` }]);
    const stages = await repo.stagesOf(tx, [id]);
    const unknown = input.doneStageIds.filter((s) => !stages.some((st) => st.id === s));
    if (unknown.length > 0) throw invalid([{ field: 'doneStageIds', message: `阶段任务 ${unknown.join('、')} 不属于此项目` }]);
    await claimAttachments(tx, township.id, project.orgUnitId, input.attachmentIds);
    await repo.insertProjectUpdate(tx, {
      projectId: id,
      townshipId: township.id,
      body: input.body,
      completedInvestment: input.completedInvestment == null ? null : String(input.completedInvestment),
      attachmentIds: input.attachmentIds,
      actorId: ctx.principal.userId,
      at: await townshipNow(tx, township.code),
    });
    if (input.doneStageIds.length > 0) await repo.markStagesDone(tx, id, input.doneStageIds, today, input.body, input.attachmentIds);
    await repo.bumpProject(tx, id, {
      completedInvestment: input.completedInvestment == null ? undefined : String(input.completedInvestment),
      investmentNote: input.investmentNote,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'project.progress',
      entity: 'project',
      entityId: id,
      townshipId: township.id,
      unitPath: project.unitPath === township.path ? undefined : project.unitPath,
      after: input,
    });
    return detailOf(ctx, tx, township, await projectOf(tx, township.id, id), today);
  });
}

/** The board (龙虎榜): projects ranked by on-time stages and by investment completion, with the ranking rules. */
export async function projectBoard(ctx: ServiceContext, townshipCode?: string): Promise<ProjectBoard> {
  const { township, today } = await readTownship(ctx, ctx.db, townshipCode);
  const rows = await repo.listProjects(ctx.db, { townshipId: township.id });
  const stages = await repo.stagesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const summaries = rows.map((r) =>
    projectSummaryOf(
      r,
      stages.filter((s) => s.projectId === r.id),
      today,
    ),
  );
  const board = (key: 'on_time' | 'investment', name: string, value: (p: ProjectSummary) => number | null) => {
    // Paused projects (暂缓) are kept off the board, as exempt subjects are on the villages' boards.
    const contestants = summaries.map((p) => ({
      id: String(p.id),
      value: value(p),
      completion: null,
      exemption: p.status === 'paused' ? '暂缓' : null,
    }));
    const placed = new Map(rankContestants(contestants, { topN: 5, bottomN: 5, requireTarget: false, higherIsBetter: true }).map((p) => [p.id, p]));
    const rowsOut = summaries
      .map((p) => ({
        projectId: p.id,
        name: p.name,
        value: value(p),
        rank: placed.get(String(p.id))?.rank ?? null,
        board: placed.get(String(p.id))?.board ?? null,
      }))
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.projectId - b.projectId);
    return { key, name, rows: rowsOut };
  };
  return {
    today,
    rankings: [board('on_time', '阶段任务按时完成率', (p) => p.onTimeRate), board('investment', '投资完成率', (p) => p.investmentRate)],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Goals

async function goalOf(ctx: ServiceContext, township: OrgUnitRef, row: repo.GoalRow, today: string, redByGoal: Map<number, number>): Promise<Goal> {
  const year = String(row.year);
  let indicators: Goal['indicators'] = [];
  if (row.indicatorKeys.length > 0) {
    const asOf = today.startsWith(year) ? today : `${year}-12-31`;
    const values = await indicatorValues(ctx, { keys: row.indicatorKeys, period: [year], asOf, orgUnit: township.code, targets: true });
    indicators = values.indicators.map((m) => {
      const item = values.items.find((i) => i.indicator === m.key) as
        { value: number | null; target?: number | null; completion?: number | null } | undefined;
      return {
        key: m.key,
        name: m.name,
        unit: m.unit ?? '',
        value: item?.value ?? null,
        target: item?.target ?? null,
        completion: item?.completion ?? null,
      };
    });
  }
  let campaignProgress: Goal['campaignProgress'] = null;
  // The campaign's progress is the org module's, read where the reader may read the township's tree.
  if (row.campaign === 'group_merge' && mayAccess(ctx, 'org.read', township)) {
    const merge = await mergeProgress(ctx, township.code);
    const planned = merge.totals.groupsBefore - merge.totals.groupsPlanned;
    campaignProgress = { label: '村民小组合并（合组）', done: merge.totals.mergedGroups, planned, completion: merge.totals.progressPercent };
  }
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    kind: row.kind as GoalKind,
    ownerName: row.ownerName,
    targetText: row.targetText,
    campaign: row.campaign,
    indicators,
    campaignProgress,
    taskCount: row.taskCount,
    tasksDone: row.tasksDone,
    tasksRed: redByGoal.get(row.id) ?? 0,
    projectCount: row.projectCount,
  };
}

export async function listGoals(ctx: ServiceContext, input: { township?: string; year?: number }) {
  const { township, today } = await readTownship(ctx, ctx.db, input.township);
  const rows = await repo.listGoals(ctx.db, township.id, input.year);
  const red = await repo.redTasksByGoal(ctx.db, township.id, today);
  const items = [];
  for (const row of rows) items.push(await goalOf(ctx, township, row, today, red));
  return { items, today };
}

/** Linked indicators must exist: asking the indicators surface for them says which do not. */
async function checkIndicators(ctx: ServiceContext, township: OrgUnitRef, keys: string[], year: number) {
  if (keys.length === 0) return;
  try {
    await indicatorValues(ctx, { keys, period: [String(year)], orgUnit: township.code });
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION')
      throw invalid(
        (error.errors ?? []).map((e) => ({ ...e, field: 'indicatorKeys' })),
        '关联的指标不存在',
      );
    throw error;
  }
}

export async function createGoal(ctx: ServiceContext, input: CreateGoalInput, townshipCode?: string) {
  const township = await requireTownship(ctx, 'goal.write', ctx.db, { code: townshipCode, what: '重点工作' });
  await checkIndicators(ctx, township, input.indicatorKeys, input.year);
  const id = await ctx.db.transaction(async (tx) => {
    const goalId = await repo.insertGoal(tx, {
      townshipId: township.id,
      year: input.year,
      title: input.title,
      kind: input.kind,
      ownerName: input.ownerName,
      ownerUserId: input.ownerUserId ?? null,
      targetText: input.targetText,
      campaign: input.campaign ?? null,
      createdBy: ctx.principal.userId,
    });
    await repo.setGoalIndicators(tx, goalId, township.id, input.indicatorKeys);
    await recordAudit(tx, ctx.actor, { action: 'goal.create', entity: 'goal', entityId: goalId, townshipId: township.id, after: input });
    return goalId;
  });
  return goalById(ctx, township, id);
}

async function goalById(ctx: ServiceContext, township: OrgUnitRef, id: number) {
  const today = await townshipToday(ctx.db, township.code);
  const [row] = await repo.listGoals(ctx.db, township.id, undefined, id);
  if (!row) throw notFound(`重点工作 ${id} `);
  return goalOf(ctx, township, row, today, await repo.redTasksByGoal(ctx.db, township.id, today));
}

export async function getGoal(ctx: ServiceContext, id: number, townshipCode?: string) {
  const { township } = await readTownship(ctx, ctx.db, townshipCode);
  return goalById(ctx, township, id);
}

export async function updateGoal(ctx: ServiceContext, id: number, input: UpdateGoalInput, townshipCode?: string) {
  const township = await requireTownship(ctx, 'goal.write', ctx.db, { code: townshipCode, what: '重点工作' });
  const [current] = await repo.listGoals(ctx.db, township.id, undefined, id);
  if (!current) throw notFound(`重点工作 ${id} `);
  if (input.indicatorKeys) await checkIndicators(ctx, township, input.indicatorKeys, input.year ?? current.year);
  await ctx.db.transaction(async (tx) => {
    const { indicatorKeys, ...plain } = input;
    await repo.updateGoal(tx, id, plain);
    if (indicatorKeys) await repo.setGoalIndicators(tx, id, township.id, indicatorKeys);
    await recordAudit(tx, ctx.actor, { action: 'goal.update', entity: 'goal', entityId: id, townshipId: township.id, before: current, after: input });
  });
  return goalById(ctx, township, id);
}
