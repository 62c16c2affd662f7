import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys, type CadreGroup } from './types';

export function useSetCadreVillages() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, villageCodes }: { id: number; villageCodes: string[] }) =>
      api.put<CadreGroup>(`/api/cadre-groups/${id}/villages`, { villageCodes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
