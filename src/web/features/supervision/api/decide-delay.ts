import { api } from '../../../lib/api-client';
import { useTaskMutation } from './task-mutation';
import type { DelayDecisionBody, TaskDetail } from './types';

/** The assigner approves (the node's deadline moves, its original stays) or refuses a delay. */
export const useDecideDelay = (id: number) =>
  useTaskMutation(id, ({ delayId, ...body }: { delayId: number } & DelayDecisionBody) =>
    api.post<TaskDetail>(`/api/tasks/${id}/delays/${delayId}/decision`, body),
  );
