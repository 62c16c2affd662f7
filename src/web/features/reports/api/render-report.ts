import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportKeys, type RenderBody, type RenderedReport } from './types';

export type RenderRequest = Omit<RenderBody, 'format' | 'body'> & { template: string };

/** A saved template rendered for a period, as-of date and unit (the preview); off until the user asks for it. */
export function useRenderedReport(request: RenderRequest | undefined) {
  return useQuery({
    queryKey: reportKeys.render(request ?? {}),
    queryFn: () => api.post<RenderedReport>('/api/reports/render', { ...request!, format: 'json' } satisfies RenderBody),
    enabled: !!request,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
