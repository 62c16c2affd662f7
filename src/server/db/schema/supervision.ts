// Supervision (督办): goals (重点工作 / 三个一), key projects with quarterly stage tasks (龙虎榜), and tasks with
// deadline nodes handed to villages, cadre groups and offices. Lights are not stored: they are computed from the
// node summary kept on each task (core/supervision.ts) and the township's today.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { cadreGroups } from './cadre.js';
import { orgUnits } from './org.js';

export const goals = pgTable(
  'goals',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(), // core GOAL_KINDS
    ownerName: text('owner_name').notNull(),
    ownerUserId: integer('owner_user_id'),
    targetText: text('target_text').notNull().default(''),
    // A campaign whose progress is the goal's, e.g. 'group_merge' (合组): the innovation goal of the demo.
    campaign: text('campaign'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('goals_township_idx').on(t.townshipId, t.year)],
);

/** The indicators whose live values show a goal's progress. */
export const goalIndicators = pgTable(
  'goal_indicators',
  {
    goalId: integer('goal_id')
      .notNull()
      .references(() => goals.id, { onDelete: 'cascade' }),
    townshipId: integer('township_id').notNull(),
    indicatorKey: text('indicator_key').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.goalId, t.indicatorKey] })],
);

export const projects = pgTable(
  'projects',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    goalId: integer('goal_id').references(() => goals.id),
    name: text('name').notNull(),
    category: text('category').notNull(), // core PROJECT_CATEGORIES
    description: text('description').notNull().default(''),
    // Where the project is: a village, or the township itself for projects across villages.
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    unitPath: text('unit_path').notNull(),
    leaderName: text('leader_name').notNull(),
    leaderUserId: integer('leader_user_id'),
    cadreGroupId: integer('cadre_group_id').references(() => cadreGroups.id),
    workLine: text('work_line'),
    // 万元, two decimals.
    plannedInvestment: numeric('planned_investment', { precision: 14, scale: 2 }),
    completedInvestment: numeric('completed_investment', { precision: 14, scale: 2 }).notNull().default('0'),
    investmentNote: text('investment_note'),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    status: text('status').notNull().default('preparing'), // core PROJECT_STATUSES
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('projects_township_idx').on(t.townshipId),
    index('projects_path_idx').using('btree', sql`${t.unitPath} text_pattern_ops`),
    uniqueIndex('projects_name_uq')
      .on(t.townshipId, t.name)
      .where(sql`deleted_at IS NULL`),
  ],
);

/** A quarterly stage task of a project: what must be done, by when, done or not, and the evidence. */
export const projectStages = pgTable(
  'project_stages',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    townshipId: integer('township_id').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    title: text('title').notNull(),
    due: date('due').notNull(),
    doneOn: date('done_on'),
    evidence: text('evidence'),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('project_stages_project_idx').on(t.projectId)],
);

/** A project's progress line (one line, optional photos), with the investment it reports. */
export const projectUpdates = pgTable(
  'project_updates',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    townshipId: integer('township_id').notNull(),
    body: text('body').notNull(),
    completedInvestment: numeric('completed_investment', { precision: 14, scale: 2 }),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_updates_project_idx').on(t.projectId, t.createdAt)],
);

export const tasks = pgTable(
  'tasks',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    // A task split "到各村": each village's copy points at the township's parent task.
    parentId: integer('parent_id'),
    goalId: integer('goal_id').references(() => goals.id),
    projectId: integer('project_id').references(() => projects.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source').notNull(), // core TASK_SOURCES
    sourceRef: text('source_ref'), // a document number, a meeting, the rule of a quality finding
    // The lead unit: an org unit (village, township office) or a cadre group; unit_path is where it is read.
    leadUnitId: integer('lead_unit_id').references(() => orgUnits.id),
    leadGroupId: integer('lead_group_id').references(() => cadreGroups.id),
    unitPath: text('unit_path').notNull(),
    responsibleName: text('responsible_name'),
    responsibleUserId: integer('responsible_user_id'),
    assignerId: integer('assigner_id'),
    assignerName: text('assigner_name').notNull(),
    status: text('status').notNull().default('assigned'), // core TASK_STATUSES
    paused: boolean('paused').notNull().default(false),
    createdOn: date('created_on').notNull(),
    doneOn: date('done_on'),
    // The node summary (core NodeSummary), rewritten whenever a node changes: lights are filtered in SQL.
    nodesTotal: integer('nodes_total').notNull().default(0),
    nodesDone: integer('nodes_done').notNull().default(0),
    nextDue: date('next_due'),
    nextOriginalDue: date('next_original_due'),
    finalDue: date('final_due'),
    childrenTotal: integer('children_total').notNull().default(0),
    childrenDone: integer('children_done').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('tasks_township_status_idx').on(t.townshipId, t.status),
    index('tasks_path_idx').using('btree', sql`${t.unitPath} text_pattern_ops`),
    index('tasks_parent_idx').on(t.parentId),
    index('tasks_next_due_idx').on(t.townshipId, t.nextDue),
    index('tasks_project_idx').on(t.projectId),
    index('tasks_goal_idx').on(t.goalId),
  ],
);

/** Supporting units of a task (协办): they read it and may post updates. */
export const taskSupportUnits = pgTable(
  'task_support_units',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    townshipId: integer('township_id').notNull(),
    orgUnitId: integer('org_unit_id').references(() => orgUnits.id),
    cadreGroupId: integer('cadre_group_id').references(() => cadreGroups.id),
    unitPath: text('unit_path').notNull(),
  },
  (t) => [
    index('task_support_units_task_idx').on(t.taskId),
    index('task_support_units_path_idx').using('btree', sql`${t.unitPath} text_pattern_ops`),
  ],
);

/** Deadline nodes (时限节点): what must be done by when; an approved delay moves `due`, never `original_due`. */
export const taskNodes = pgTable(
  'task_nodes',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    townshipId: integer('township_id').notNull(),
    title: text('title').notNull(),
    due: date('due').notNull(),
    originalDue: date('original_due').notNull(),
    doneOn: date('done_on'),
    doneBy: integer('done_by'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('task_nodes_task_idx').on(t.taskId)],
);

/** The history of a task: created, each transition, updates with photos, nodes done, delays asked and decided. */
export const taskEvents = pgTable(
  'task_events',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    townshipId: integer('township_id').notNull(),
    kind: text('kind').notNull(), // created | transition | update | node_done | delay_requested | delay_decided
    transition: text('transition'),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    body: text('body'),
    nodeId: integer('node_id'),
    attachmentIds: jsonb('attachment_ids').$type<string[]>().notNull().default([]),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.createdAt)],
);

/** A request to move a node's deadline, decided by the task's assigner. */
export const taskDelays = pgTable(
  'task_delays',
  {
    id: serial('id').primaryKey(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    nodeId: integer('node_id')
      .notNull()
      .references(() => taskNodes.id, { onDelete: 'cascade' }),
    townshipId: integer('township_id').notNull(),
    requestedDue: date('requested_due').notNull(),
    reason: text('reason').notNull(),
    state: text('state').notNull().default('pending'), // pending | approved | refused
    requestedBy: integer('requested_by'),
    requestedByName: text('requested_by_name').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('task_delays_task_idx').on(t.taskId),
    // one open request per node at a time
    uniqueIndex('task_delays_pending_uq')
      .on(t.nodeId)
      .where(sql`state = 'pending'`),
  ],
);
