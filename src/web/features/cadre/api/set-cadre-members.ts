import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys, type CadreGroup } from './types';

export interface MemberInput {
  name: string;
  position?: string;
  isLeader: boolean;
  userId?: number;
}

export function useSetCadreMembers() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: ({ id, members }: { id: number; members: MemberInput[] }) =>
      api.put<CadreGroup>(withQuery(`/api/cadre-groups/${id}/members`, { township }), { members }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
