import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate';
import type { OrgUnit } from './types';

export interface CreateOrgUnitInput {
  parentCode: string;
  name: string;
  level: string;
  code?: string;
}

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrgUnitInput) => api.post<OrgUnit>('/api/org-units', input),
    onSuccess: () => invalidateOrg(queryClient),
  });
}
