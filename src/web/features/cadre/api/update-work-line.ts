import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { WorkLineInput } from './create-work-line';
import { cadreKeys, type WorkLine } from './types';

export function useUpdateWorkLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<WorkLineInput> & { id: number }) => api.patch<WorkLine>(`/api/work-lines/${id}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.workLines }),
  });
}
