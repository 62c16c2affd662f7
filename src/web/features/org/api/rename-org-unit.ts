import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RenameOrgUnitBody } from '../../../../core/contracts/org-requests';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate';
import type { OrgUnit } from './types';

export function useRenameOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, name }: { code: string } & RenameOrgUnitBody) => api.patch<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}`, { name }),
    onSuccess: () => invalidateOrg(queryClient),
  });
}
