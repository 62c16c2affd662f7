import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys } from './types';

export function useDeleteWorkLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/work-lines/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.workLines }),
  });
}
