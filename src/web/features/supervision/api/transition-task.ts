import { api } from '../../../lib/api-client';
import { useTaskMutation } from './task-mutation';
import type { TaskDetail, TransitionBody } from './types';

/** 签收, 申请办结, 同意办结, 退回, 暂停, 恢复; a stale `version` answers 409. */
export const useTransitionTask = (id: number) =>
  useTaskMutation(id, (body: TransitionBody) => api.post<TaskDetail>(`/api/tasks/${id}/transitions`, body));
