import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRecordBody, TransitionBody, UpdateRecordBody } from '../../../../core/contracts/ledgers-requests';
import { api } from '../../../lib/api-client';
import { ledgerKeys, type LedgerRecord } from './types';

const base = (key: string) => `/api/ledgers/${encodeURIComponent(key)}/records`;

function useRecordMutation<I>(key: string, fn: (input: I) => Promise<LedgerRecord | void>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.records(key) }) });
}

export const useCreateRecord = (key: string) => useRecordMutation(key, (input: CreateRecordBody) => api.post<LedgerRecord>(base(key), input));

/** A stale `version` answers 409: someone else saved in between. */
export const useUpdateRecord = (key: string) =>
  useRecordMutation(key, ({ id, ...body }: { id: number } & UpdateRecordBody) => api.patch<LedgerRecord>(`${base(key)}/${id}`, body));

export const useDeleteRecord = (key: string) => useRecordMutation(key, (id: number) => api.delete(`${base(key)}/${id}`));

export const useRestoreRecord = (key: string) => useRecordMutation(key, (id: number) => api.post<LedgerRecord>(`${base(key)}/${id}/restore`));

export const useTransitionRecord = (key: string) =>
  useRecordMutation(key, ({ id, ...body }: { id: number } & TransitionBody) => api.post<LedgerRecord>(`${base(key)}/${id}/transition`, body));
