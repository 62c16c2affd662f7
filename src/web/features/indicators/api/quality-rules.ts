import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BoardQuery, QualityRuleBody } from '../../../../core/contracts/indicators-requests';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type QualityRule, type Violations } from './types';

export function useQualityRules() {
  return useQuery({ queryKey: indicatorKeys.rules, queryFn: () => api.get<{ items: QualityRule[] }>('/api/quality-rules') });
}

/** Every rule checked per village for the period, against current data. */
export function useViolations(period: string, asOf: string) {
  return useQuery({
    queryKey: indicatorKeys.violations(period, asOf),
    queryFn: () => api.get<Violations>('/api/quality-rules/violations', { period, asOf } satisfies BoardQuery),
    placeholderData: keepPreviousData,
  });
}

/** Adds a rule, or with `id` changes that one. */
export function useSaveQualityRule(id?: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: QualityRuleBody) =>
      id === undefined ? api.post<QualityRule>('/api/quality-rules', rule) : api.put<QualityRule>(`/api/quality-rules/${id}`, rule),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.rules }),
  });
}

export function useDeleteQualityRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete(`/api/quality-rules/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.rules }),
  });
}
