import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys } from './types';

export function useDeleteCadreGroup() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: (id: number) => api.delete(withQuery(`/api/cadre-groups/${id}`, { township })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
