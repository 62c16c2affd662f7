import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate';
import type { OrgUnit } from './types';

export interface MergeGroupsInput {
  groupCodes: string[];
  name: string;
  date: string;
}

export function useMergeGroups() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeGroupsInput) => api.post<OrgUnit>('/api/org-units/merge', input),
    onSuccess: () => invalidateOrg(queryClient),
  });
}
