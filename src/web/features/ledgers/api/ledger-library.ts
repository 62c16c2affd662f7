import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PeriodType } from '../../../../core/periods';
import { api } from '../../../lib/api-client';
import { ledgerKeys, type LedgerKind } from './types';

export interface LibraryLedger {
  key: string;
  name: string;
  kind: LedgerKind;
  periodType: PeriodType | null;
  workLine: string | { id?: number; name: string } | null;
  description: string | null;
  fieldCount: number;
  hasWorkflow: boolean;
  installed: boolean;
}

export function useLedgerLibrary(enabled: boolean) {
  return useQuery({
    queryKey: [...ledgerKeys.all, 'library'],
    queryFn: () => api.get<{ items: LibraryLedger[] }>('/api/ledger-library'),
    enabled,
  });
}

/** Installs the chosen built-in ledgers into the township. */
export function useInstallLibrary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keys: string[]) => api.post<{ added: string[] }>('/api/ledger-library/install', { keys }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
  });
}
