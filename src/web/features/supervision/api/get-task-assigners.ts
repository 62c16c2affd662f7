import { useQuery } from '@tanstack/react-query';
import type { TaskAssignerList } from '../../../../core/contracts/supervision';
import { api } from '../../../lib/api-client';
import { taskKeys } from './types';

/** Who handed out the tasks the user sees: the choices of the 交办领导 filter. */
export function useTaskAssigners() {
  return useQuery({
    queryKey: [...taskKeys.lists, 'assigners'],
    queryFn: () => api.get<TaskAssignerList>('/api/tasks/assigners'),
    staleTime: 60_000,
  });
}
