import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys, type CadreGroup } from './types';

export function useSetCadreVillages() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: ({ id, villageCodes }: { id: number; villageCodes: string[] }) =>
      api.put<CadreGroup>(withQuery(`/api/cadre-groups/${id}/villages`, { township }), { villageCodes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
