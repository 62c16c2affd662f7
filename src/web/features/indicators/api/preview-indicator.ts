import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PreviewBody } from '../../../../core/contracts/indicators-requests';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type IndicatorPreview } from './types';

/** The township's value of a definition that is not saved yet, computed by the server from the ledgers. */
export function usePreviewValue(q: PreviewBody, enabled: boolean) {
  return useQuery({
    queryKey: indicatorKeys.preview(q),
    queryFn: () => api.post<IndicatorPreview>('/api/indicators/preview', { ...q, key: q.key || undefined } satisfies PreviewBody),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
