import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys, type CadreGroup } from './types';

export interface CreateCadreGroupInput {
  name: string;
  kind: 'big' | 'small';
  parentId?: number;
}

export function useCreateCadreGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateCadreGroupInput) => api.post<CadreGroup>('/api/cadre-groups', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
