// What the reports read of supervision: the key projects of the board with their stages (the annex 附表 and the
// figures a project's description states), a task's deadline nodes by title, and the tasks due on a day (the
// daily notice's 次日任务). Read with the user's own visibility, like the pages that show them.
import type { ServiceContext } from '../../http/context.js';
import { requireTownship } from '../../policy/access.js';
import { townshipToday } from '../org/index.js';
import * as projectsRepo from './projects.repository.js';
import { visibilityOf } from './tasks.service.js';
import * as tasksRepo from './tasks.repository.js';

export interface ProjectFact {
  name: string;
  category: string;
  village: string;
  villagePath: string;
  leader: string;
  cadreGroup: string | null;
  goal: string | null;
  description: string;
  /** 万元 */
  plannedInvestment: number | null;
  completedInvestment: number;
  stages: { year: number; quarter: number; title: string; due: string; doneOn: string | null }[];
}

/** The township's key projects in board order, with their stages. */
export async function projectFacts(ctx: ServiceContext, townshipCode?: string): Promise<ProjectFact[]> {
  const township = await requireTownship(ctx, 'project.read', ctx.db, { code: townshipCode, what: '重点项目' });
  const rows = await projectsRepo.listProjects(ctx.db, { townshipId: township.id });
  const stages = await projectsRepo.stagesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((p) => ({
    name: p.name,
    category: p.category,
    village: p.locationName,
    villagePath: p.unitPath,
    leader: p.leaderName,
    cadreGroup: p.cadreGroupName,
    goal: p.goalTitle,
    description: p.description,
    plannedInvestment: p.plannedInvestment === null ? null : Number(p.plannedInvestment),
    completedInvestment: Number(p.completedInvestment),
    stages: stages
      .filter((s) => s.projectId === p.id)
      .map((s) => ({ year: s.year, quarter: s.quarter, title: s.title, due: s.due, doneOn: s.doneOn })),
  }));
}

export interface TaskFact {
  title: string;
  leadName: string | null;
  nodes: { title: string; due: string; doneOn: string | null }[];
}

/** The tasks the user sees whose title contains the text, exact matches first; with their deadline nodes. */
export async function tasksTitled(ctx: ServiceContext, title: string, townshipCode?: string): Promise<TaskFact[]> {
  const township = await requireTownship(ctx, 'task.read', ctx.db, { code: townshipCode, what: '督办任务' });
  const visibility = await visibilityOf(ctx, ctx.db, township.id);
  const found = await tasksRepo.tasksWithNodes(ctx.db, township.id, visibility, title);
  return found.sort((a, b) => Number(b.title === title) - Number(a.title === title));
}

/** Open top-level tasks the user sees with a deadline node on the day (the notice's line for tomorrow). */
export async function tasksDueOn(ctx: ServiceContext, day: string, townshipCode?: string): Promise<{ title: string; leadName: string | null }[]> {
  const township = await requireTownship(ctx, 'task.read', ctx.db, { code: townshipCode, what: '督办任务' });
  const today = await townshipToday(ctx.db, township.code);
  const visibility = await visibilityOf(ctx, ctx.db, township.id);
  const { items } = await tasksRepo.listTasks(
    ctx.db,
    {
      townshipId: township.id,
      visibility,
      dueFrom: day,
      dueTo: day,
      statuses: ['assigned', 'signed', 'in_progress', 'completion_requested'],
      topLevel: true,
    },
    today,
    1,
    50,
  );
  return items.map((t) => ({ title: t.title, leadName: t.leadUnitName ?? t.leadGroupName }));
}

/** Every top-level task the user sees, with its nodes' titles (the suggestion engine's catalogue). */
export async function taskCatalogue(ctx: ServiceContext, townshipCode?: string): Promise<{ title: string; nodes: string[] }[]> {
  const township = await requireTownship(ctx, 'task.read', ctx.db, { code: townshipCode, what: '督办任务' });
  const visibility = await visibilityOf(ctx, ctx.db, township.id);
  const found = await tasksRepo.tasksWithNodes(ctx.db, township.id, visibility);
  return found.map((t) => ({ title: t.title, nodes: t.nodes.map((n) => n.title) }));
}
