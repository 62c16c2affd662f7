import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FieldDefinition } from '../../../../core/ledger-fields';
import type { Workflow } from '../../../../core/ledger-workflow';
import type { PeriodType } from '../../../../core/periods';
import { api } from '../../../lib/api-client';
import { ledgerKeys, type Ledger, type LedgerKind } from './types';

export interface CreateLedgerInput {
  key: string;
  name: string;
  kind: LedgerKind;
  workLineId?: number | null;
  description?: string;
  periodType?: PeriodType;
  workflow?: Workflow | null;
  fields: FieldDefinition[];
}

export function useCreateLedger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateLedgerInput) => api.post<Ledger>('/api/ledgers', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
  });
}

/** Saves a new version of the fields, then (when it changed) of the workflow. */
export function useUpdateLedgerDefinition(key: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { fields?: FieldDefinition[]; workflow?: Workflow | null }) => {
      let ledger: Ledger | undefined;
      if (input.fields) ledger = await api.put<Ledger>(`/api/ledgers/${encodeURIComponent(key)}/fields`, { fields: input.fields });
      if (input.workflow !== undefined) {
        ledger = await api.put<Ledger>(`/api/ledgers/${encodeURIComponent(key)}/workflow`, { workflow: input.workflow });
      }
      return ledger;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
  });
}
