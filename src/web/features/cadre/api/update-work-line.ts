import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateWorkLineBody } from '../../../../core/contracts/cadre-requests';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys, type WorkLine } from './types';

export function useUpdateWorkLine() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: ({ id, ...input }: { id: number } & UpdateWorkLineBody) =>
      api.patch<WorkLine>(withQuery(`/api/work-lines/${id}`, { township }), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.workLines }),
  });
}
