import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { orgKeys } from './types';

export interface MergeProgressRow {
  code: string;
  name: string;
  groupsBefore: number;
  groupsNow: number;
  groupsPlanned: number | null;
  done: boolean;
}

export interface MergeProgress {
  township: { code: string; name: string };
  items: MergeProgressRow[];
  totals: {
    villages: number;
    villagesDone: number;
    villagesDonePercent: number;
    groupsBefore: number;
    groupsNow: number;
    groupsPlanned: number;
    mergedGroups: number;
    progressPercent: number;
  };
}

export function useMergeProgress(township: string | undefined) {
  return useQuery({
    queryKey: orgKeys.mergeProgress(township ?? ''),
    queryFn: () => api.get<MergeProgress>('/api/org-units/merge-progress', { township }),
    enabled: !!township,
  });
}
