import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MembersBody } from '../../../../core/contracts/cadre-requests';
import { api, withQuery } from '../../../lib/api-client';
import { useCadreTownship } from './use-cadre-township';
import { cadreKeys, type CadreGroup } from './types';

export type MemberInput = MembersBody['members'][number];

export function useSetCadreMembers() {
  const queryClient = useQueryClient();
  const { township } = useCadreTownship();
  return useMutation({
    mutationFn: ({ id, members }: { id: number } & MembersBody) =>
      api.put<CadreGroup>(withQuery(`/api/cadre-groups/${id}/members`, { township }), { members }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
