import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { ledgerKeys, type Ledger, type LedgerSummary } from './types';

export function useLedgers() {
  return useQuery({ queryKey: ledgerKeys.list, queryFn: () => api.get<{ items: LedgerSummary[] }>('/api/ledgers') });
}

export function useLedger(key: string | undefined) {
  return useQuery({
    queryKey: ledgerKeys.detail(key ?? ''),
    queryFn: () => api.get<Ledger>(`/api/ledgers/${encodeURIComponent(key!)}`),
    enabled: !!key,
  });
}
