import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys, type CreatedUser, type RoleInput } from './types';

export interface CreateUserInput {
  username: string;
  displayName: string;
  phone?: string;
  password?: string;
  roles: RoleInput[];
}

/** Without a password the server makes a random one and returns it once as initialPassword. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<CreatedUser>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
