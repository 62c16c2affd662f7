import { useQuery } from '@tanstack/react-query';
import type { GroupBoard } from '../../../../core/contracts/supervision';
import { api } from '../../../lib/api-client';
import { useSupervisionTownship } from './projects';
import { taskKeys } from './types';

export type { GroupBoard } from '../../../../core/contracts/supervision';

/** 组线督办榜: the small cadre groups by the on-time rate of their and their villages' tasks. */
export function useGroupBoard(enabled = true) {
  const { township, ready } = useSupervisionTownship();
  return useQuery({
    // Under the task lists' key: every task change that refreshes the lists refreshes the board too.
    queryKey: [...taskKeys.lists, 'group-board', township ?? ''],
    queryFn: () => api.get<GroupBoard>('/api/tasks/group-board', { township }),
    enabled: enabled && ready,
  });
}
