import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LibraryLedger } from '../../../../core/contracts/ledgers';
import type { InstallLibraryBody } from '../../../../core/contracts/ledgers-requests';
import { api } from '../../../lib/api-client';
import { ledgerKeys } from './types';

export type { LibraryLedger };

export function useLedgerLibrary(enabled: boolean) {
  return useQuery({ queryKey: [...ledgerKeys.all, 'library'], queryFn: () => api.get<{ items: LibraryLedger[] }>('/api/ledger-library'), enabled });
}

/** Installs the chosen built-in ledgers into the township. */
export function useInstallLibrary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keys: string[]) => api.post<{ added: string[] }>('/api/ledger-library/install', { keys } satisfies InstallLibraryBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all }),
  });
}
