import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import type { WorkLineInput } from './create-work-line';
import { cadreKeys, type WorkLine } from './types';

export function useUpdateWorkLine() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<WorkLineInput> & { id: number }) =>
      api.patch<WorkLine>(withQuery(`/api/work-lines/${id}`, { township }), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.workLines }),
  });
}
