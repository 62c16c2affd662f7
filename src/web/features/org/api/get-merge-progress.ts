import { useQuery } from '@tanstack/react-query';
import type { MergeProgressQuery } from '../../../../core/contracts/org-requests';
import { api } from '../../../lib/api-client';
import { orgKeys, type MergeProgress } from './types';

export function useMergeProgress(township: string | undefined) {
  return useQuery({
    queryKey: orgKeys.mergeProgress(township ?? ''),
    queryFn: () => api.get<MergeProgress>('/api/org-units/merge-progress', { township } satisfies Partial<MergeProgressQuery>),
    enabled: !!township,
  });
}
