import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys, type CadreGroup } from './types';

export interface MemberInput {
  name: string;
  position?: string;
  isLeader: boolean;
  userId?: number;
}

export function useSetCadreMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, members }: { id: number; members: MemberInput[] }) =>
      api.put<CadreGroup>(`/api/cadre-groups/${id}/members`, { members }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cadreKeys.groups }),
  });
}
