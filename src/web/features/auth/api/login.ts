import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { meQueryKey } from './get-me';
import type { Me } from './types';

export type { LoginInput } from '../../../../core/contracts/auth-requests';
import type { LoginInput } from '../../../../core/contracts/auth-requests';
import type { LoginChallenge } from '../../../../core/contracts/two-factor';

/** The signed-in user, or — the account has a second factor — the request for its code (verify-login.ts). */
export type LoginResult = Me | LoginChallenge;
export const needsSecondFactor = (result: LoginResult): result is LoginChallenge => 'twoFactorRequired' in result;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<LoginResult>('/api/auth/login', input, { quietAuth: true }),
    onSuccess: (result) => {
      // A different user may have signed in: forget everything cached for the previous one.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, needsSecondFactor(result) ? null : result);
    },
  });
}
