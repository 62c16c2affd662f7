import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateLedgerBody, FieldsBody, WorkflowBody } from '../../../../core/contracts/ledgers-requests';
import { api } from '../../../lib/api-client';
import { ledgerKeys, type Ledger } from './types';

export function useCreateLedger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLedgerBody) => api.post<Ledger>('/api/ledgers', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
  });
}

/** Saves a new version of the fields, then (when it changed) of the workflow. */
export function useUpdateLedgerDefinition(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: Partial<FieldsBody & WorkflowBody>) => {
      let ledger: Ledger | undefined;
      if (input.fields)
        ledger = await api.put<Ledger>(`/api/ledgers/${encodeURIComponent(key)}/fields`, { fields: input.fields } satisfies FieldsBody);
      if (input.workflow !== undefined) {
        ledger = await api.put<Ledger>(`/api/ledgers/${encodeURIComponent(key)}/workflow`, { workflow: input.workflow } satisfies WorkflowBody);
      }
      return ledger;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
  });
}
