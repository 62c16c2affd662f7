import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meQueryKey } from './get-me';
import type { Me } from './types';

export type { LoginInput } from '../../../../core/contracts/auth-requests';
import type { LoginInput } from '../../../../core/contracts/auth-requests';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>('/api/auth/login', input, { quietAuth: true }),
    onSuccess: (me) => {
      // A different user may have signed in: forget everything cached for the previous one.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
