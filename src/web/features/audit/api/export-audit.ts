import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/download';
import type { AuditFilters } from './types';

export function useExportAudit() {
  return useMutation({ mutationFn: (filters: AuditFilters) => downloadFile('/api/audit/export', { ...filters }, '审计日志.xlsx') });
}
