// The list's filters live in the address, so coming back from a task (or sharing the link) keeps them.
import { TASK_LIGHTS, TASK_SOURCES, TASK_STATUSES } from '../../../../core/supervision';
import type { TaskFilters } from '../api/types';

const list = <T extends string>(text: string | null, allowed: readonly T[]): T[] | undefined => {
  const values = (text ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));
  return values.length ? values : undefined;
};
const date = (text: string | null) => (text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : undefined);

export function filtersFromSearch(params: URLSearchParams): TaskFilters {
  const mine = params.get('mine');
  return {
    light: list(params.get('light'), TASK_LIGHTS),
    status: list(params.get('status'), TASK_STATUSES),
    source: list(params.get('source'), TASK_SOURCES),
    unit: params.get('unit') || undefined,
    mine: mine === 'handle' || mine === 'assigned' ? mine : undefined,
    goal: Number(params.get('goal')) > 0 ? Number(params.get('goal')) : undefined,
    assigner: Number(params.get('assigner')) > 0 ? Number(params.get('assigner')) : undefined,
    dueFrom: date(params.get('dueFrom')),
    dueTo: date(params.get('dueTo')),
    q: params.get('q') || undefined,
  };
}

export function searchFromFilters(filters: TaskFilters, page: number, pageSize: number): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined) => value && params.set(key, value);
  set('light', filters.light?.join(','));
  set('status', filters.status?.join(','));
  set('source', filters.source?.join(','));
  set('unit', filters.unit);
  set('mine', filters.mine);
  set('goal', filters.goal ? String(filters.goal) : undefined);
  set('assigner', filters.assigner ? String(filters.assigner) : undefined);
  set('dueFrom', filters.dueFrom);
  set('dueTo', filters.dueTo);
  set('q', filters.q);
  if (page > 1) params.set('page', String(page));
  if (pageSize !== 20) params.set('pageSize', String(pageSize));
  return params;
}
