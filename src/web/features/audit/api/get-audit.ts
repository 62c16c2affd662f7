import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { auditKeys, type AuditFilters, type AuditPage } from './types';

export function useAuditLog(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: auditKeys.list(filters, page, pageSize),
    queryFn: () => api.get<AuditPage>('/api/audit', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
