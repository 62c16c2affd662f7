import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateGroupBody } from '../../../../core/contracts/cadre-requests';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys, type CadreGroup } from './types';

export function useCreateCadreGroup() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: (input: CreateGroupBody) => api.post<CadreGroup>(withQuery('/api/cadre-groups', { township }), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
