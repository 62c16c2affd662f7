import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys, type CadreGroup } from './types';

export function useUpdateCadreGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: number; name?: string; parentId?: number }) =>
      api.patch<CadreGroup>(`/api/cadre-groups/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
