import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportKeys, type TemplateSummary } from './types';

/** The township's report templates (the built-in ones first) and whether the user may edit them. */
export function useReportTemplates(enabled = true) {
  return useQuery({
    queryKey: reportKeys.templates,
    queryFn: () => api.get<{ items: TemplateSummary[]; mayEdit: boolean }>('/api/reports/templates'),
    enabled,
    staleTime: 60_000,
  });
}
