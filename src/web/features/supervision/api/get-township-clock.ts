import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { taskKeys, type TownshipClock } from './types';

/** The township's today for deadlines: China's date, or a fixed date in the demo township. */
export function useTownshipClock(enabled = true) {
  return useQuery({ queryKey: taskKeys.clock, queryFn: () => api.get<TownshipClock>('/api/township-clock'), staleTime: 5 * 60_000, enabled });
}
