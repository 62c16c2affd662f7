import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys, type PendingGrant } from './types';

export function useApproveGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, grantId }: { userId: number; grantId: number }) => api.post<PendingGrant>(`/api/users/${userId}/roles/${grantId}/approve`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
