import { useQuery } from '@tanstack/react-query';
import type { OverdueQuery } from '../../../../core/contracts/ledgers-requests';
import { api, ApiError } from '../../../lib/api-client';
import { indicatorKeys, type OverdueAnswer } from './types';

/** Villages that have not submitted periods already due; null when the server has no such list (404). */
export function useOverdueSubmissions(asOf: string) {
  return useQuery({
    queryKey: indicatorKeys.overdue(asOf),
    queryFn: async () => {
      try {
        return await api.get<OverdueAnswer>('/api/submissions/overdue', { asOf } satisfies OverdueQuery);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
