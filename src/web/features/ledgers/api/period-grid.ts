import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordValues } from '../../../../core/ledger-fields';
import { api } from '../../../lib/api-client';
import { ledgerKeys, type Grid, type GridSaved } from './types';

const path = (key: string, period: string) => `/api/ledgers/${encodeURIComponent(key)}/periods/${period}`;

export const getPeriodGrid = (key: string, period: string) => api.get<Grid>(path(key, period));

export function usePeriodGrid(key: string, period: string | undefined) {
  return useQuery({ queryKey: ledgerKeys.grid(key, period ?? ''), queryFn: () => getPeriodGrid(key, period!), enabled: !!period });
}

export interface GridRowInput {
  orgUnit: string;
  version: number | null;
  values: RecordValues;
}

/** All rows or none; a stale row answers 409. */
export function useSavePeriodGrid(key: string, period: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rows: GridRowInput[]) => api.put<GridSaved>(path(key, period), { rows }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.records(key) }),
  });
}
