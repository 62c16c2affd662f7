import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ReportDocument } from './types';
import { reportKeys, type NoticeBody } from './types';

export interface DailyNotice {
  document: ReportDocument;
  asOf: string;
  indicator: { key: string; name: string };
}

/** 每日通报: the daily notice of a daily indicator for one day. */
export function useDailyNotice(indicator: string | undefined, asOf: string, enabled = true) {
  return useQuery({
    queryKey: reportKeys.notice(indicator ?? '', asOf),
    queryFn: () => api.post<DailyNotice>('/api/reports/notices', { indicator: indicator!, asOf, format: 'json' } satisfies NoticeBody),
    enabled: enabled && !!indicator,
    retry: false,
  });
}
