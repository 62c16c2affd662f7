// Excel out of supervision: the task list as a 督办台账, and the key projects as the report's annex table (附表:
// project, leader, cadre group, village, the quarters' stage tasks, investment).
import ExcelJS from 'exceljs';
import {
  GOAL_KIND_NAMES,
  PROJECT_CATEGORY_NAMES,
  PROJECT_STATUS_NAMES,
  TASK_LIGHT_SHORT_NAMES,
  TASK_SOURCE_NAMES,
  TASK_STATUS_NAMES,
} from '../../../core/supervision.js';
import type { ServiceContext } from '../../http/context.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';
import { requireTownship } from '../../policy/access.js';
import { townshipToday } from '../org/index.js';
import * as repo from './projects.repository.js';
import { listGoals } from './projects.service.js';
import type { TaskListInput } from './supervision.schemas.js';
import { listTasks } from './tasks.service.js';

/** Up to this many rows in one 督办台账 export: a township's tasks of several years. */
const EXPORT_LIMIT = 20_000;

export async function exportTasks(ctx: ServiceContext, input: TaskListInput) {
  const list = await listTasks(ctx, { ...input, page: 1, pageSize: EXPORT_LIMIT });
  const workbook = new ExcelJS.Workbook();
  addTableSheet(
    workbook,
    '督办台账',
    [
      { header: '序号', key: 'n', width: 6 },
      { header: '任务名称', key: 'title', width: 36 },
      { header: '来源', key: 'source', width: 12 },
      { header: '文号/会议', key: 'sourceRef', width: 18 },
      { header: '牵头单位', key: 'lead', width: 14 },
      { header: '责任人', key: 'responsible', width: 10 },
      { header: '交办人', key: 'assigner', width: 10 },
      { header: '交办日期', key: 'createdOn', width: 12 },
      { header: '下一时限', key: 'nextDue', width: 12 },
      { header: '最终时限', key: 'finalDue', width: 12 },
      { header: '节点完成', key: 'nodes', width: 10 },
      { header: '状态', key: 'status', width: 10 },
      { header: '亮灯', key: 'light', width: 10 },
      { header: '办结日期', key: 'doneOn', width: 12 },
      { header: '各村完成', key: 'children', width: 10 },
    ],
    list.items.map((t, i) => ({
      n: i + 1,
      title: t.title,
      source: TASK_SOURCE_NAMES[t.source],
      sourceRef: t.sourceRef ?? '',
      lead: t.lead.name,
      responsible: t.responsibleName ?? '',
      assigner: t.assignerName,
      createdOn: t.createdOn,
      nextDue: t.nextDue ?? '',
      finalDue: t.finalDue ?? '',
      nodes: `${t.nodesDone}/${t.nodesTotal}`,
      status: TASK_STATUS_NAMES[t.status] + (t.paused ? '（暂停）' : ''),
      light: TASK_LIGHT_SHORT_NAMES[t.light] + (t.late && t.light === 'green' ? '（逾期办结）' : ''),
      doneOn: t.doneOn ?? '',
      children: t.childrenTotal > 0 ? `${t.childrenDone}/${t.childrenTotal}` : '',
    })),
  );
  return { today: list.today, buffer: await workbookBuffer(workbook) };
}

/** The annex table of the half-year report: one row per project, its stages per quarter in four columns. */
export async function exportProjects(ctx: ServiceContext, townshipCode?: string, year?: number) {
  const township = await requireTownship(ctx, 'project.read', ctx.db, { code: townshipCode, what: '重点项目' });
  const today = await townshipToday(ctx.db, township.code);
  const reportYear = year ?? Number(today.slice(0, 4));
  const projects = await repo.listProjects(ctx.db, { townshipId: township.id });
  const stages = await repo.stagesOf(
    ctx.db,
    projects.map((p) => p.id),
  );
  const workbook = new ExcelJS.Workbook();
  const quarterText = (projectId: number, quarter: number) =>
    stages
      .filter((s) => s.projectId === projectId && s.year === reportYear && s.quarter === quarter)
      .map((s) => `${s.title}（${s.due.slice(5).replace('-', '月')}日前${s.doneOn ? '，已完成' : ''}）`)
      .join('；');
  const sheet = addTableSheet(
    workbook,
    `${reportYear}年重点项目`,
    [
      { header: '序号', key: 'n', width: 6 },
      { header: '项目名称', key: 'name', width: 30 },
      { header: '类别', key: 'category', width: 10 },
      { header: '责任领导', key: 'leader', width: 10 },
      { header: '组线', key: 'group', width: 12 },
      { header: '所在村', key: 'village', width: 10 },
      { header: '计划总投资（万元）', key: 'planned', width: 14 },
      { header: '已完成投资（万元）', key: 'completed', width: 14 },
      { header: '第一季度', key: 'q1', width: 30 },
      { header: '第二季度', key: 'q2', width: 30 },
      { header: '第三季度', key: 'q3', width: 30 },
      { header: '第四季度', key: 'q4', width: 30 },
      { header: '状态', key: 'status', width: 8 },
    ],
    projects.map((p, i) => ({
      n: i + 1,
      name: p.name,
      category: PROJECT_CATEGORY_NAMES[p.category as keyof typeof PROJECT_CATEGORY_NAMES] ?? p.category,
      leader: p.leaderName,
      group: p.cadreGroupName ?? '',
      village: p.locationName,
      planned: p.plannedInvestment === null ? null : Number(p.plannedInvestment),
      completed: Number(p.completedInvestment),
      q1: quarterText(p.id, 1),
      q2: quarterText(p.id, 2),
      q3: quarterText(p.id, 3),
      q4: quarterText(p.id, 4),
      status: PROJECT_STATUS_NAMES[p.status as keyof typeof PROJECT_STATUS_NAMES] ?? p.status,
    })),
  );
  for (const key of ['q1', 'q2', 'q3', 'q4', 'name']) sheet.getColumn(key).alignment = { wrapText: true, vertical: 'top' };
  for (const key of ['planned', 'completed']) sheet.getColumn(key).numFmt = '#,##0.00';
  return { township: township.name, year: reportYear, buffer: await workbookBuffer(workbook) };
}

/** The year's goals (重点工作) as a table: their indicators' progress, tasks and projects, as the cards show them. */
export async function exportGoals(ctx: ServiceContext, input: { township?: string; year?: number }) {
  const { items, today } = await listGoals(ctx, input);
  const workbook = new ExcelJS.Workbook();
  const percent = (v: number | null) => (v === null ? '未设目标' : `${v}%`);
  addTableSheet(
    workbook,
    '重点工作',
    [
      { header: '年度', key: 'year', width: 8 },
      { header: '类别', key: 'kind', width: 10 },
      { header: '重点工作', key: 'title', width: 40 },
      { header: '责任领导', key: 'owner', width: 10 },
      { header: '目标', key: 'target', width: 50 },
      { header: '进度', key: 'progress', width: 50 },
      { header: '督办任务（办结/总数）', key: 'tasks', width: 14 },
      { header: '红灯', key: 'red', width: 6 },
      { header: '重点项目', key: 'projects', width: 8 },
    ],
    items.map((g) => ({
      year: g.year,
      kind: GOAL_KIND_NAMES[g.kind],
      title: g.title,
      owner: g.ownerName,
      target: g.targetText,
      progress: [
        ...g.indicators.map((i) => `${i.name}：${i.value ?? '—'}${i.unit}，完成${percent(i.completion)}`),
        ...(g.campaignProgress ? [`${g.campaignProgress.label}：${g.campaignProgress.done}/${g.campaignProgress.planned}`] : []),
      ].join('；'),
      tasks: `${g.tasksDone}/${g.taskCount}`,
      red: g.tasksRed,
      projects: g.projectCount,
    })),
  ).eachRow((row) => (row.alignment = { wrapText: true, vertical: 'top' }));
  return { today, buffer: await workbookBuffer(workbook) };
}
