import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CloseOrgUnitBody } from '../../../../core/contracts/org-requests';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate';
import type { OrgUnit } from './types';

export function useCloseOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, date }: { code: string } & CloseOrgUnitBody) =>
      api.post<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}/close`, { date }),
    onSuccess: () => invalidateOrg(queryClient),
  });
}
