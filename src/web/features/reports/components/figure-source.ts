// Where a figure of a report was read from, in words: the popover of a figure that has no "explain" drawer.
import type { FigureSource } from '../../../../core/report-document';

export type Figure = { index: number; placeholder: string; source: FigureSource; missing?: boolean };

/** Figures that are one indicator's value for a unit and period: "explain this number" can show their records. */
export function explainable(source: FigureSource): boolean {
  return (source.kind === 'value' || source.kind === 'growth') && !!source.target && !!source.period;
}

const TOWNSHIP_FACTS: Record<string, string> = {
  name: '乡镇名称',
  short: '乡镇简称',
  goal: '工作目标',
  motto: '工作总方针',
  campaign: '市委行动名称',
};

const DATES: Record<string, string> = { period: '报告期', asof: '截止日期', start: '报告期起始日', end: '报告期截止日' };

const MERGE: Record<string, string> = {
  groups_before: '合组前村民小组数',
  groups_planned: '计划合并后村民小组数',
  groups_now: '现有村民小组数',
  villages: '参与合组的村数',
  villages_done: '已完成合组的村数',
  merged: '已合并的村民小组数',
  progress: '合组进度（%）',
};

/** One line saying where a figure comes from, e.g. 重点项目“韶山灌区…”, 乡镇概况：工作目标. */
export function figureSourceText(source: FigureSource, indicatorName?: (key: string) => string | undefined): string {
  const indicator = `指标“${indicatorName?.(source.target) ?? source.target}”`;
  switch (source.kind) {
    case 'value':
      return `${indicator}的数值`;
    case 'growth':
      return `${indicator}与上年同期相比的增减`;
    case 'top':
      return `按${indicator}排名靠前（或靠后）的单位`;
    case 'rank':
      return `本单位在${indicator}上的排名`;
    case 'field':
      return `台账记录的一项：${source.target}`;
    case 'count':
      return `台账“${source.target}”中符合条件的记录数`;
    case 'township':
      return `乡镇概况：${TOWNSHIP_FACTS[source.target] ?? source.target}`;
    case 'date':
      return `日期：${DATES[source.target] ?? source.target}`;
    case 'merge':
      return `合组进度：${MERGE[source.target] ?? source.target}`;
    case 'project':
      return source.target === 'count' ? '重点项目的个数' : `重点项目“${source.target}”`;
    case 'task':
      return `督办任务“${source.target}”的节点时间`;
    case 'unbound':
      return `待绑定：原文“${source.target || '*'}”还没有对应的数据`;
    default:
      return source.target ? `${source.kind}：${source.target}` : source.kind;
  }
}
