import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserBody } from '../../../../core/contracts/users-requests';
import { api } from '../../../lib/api-client';
import { userKeys, type RoleInput, type User } from './types';

export type UpdateUserInput = Omit<UpdateUserBody, 'roles'> & { roles?: RoleInput[] };

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: { id: number } & UpdateUserInput) => api.patch<User>(`/api/users/${id}`, patch),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
