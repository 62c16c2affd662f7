import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys, type WorkLine } from './types';

export interface WorkLineInput {
  name: string;
  leaderName: string;
  leaderUserId?: number;
  description?: string;
}

export function useCreateWorkLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkLineInput) => api.post<WorkLine>('/api/work-lines', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.workLines }),
  });
}
