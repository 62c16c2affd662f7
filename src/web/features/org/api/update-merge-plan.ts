import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MergePlanBody } from '../../../../core/contracts/org-requests';
import { api } from '../../../lib/api-client';
import { orgKeys, type MergePlan } from './types';

export function useUpdateMergePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, plannedGroups }: { code: string } & MergePlanBody) =>
      api.put<MergePlan>(`/api/org-units/${encodeURIComponent(code)}/merge-plan`, { plannedGroups }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...orgKeys.all, 'merge-progress'] }),
  });
}
