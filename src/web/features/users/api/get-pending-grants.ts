import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys, type PendingGrant } from './types';

/** Household-data roles waiting for the signed-in township leader's approval. */
export function usePendingGrants(enabled: boolean) {
  return useQuery({ queryKey: userKeys.pendingGrants, queryFn: () => api.get<{ items: PendingGrant[] }>('/api/users/pending-grants'), enabled });
}
