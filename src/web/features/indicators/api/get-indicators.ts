import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type Indicator } from './types';

export function useIndicators(enabled = true) {
  return useQuery({ queryKey: indicatorKeys.list, queryFn: () => api.get<{ items: Indicator[] }>('/api/indicators'), enabled });
}

export function useIndicator(key: string | undefined) {
  return useQuery({
    queryKey: indicatorKeys.detail(key ?? ''),
    queryFn: () => api.get<Indicator>(`/api/indicators/${encodeURIComponent(key!)}`),
    enabled: !!key,
  });
}
