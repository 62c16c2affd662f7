import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkLineBody } from '../../../../core/contracts/cadre-requests';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys, type WorkLine } from './types';

export type WorkLineInput = CreateWorkLineBody;

export function useCreateWorkLine() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: (input: WorkLineInput) => api.post<WorkLine>(withQuery('/api/work-lines', { township }), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.workLines }),
  });
}
