// Shapes of the 督办 task API. Answers and requests are the contracts the server declares
// (core/contracts/supervision.ts, supervision-requests.ts), imported as types only; what is written here is the
// web's own: how the list keeps its filters, the query keys and the colours of the lights.
import type { TaskLight, TaskSource, TaskStatus } from '../../../../core/supervision';

export type {
  CreatedTasks,
  TaskDelay,
  TaskDetail,
  TaskEvent,
  TaskList,
  TaskNode,
  TaskSummary,
  TownshipClock,
  WorkUnit,
} from '../../../../core/contracts/supervision';
export type {
  CreateTaskBody,
  DelayDecisionBody,
  DelayRequestBody,
  TaskUpdateBody,
  TransitionBody,
} from '../../../../core/contracts/supervision-requests';
export type { TaskLight, TaskSource, TaskStatus, TaskTransition } from '../../../../core/supervision';

/**
 * The list's filters as the page keeps them (TaskListQuery without paging); several lights, statuses or sources
 * are sent comma-separated.
 */
export interface TaskFilters {
  light?: TaskLight[];
  status?: TaskStatus[];
  source?: TaskSource[];
  /** An org code or a cadre group "cg12". */
  unit?: string;
  mine?: 'handle' | 'assigned';
  parent?: number;
  /** Tasks of one goal (重点工作), from a goal card. */
  goal?: number;
  /** Handed out by this user (交办领导). */
  assigner?: number;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

/** The list's query string (also the export's). */
export function taskQuery(filters: TaskFilters): Record<string, string | number | undefined> {
  const csv = (values?: readonly string[]) => (values?.length ? values.join(',') : undefined);
  return {
    light: csv(filters.light),
    status: csv(filters.status),
    source: csv(filters.source),
    unit: filters.unit,
    mine: filters.mine,
    parent: filters.parent,
    goal: filters.goal,
    assigner: filters.assigner,
    dueFrom: filters.dueFrom,
    dueTo: filters.dueTo,
    q: filters.q,
  };
}

export const taskKeys = {
  all: ['tasks'] as const,
  lists: ['tasks', 'list'] as const,
  list: (filters: TaskFilters, page: number, pageSize: number) => ['tasks', 'list', filters, page, pageSize] as const,
  detail: (id: number) => ['tasks', 'detail', id] as const,
  clock: ['tasks', 'clock'] as const,
};

/** Tag colours of the lights: red, yellow, blue as on the wall chart; grey not started or paused; green done. */
export const LIGHT_COLORS: Record<TaskLight, string> = { red: 'red', yellow: 'gold', blue: 'blue', normal: 'cyan', grey: 'default', green: 'green' };

/** Dots and borders in the lights' colours (antd's palette). */
export const LIGHT_HEX: Record<TaskLight, string> = {
  red: '#cf1322',
  yellow: '#d48806',
  blue: '#1677ff',
  normal: '#08979c',
  grey: '#8c8c8c',
  green: '#389e0d',
};
