import { api } from '../../../lib/api-client';
import { useTaskMutation } from './task-mutation';
import type { DelayRequestBody, TaskDetail } from './types';

/** Asks the assigner to move one node's deadline; one pending request per node. */
export const useRequestDelay = (id: number) => useTaskMutation(id, (body: DelayRequestBody) => api.post<TaskDetail>(`/api/tasks/${id}/delays`, body));
