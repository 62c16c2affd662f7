import { api } from '../../../lib/api-client';
import { useTaskMutation } from './task-mutation';
import type { TaskDetail, TaskUpdateBody } from './types';

/**
 * A progress report (进展): one line, photos already uploaded through /api/attachments (the ledgers' photo input),
 * and the nodes it finishes. The first report of a signed task starts it.
 */
export const usePostTaskUpdate = (id: number) =>
  useTaskMutation(id, (body: TaskUpdateBody) => api.post<TaskDetail>(`/api/tasks/${id}/updates`, body));
