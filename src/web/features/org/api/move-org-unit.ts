import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MoveOrgUnitBody } from '../../../../core/contracts/org-requests';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate';
import type { OrgUnit } from './types';

export function useMoveOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, parentCode }: { code: string } & MoveOrgUnitBody) =>
      api.post<OrgUnit>(`/api/org-units/${encodeURIComponent(code)}/move`, { parentCode }),
    onSuccess: () => invalidateOrg(queryClient),
  });
}
