import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { IndicatorSource } from '../../../../core/indicators';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type IndicatorPreview } from './types';

/** The township's value of a definition that is not saved yet, computed by the server from the ledgers. */
export function usePreviewValue(q: { key?: string; source: IndicatorSource; period: string; asOf: string }, enabled: boolean) {
  return useQuery({
    queryKey: indicatorKeys.preview(q),
    queryFn: () => api.post<IndicatorPreview>('/api/indicators/preview', { ...q, key: q.key || undefined }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
