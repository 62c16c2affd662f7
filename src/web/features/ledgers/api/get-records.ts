import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { ledgerKeys, recordQuery, type HistoryEntry, type LedgerRecord, type RecordFilters, type RecordList } from './types';

export function useRecords(key: string, filters: RecordFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: ledgerKeys.recordList(key, filters, page, pageSize),
    queryFn: () => api.get<RecordList>(`/api/ledgers/${encodeURIComponent(key)}/records`, { ...recordQuery(filters), page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

export function getRecord(key: string, id: number) {
  return api.get<LedgerRecord>(`/api/ledgers/${encodeURIComponent(key)}/records/${id}`);
}

export function useRecordHistory(key: string, id: number | undefined) {
  return useQuery({
    queryKey: ledgerKeys.history(key, id ?? 0),
    queryFn: () => api.get<{ items: HistoryEntry[] }>(`/api/ledgers/${encodeURIComponent(key)}/records/${id}/history`),
    enabled: !!id,
  });
}
