// What the supervision (督办) routes answer: tasks with their computed lights, goals, key projects and the board.
// The server declares these as response schemas; the web imports only the types.
import { z } from 'zod';
import { GOAL_KINDS, PROJECT_CATEGORIES, PROJECT_STATUSES, TASK_LIGHTS, TASK_SOURCES, TASK_STATUSES, TASK_TRANSITIONS } from '../supervision.js';
import type { TaskTransition } from '../supervision.js';

const transitionNames = Object.keys(TASK_TRANSITIONS) as [TaskTransition, ...TaskTransition[]];

/** A unit work is handed to: an org unit (village, office, the township) or a cadre group. */
export const workUnit = z.object({
  kind: z.enum(['org', 'group']),
  /** The org unit's code, or the cadre group's id as text. */
  code: z.string(),
  name: z.string(),
});
export type WorkUnit = z.infer<typeof workUnit>;

export const taskNode = z.object({
  id: z.number().int(),
  title: z.string(),
  /** YYYY-MM-DD, China date: due by the end of that day. */
  due: z.string(),
  /** Before any approved delay. */
  originalDue: z.string(),
  doneOn: z.string().nullable(),
});
export type TaskNode = z.infer<typeof taskNode>;

export const taskSummary = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  title: z.string(),
  source: z.enum(TASK_SOURCES),
  sourceRef: z.string().nullable(),
  lead: workUnit,
  responsibleName: z.string().nullable(),
  assignerName: z.string(),
  status: z.enum(TASK_STATUSES),
  paused: z.boolean(),
  light: z.enum(TASK_LIGHTS),
  /** Done after its last deadline, or open past one. */
  late: z.boolean(),
  createdOn: z.string(),
  doneOn: z.string().nullable(),
  nextDue: z.string().nullable(),
  finalDue: z.string().nullable(),
  nodesTotal: z.number().int(),
  nodesDone: z.number().int(),
  /** For a task split to villages (到各村): how many copies there are and how many are done. */
  childrenTotal: z.number().int(),
  childrenDone: z.number().int(),
  goal: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  project: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  version: z.number().int(),
});
export type TaskSummary = z.infer<typeof taskSummary>;

export const taskList = z.object({
  items: z.array(taskSummary),
  total: z.number().int(),
  /** The township's today, which the lights were computed for. */
  today: z.string(),
  /** Counts by light over the whole filtered list (not only this page), for the tabs. */
  lights: z.record(z.enum(TASK_LIGHTS), z.number().int()),
});
export type TaskList = z.infer<typeof taskList>;

export const taskEvent = z.object({
  id: z.number().int(),
  kind: z.enum(['created', 'transition', 'update', 'node_done', 'delay_requested', 'delay_decided', 'split']),
  transition: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  body: z.string().nullable(),
  nodeId: z.number().int().nullable(),
  attachments: z.array(z.object({ id: z.string(), fileName: z.string(), mimeType: z.string() })),
  actorName: z.string(),
  at: z.string(),
});
export type TaskEvent = z.infer<typeof taskEvent>;

export const taskDelay = z.object({
  id: z.number().int(),
  nodeId: z.number().int(),
  nodeTitle: z.string(),
  currentDue: z.string(),
  requestedDue: z.string(),
  reason: z.string(),
  state: z.enum(['pending', 'approved', 'refused']),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type TaskDelay = z.infer<typeof taskDelay>;

export const taskDetail = taskSummary.extend({
  description: z.string(),
  supporting: z.array(workUnit),
  nodes: z.array(taskNode),
  events: z.array(taskEvent),
  delays: z.array(taskDelay),
  children: z.array(taskSummary),
  /** What the signed-in user may do now: the buttons to show. */
  transitions: z.array(z.enum(transitionNames)),
  mayUpdate: z.boolean(),
  mayRequestDelay: z.boolean(),
  mayDecideDelay: z.boolean(),
  today: z.string(),
});
export type TaskDetail = z.infer<typeof taskDetail>;

export const createdTasks = z.object({
  /** The task; for a split to villages, the township's parent task. */
  task: taskSummary,
  /** The villages' copies of a split task. */
  children: z.array(taskSummary),
});
export type CreatedTasks = z.infer<typeof createdTasks>;

export const goalIndicatorProgress = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  /** value / target in %, one decimal. */
  completion: z.number().nullable(),
});

export const goal = z.object({
  id: z.number().int(),
  year: z.number().int(),
  title: z.string(),
  kind: z.enum(GOAL_KINDS),
  ownerName: z.string(),
  targetText: z.string(),
  campaign: z.string().nullable(),
  indicators: z.array(goalIndicatorProgress),
  /** A linked campaign's own progress, e.g. villager groups merged against the plan. */
  campaignProgress: z.object({ label: z.string(), done: z.number(), planned: z.number(), completion: z.number().nullable() }).nullable(),
  taskCount: z.number().int(),
  tasksDone: z.number().int(),
  tasksRed: z.number().int(),
  projectCount: z.number().int(),
});
export type Goal = z.infer<typeof goal>;
export const goalList = z.object({ items: z.array(goal), today: z.string() });
export type GoalList = z.infer<typeof goalList>;

export const projectStage = z.object({
  id: z.number().int(),
  year: z.number().int(),
  quarter: z.number().int().min(1).max(4),
  title: z.string(),
  due: z.string(),
  doneOn: z.string().nullable(),
  evidence: z.string().nullable(),
  attachmentIds: z.array(z.string()),
  /** done | done_late | overdue | open, as of the township's today. */
  state: z.enum(['done', 'done_late', 'overdue', 'open']),
});
export type ProjectStage = z.infer<typeof projectStage>;

export const projectSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  category: z.enum(PROJECT_CATEGORIES),
  status: z.enum(PROJECT_STATUSES),
  location: z.object({ code: z.string(), name: z.string() }),
  leaderName: z.string(),
  cadreGroup: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  workLine: z.string().nullable(),
  goal: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  /** 万元. */
  plannedInvestment: z.number().nullable(),
  completedInvestment: z.number(),
  investmentRate: z.number().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  stagesDue: z.number().int(),
  stagesOnTime: z.number().int(),
  stagesOverdue: z.number().int(),
  onTimeRate: z.number().nullable(),
  version: z.number().int(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;
export const projectList = z.object({
  /** `stages` only when asked for (stages=true). */
  items: z.array(projectSummary.extend({ stages: z.array(projectStage).optional() })),
  total: z.number().int(),
  today: z.string(),
});
export type ProjectList = z.infer<typeof projectList>;

export const projectUpdate = z.object({
  id: z.number().int(),
  body: z.string(),
  completedInvestment: z.number().nullable(),
  attachmentIds: z.array(z.string()),
  actorName: z.string(),
  at: z.string(),
});
export type ProjectUpdate = z.infer<typeof projectUpdate>;

export const projectDetail = projectSummary.extend({
  description: z.string(),
  investmentNote: z.string().nullable(),
  stages: z.array(projectStage),
  updates: z.array(projectUpdate),
  tasks: z.array(taskSummary),
  mayEdit: z.boolean(),
  mayReport: z.boolean(),
  today: z.string(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

/** The key-project board (龙虎榜): projects ranked by on-time stages and by investment completion. */
export const projectBoard = z.object({
  today: z.string(),
  rankings: z.array(
    z.object({
      key: z.enum(['on_time', 'investment']),
      name: z.string(),
      rows: z.array(
        z.object({
          projectId: z.number().int(),
          name: z.string(),
          value: z.number().nullable(),
          rank: z.number().int().nullable(),
          board: z.enum(['top', 'bottom']).nullable(),
        }),
      ),
    }),
  ),
});
export type ProjectBoard = z.infer<typeof projectBoard>;

/** The township's today for lights and deadlines; fixed for the demo township (2022-06-30). */
export const townshipClock = z.object({ today: z.string(), fixed: z.boolean() });
export type TownshipClock = z.infer<typeof townshipClock>;

/**
 * The cadre groups' board (组线督办榜): each small group by the on-time rate of the tasks led by it or by its
 * villages. A task is due once done or past a deadline; on time when done by its last deadline.
 */
export const groupBoard = z.object({
  today: z.string(),
  rows: z.array(
    z.object({
      groupId: z.number().int(),
      name: z.string(),
      tasks: z.number().int(),
      done: z.number().int(),
      onTime: z.number().int(),
      overdue: z.number().int(),
      /** Percent of the due tasks done on time; null while none is due. */
      onTimeRate: z.number().nullable(),
      rank: z.number().int().nullable(),
      board: z.enum(['top', 'bottom']).nullable(),
    }),
  ),
});
export type GroupBoard = z.infer<typeof groupBoard>;

/** Who handed out the tasks a reader sees (the list's 交办领导 filter), with their number of tasks. */
export const taskAssignerList = z.object({ items: z.array(z.object({ id: z.number().int(), name: z.string(), tasks: z.number().int() })) });
export type TaskAssignerList = z.infer<typeof taskAssignerList>;
