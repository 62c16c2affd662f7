import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys, type CadreGroup } from './types';

export interface CreateCadreGroupInput {
  name: string;
  kind: 'big' | 'small';
  parentId?: number;
}

export function useCreateCadreGroup() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: (input: CreateCadreGroupInput) => api.post<CadreGroup>(withQuery('/api/cadre-groups', { township }), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
