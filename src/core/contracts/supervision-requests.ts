// What a client sends to the supervision (督办) routes. The server validates with these schemas; the web imports
// the types (z.input: what it sends).
import { z } from 'zod';
import { GOAL_KINDS, PROJECT_CATEGORIES, PROJECT_STATUSES, TASK_LIGHTS, TASK_SOURCES, TASK_STATUSES, TASK_TRANSITIONS } from '../supervision.js';
import type { TaskTransition } from '../supervision.js';
import { bodyId as id, dateSchema, optionalText, requiredText as text } from './request-fields.js';

const date = (label: string) => z.string({ error: `请填写${label}` }).pipe(dateSchema);
const attachmentIds = z
  .array(z.string().regex(/^[0-9a-f-]{36}$/, '附件编号不正确'))
  .max(9, '一次最多9个附件')
  .default([]);
/** 万元, two decimals at most, below a trillion. */
const wan = (label: string) =>
  z
    .number({ error: `${label}应为数字（万元）` })
    .min(0, `${label}不能为负数`)
    .max(1e10, `${label}过大`)
    .refine((v) => Math.round(v * 100) === v * 100, `${label}最多保留两位小数`);

/** Only a deployment-wide administrator (who belongs to no township) needs to name the township. */
export const townshipQuery = z.object({
  township: z
    .string()
    .trim()
    .regex(/^\d{12}$/, '乡镇代码应为12位数字')
    .optional(),
});

/** A unit work goes to: an org unit by code, or a cadre group by id ("cg12"). */
export const workUnitRef = z
  .string({ error: '请选择单位' })
  .trim()
  .regex(/^(\d{12,18}|cg\d+)$/, '单位应为组织代码或组线编号（cg+编号）');

export const taskNodeInput = z.object({ title: text('节点内容', 100), due: date('节点时限') });

export const createTaskBody = z
  .object({
    title: text('任务名称', 100),
    description: z.string({ error: '任务说明应为文字' }).trim().max(2000, '任务说明不能超过2000个字').default(''),
    source: z.enum(TASK_SOURCES, { error: '请选择任务来源' }),
    sourceRef: optionalText('来源文号或会议', 100),
    /** One lead unit; or `villages` to split the task to several villages at once (到各村). */
    lead: workUnitRef.optional(),
    villages: z
      .array(z.string().regex(/^\d{12}$/, '村（社区）代码应为12位数字'))
      .max(200)
      .optional(),
    supporting: z.array(workUnitRef).max(30, '协办单位最多30个').default([]),
    responsibleName: optionalText('责任人', 40),
    responsibleUserId: id('责任人账号').nullable().optional(),
    nodes: z.array(taskNodeInput).min(1, '至少要有一个时限节点').max(20, '时限节点最多20个'),
    goalId: id('重点工作').nullable().optional(),
    projectId: id('重点项目').nullable().optional(),
  })
  .refine((b) => (b.lead ? 1 : 0) + (b.villages?.length ? 1 : 0) === 1, { message: '请选择一个牵头单位，或选择要分派的各村', path: ['lead'] })
  // Each village's copy has its own people: one account cannot be responsible in all of them.
  .refine((b) => !(b.villages?.length && b.responsibleUserId), { message: '分派到各村时不能指定同一个责任人账号', path: ['responsibleUserId'] });
export type CreateTaskBody = z.input<typeof createTaskBody>;

const transitionNames = Object.keys(TASK_TRANSITIONS) as [TaskTransition, ...TaskTransition[]];
export const transitionBody = z.object({
  transition: z.enum(transitionNames, { error: '操作不正确' }),
  /** The task's version as the user saw it: a move made meanwhile by someone else answers 409. */
  version: z.number({ error: '请带上任务版本号' }).int().positive(),
  note: optionalText('意见', 500),
});
export type TransitionBody = z.input<typeof transitionBody>;

export const taskUpdateBody = z.object({
  body: text('进展情况', 500),
  attachmentIds,
  /** Nodes this update finishes. */
  doneNodeIds: z.array(id('节点')).max(20).default([]),
});
export type TaskUpdateBody = z.input<typeof taskUpdateBody>;

export const delayRequestBody = z.object({ nodeId: id('节点'), requestedDue: date('申请延期至'), reason: text('延期理由', 500) });
export type DelayRequestBody = z.input<typeof delayRequestBody>;
export const delayDecisionBody = z.object({ approve: z.boolean({ error: '请选择同意或不同意' }), note: optionalText('审批意见', 500) });
export type DelayDecisionBody = z.input<typeof delayDecisionBody>;

const csv = <T extends string>(values: readonly T[], label: string) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const parts = s.split(',').filter(Boolean);
      const bad = parts.find((p) => !(values as readonly string[]).includes(p));
      if (bad) {
        ctx.addIssue({ code: 'custom', message: `${label}“${bad}”不正确` });
        return z.NEVER;
      }
      return parts as T[];
    });

export const taskListQuery = z
  .object({
    township: townshipQuery.shape.township,
    light: csv(TASK_LIGHTS, '灯色'),
    status: csv(TASK_STATUSES, '状态'),
    source: csv(TASK_SOURCES, '来源'),
    /** Tasks led by this unit or inside it: an org code, or a cadre group "cg12". */
    unit: workUnitRef.optional(),
    /** The assigner (a user id) or, with mine, the tasks I must handle. */
    assigner: z.coerce.number().int().positive().optional(),
    mine: z.enum(['handle', 'assigned']).optional(),
    goal: z.coerce.number().int().positive().optional(),
    project: z.coerce.number().int().positive().optional(),
    parent: z.coerce.number().int().positive().optional(),
    /** Copies of split tasks are listed under their parent unless asked for. */
    topLevel: z.enum(['true', 'false']).optional(),
    dueFrom: dateSchema.optional(),
    dueTo: dateSchema.optional(),
    q: z.string().trim().max(50, '搜索词不能超过50个字').optional(),
    page: z.coerce.number().int().min(1, '页码不正确').default(1),
    pageSize: z.coerce.number().int().min(1).max(200, '每页最多200条').default(20),
  })
  .refine((q) => !q.dueFrom || !q.dueTo || q.dueFrom <= q.dueTo, { message: '到期时间的开始日期不能晚于结束日期', path: ['dueFrom'] });
export type TaskListQuery = z.input<typeof taskListQuery>;

// Fields without defaults: an update (PATCH) changes only what it names; a create fills in the defaults.
const goalFields = {
  year: z.number({ error: '请填写年度' }).int().min(2000, '年度不正确').max(2100, '年度不正确'),
  title: text('重点工作名称', 100),
  kind: z.enum(GOAL_KINDS, { error: '请选择类别' }),
  ownerName: text('责任领导', 40),
  ownerUserId: id('责任领导账号').nullable().optional(),
  targetText: z.string().trim().max(1000, '目标不能超过1000个字'),
  campaign: z.enum(['group_merge']).nullable().optional(),
  indicatorKeys: z.array(z.string().trim().min(1).max(80)).max(12, '最多关联12个指标'),
};
export const createGoalBody = z.object({
  ...goalFields,
  targetText: goalFields.targetText.default(''),
  indicatorKeys: goalFields.indicatorKeys.default([]),
});
export type CreateGoalBody = z.input<typeof createGoalBody>;
export const updateGoalBody = z.object(goalFields).partial();
export type UpdateGoalBody = z.input<typeof updateGoalBody>;

export const stageInput = z.object({
  id: id('阶段任务').optional(),
  year: z.number({ error: '请填写年度' }).int().min(2000).max(2100),
  quarter: z.number({ error: '请选择季度' }).int().min(1, '季度应为1～4').max(4, '季度应为1～4'),
  title: text('阶段任务', 200),
  due: date('完成时限'),
  doneOn: dateSchema.nullable().optional(),
  evidence: optionalText('完成佐证', 500),
  attachmentIds,
});

const projectFields = {
  name: text('项目名称', 100),
  category: z.enum(PROJECT_CATEGORIES, { error: '请选择项目类别' }),
  description: z.string().trim().max(2000, '项目简介不能超过2000个字'),
  location: z.string({ error: '请选择项目所在地' }).regex(/^\d{12}$/, '项目所在地应为12位组织代码'),
  leaderName: text('责任领导', 40),
  leaderUserId: id('责任领导账号').nullable().optional(),
  cadreGroupId: id('组线').nullable().optional(),
  workLine: optionalText('工作条线', 40),
  goalId: id('重点工作').nullable().optional(),
  plannedInvestment: wan('计划总投资').nullable().optional(),
  completedInvestment: wan('已完成投资'),
  investmentNote: optionalText('投资说明', 500),
  startDate: date('开工日期'),
  endDate: date('完工日期'),
  status: z.enum(PROJECT_STATUSES, { error: '项目状态不正确' }),
  stages: z.array(stageInput).max(40, '阶段任务最多40个'),
};
export const createProjectBody = z.object({
  ...projectFields,
  description: projectFields.description.default(''),
  completedInvestment: projectFields.completedInvestment.default(0),
  status: projectFields.status.default('preparing'),
  stages: projectFields.stages.default([]),
});
export type CreateProjectBody = z.input<typeof createProjectBody>;
/** Only the fields named change; `stages`, when given, replaces the project's stages. */
export const updateProjectBody = z
  .object(projectFields)
  .partial()
  .extend({ version: z.number({ error: '请带上项目版本号' }).int().positive() });
export type UpdateProjectBody = z.input<typeof updateProjectBody>;

export const projectUpdateBody = z.object({
  body: text('进展情况', 500),
  completedInvestment: wan('已完成投资').nullable().optional(),
  investmentNote: optionalText('投资说明', 500),
  attachmentIds,
  /** Stages this update reports done (with the update as their evidence). */
  doneStageIds: z.array(id('阶段任务')).max(40).default([]),
});
export type ProjectUpdateBody = z.input<typeof projectUpdateBody>;

export const projectListQuery = z.object({
  township: townshipQuery.shape.township,
  /** Only these projects (the quarter timeline asks for its page's), comma-separated ids. */
  ids: z
    .string()
    .regex(/^\d+(,\d+){0,199}$/, '项目编号应为逗号分隔的数字，最多200个')
    .transform((s) => s.split(',').map(Number))
    .optional(),
  /** With each project's stage tasks (for the quarter timeline). */
  stages: z.enum(['true', 'false']).optional(),
  category: z.enum(PROJECT_CATEGORIES).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  goal: z.coerce.number().int().positive().optional(),
  village: z
    .string()
    .regex(/^\d{12}$/, '村（社区）代码应为12位数字')
    .optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ProjectListQuery = z.input<typeof projectListQuery>;

export const goalListQuery = z.object({ township: townshipQuery.shape.township, year: z.coerce.number().int().min(2000).max(2100).optional() });
export type GoalListQuery = z.input<typeof goalListQuery>;
