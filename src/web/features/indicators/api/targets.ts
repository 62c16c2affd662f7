import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TargetsBody } from '../../../../core/contracts/indicators-requests';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type TargetTable } from './types';

const base = (key: string) => `/api/indicators/${encodeURIComponent(key)}/targets`;
export const targetTemplatePath = (key: string, period: string) => `${base(key)}/${period}/template.xlsx`;

/** The township's and its villages' targets for a period. */
export function useTargets(key: string, period: string, enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.targets(key, period),
    queryFn: () => api.get<TargetTable>(base(key), { period }),
    enabled: enabled && !!period,
  });
}

export function useSaveTargets(key: string, period: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: TargetsBody['items']) => api.put<TargetTable>(`${base(key)}/${period}`, { items }),
    onSuccess: (data) => {
      queryClient.setQueryData(indicatorKeys.targets(key, period), data);
      void queryClient.invalidateQueries({ queryKey: [...indicatorKeys.all, 'values'] });
    },
  });
}

/** Uploads a filled template; a 400 lists every bad row. */
export function useImportTargets(key: string, period: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<TargetTable>(`${base(key)}/${period}/import`, form);
    },
    onSuccess: (data) => {
      queryClient.setQueryData(indicatorKeys.targets(key, period), data);
      void queryClient.invalidateQueries({ queryKey: [...indicatorKeys.all, 'values'] });
    },
  });
}
