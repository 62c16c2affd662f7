import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MergeGroupsBody } from '../../../../core/contracts/org-requests';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate';
import type { OrgUnit } from './types';

export function useMergeGroups() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeGroupsBody) => api.post<OrgUnit>('/api/org-units/merge', input),
    onSuccess: () => invalidateOrg(queryClient),
  });
}
