import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BoardQuery, CreateRankingBody, UpdateRankingBody } from '../../../../core/contracts/indicators-requests';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type Board, type Ranking } from './types';

export const boardXlsxPath = (key: string) => `/api/rankings/${encodeURIComponent(key)}/board.xlsx`;

export function useRankings(enabled = true) {
  return useQuery({ queryKey: indicatorKeys.rankings, queryFn: () => api.get<{ items: Ranking[] }>('/api/rankings'), enabled });
}

/** A ranking's boards and full table for a period. */
export function useRankingBoard(key: string | undefined, period: string, asOf: string) {
  return useQuery({
    queryKey: indicatorKeys.board(key ?? '', period, asOf),
    queryFn: () => api.get<Board>(`/api/rankings/${encodeURIComponent(key!)}/board`, { period, asOf } satisfies BoardQuery),
    enabled: !!key,
    placeholderData: keepPreviousData,
  });
}

export function useSaveRanking(existing: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRankingBody) => {
      if (!existing) return api.post<Ranking>('/api/rankings', input);
      const { key: _key, ...body } = input;
      return api.put<Ranking>(`/api/rankings/${encodeURIComponent(existing)}`, body satisfies UpdateRankingBody);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.rankings }),
  });
}

export function useDeleteRanking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => api.delete(`/api/rankings/${encodeURIComponent(key)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.rankings }),
  });
}
