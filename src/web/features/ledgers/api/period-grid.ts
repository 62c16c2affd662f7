import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GridBody } from '../../../../core/contracts/ledgers-requests';
import { api } from '../../../lib/api-client';
import { ledgerKeys, type Grid, type GridSaved } from './types';

const path = (key: string, period: string) => `/api/ledgers/${encodeURIComponent(key)}/periods/${period}`;

export const getPeriodGrid = (key: string, period: string) => api.get<Grid>(path(key, period));

export function usePeriodGrid(key: string, period: string | undefined) {
  return useQuery({ queryKey: ledgerKeys.grid(key, period ?? ''), queryFn: () => getPeriodGrid(key, period!), enabled: !!period });
}

/** All rows or none; a stale row answers 409. */
export function useSavePeriodGrid(key: string, period: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rows: GridBody['rows']) => api.put<GridSaved>(path(key, period), { rows }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.records(key) }),
  });
}
