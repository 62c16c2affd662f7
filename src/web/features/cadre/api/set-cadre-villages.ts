import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { VillagesBody } from '../../../../core/contracts/cadre-requests';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys, type CadreGroup } from './types';

export function useSetCadreVillages() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: ({ id, villageCodes }: { id: number } & VillagesBody) =>
      api.put<CadreGroup>(withQuery(`/api/cadre-groups/${id}/villages`, { township }), { villageCodes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
