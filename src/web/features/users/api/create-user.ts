import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserBody } from '../../../../core/contracts/users-requests';
import { api } from '../../../lib/api-client';
import { userKeys, type CreatedUser, type RoleInput } from './types';

/** Without a password the server makes a random one and returns it once as initialPassword. */
export type CreateUserInput = Omit<CreateUserBody, 'roles'> & { roles: RoleInput[] };

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<CreatedUser>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
