import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { auditKeys, type AuditEntry, type AuditFilters } from './types';

export function useAuditLog(filters: AuditFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: auditKeys.list(filters, page, pageSize),
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>('/api/audit', { ...filters, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
