import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { IndicatorSource } from '../../../../core/indicators';
import { api } from '../../../lib/api-client';
import { indicatorKeys } from './types';

export interface PreviewAnswer {
  key: string;
  orgUnit: string;
  period: { id: string; label: string };
  value: number | null;
}

/** The township's value of a definition that is not saved yet, computed by the server from the ledgers. */
export function usePreviewValue(q: { key?: string; source: IndicatorSource; period: string; asOf: string }, enabled: boolean) {
  return useQuery({
    queryKey: indicatorKeys.preview(q),
    queryFn: () => api.post<PreviewAnswer>('/api/indicators/preview', { ...q, key: q.key || undefined }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
