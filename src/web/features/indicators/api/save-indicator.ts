import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateIndicatorBody } from '../../../../core/contracts/indicators-requests';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type Indicator, type IndicatorInput } from './types';

/** Creates (no `existing` key) or replaces an indicator's definition; refreshes every indicator query. */
export function useSaveIndicator(existing: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IndicatorInput) => {
      if (!existing) return api.post<Indicator>('/api/indicators', input);
      const { key: _key, ...body } = input;
      return api.put<Indicator>(`/api/indicators/${encodeURIComponent(existing)}`, body satisfies UpdateIndicatorBody);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.all }),
  });
}

export function useDeleteIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.delete(`/api/indicators/${encodeURIComponent(key)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.all }),
  });
}
