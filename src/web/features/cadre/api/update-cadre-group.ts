import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateGroupBody } from '../../../../core/contracts/cadre-requests';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys, type CadreGroup } from './types';

export function useUpdateCadreGroup() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: number } & UpdateGroupBody) =>
      api.patch<CadreGroup>(withQuery(`/api/cadre-groups/${id}`, { township }), patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
