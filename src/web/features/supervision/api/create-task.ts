import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { taskKeys, type CreateTaskBody, type CreatedTasks } from './types';

/** 交办: one lead unit, or `villages` to split the task to each village (到各村). */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTaskBody) => api.post<CreatedTasks>('/api/tasks', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: taskKeys.lists }),
  });
}
