import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meQueryKey } from './get-me';
import type { Me } from './types';

/** The login's second step: the code from the authenticator app, or a recovery code. */
export function useVerifyLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<Me>('/api/auth/two-factor/verify', { code }, { quietAuth: true }),
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, me);
    },
  });
}
