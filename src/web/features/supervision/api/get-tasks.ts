import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { taskKeys, taskQuery, type TaskFilters, type TaskList } from './types';

/** A page of tasks, red first; `lights` counts the whole filtered list by light (ignoring the light filter). */
export function getTasks(filters: TaskFilters, page: number, pageSize: number) {
  return api.get<TaskList>('/api/tasks', { ...taskQuery(filters), page, pageSize });
}

export function useTasks(filters: TaskFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(filters, page, pageSize),
    queryFn: () => getTasks(filters, page, pageSize),
    placeholderData: keepPreviousData,
    enabled,
  });
}
