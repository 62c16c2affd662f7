import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { MergeProgressRow } from './get-merge-progress';
import { orgKeys } from './types';

export function useUpdateMergePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, plannedGroups }: { code: string; plannedGroups: number }) =>
      api.put<MergeProgressRow>(`/api/org-units/${encodeURIComponent(code)}/merge-plan`, { plannedGroups }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...orgKeys.all, 'merge-progress'] }),
  });
}
