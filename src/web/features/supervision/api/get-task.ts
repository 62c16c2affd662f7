import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { taskKeys, type TaskDetail } from './types';

/** One task with its nodes, history, delays, split copies and what the user may do now. */
export function useTask(id: number) {
  return useQuery({ queryKey: taskKeys.detail(id), queryFn: () => api.get<TaskDetail>(`/api/tasks/${id}`), enabled: Number.isInteger(id) && id > 0 });
}
