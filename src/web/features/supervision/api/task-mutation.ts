import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../../lib/api-client';
import { taskKeys, type TaskDetail } from './types';

/**
 * A change to one task answered with the task as it is now: the detail is replaced and the lists refreshed.
 * A 409 (someone moved the task meanwhile, or it is finished) refreshes the detail too, so the page shows what
 * the server has.
 */
export function useTaskMutation<I>(id: number, fn: (input: I) => Promise<TaskDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (task) => {
      queryClient.setQueryData(taskKeys.detail(id), task);
      void queryClient.invalidateQueries({ queryKey: taskKeys.lists });
      if (task.parentId !== null) void queryClient.invalidateQueries({ queryKey: taskKeys.detail(task.parentId) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void queryClient.invalidateQueries({ queryKey: taskKeys.detail(id) });
    },
  });
}
