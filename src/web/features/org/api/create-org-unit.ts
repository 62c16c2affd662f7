import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOrgUnitBody } from '../../../../core/contracts/org-requests';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate';
import type { OrgUnit } from './types';

export function useCreateOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrgUnitBody) => api.post<OrgUnit>('/api/org-units', input),
    onSuccess: () => invalidateOrg(queryClient),
  });
}
