// The account's two-factor login (账户安全): status, enrolment, recovery codes, step-up, turning it off.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../../lib/api-client';
import { meQueryKey } from './get-me';
import type { RecoveryCodes, TwoFactorSetup, TwoFactorStatus } from '../../../../core/contracts/two-factor';

export type { RecoveryCodes, TwoFactorSetup, TwoFactorStatus };

export const twoFactorQueryKey = ['two-factor'] as const;

export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorQueryKey, queryFn: () => api.get<TwoFactorStatus>('/api/auth/two-factor') });
}

/** A new secret with its QR code; the key is shown only now. */
export function useStartEnrolment() {
  return useMutation({ mutationFn: () => api.post<TwoFactorSetup>('/api/auth/two-factor/setup') });
}

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/api/auth/two-factor/confirm', { code }),
    // the session may now reach everything: me changes (twoFactor.enabled) and so does the status. Not awaited: the
    // caller shows the recovery codes at once, before the refetched status re-renders the page.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: twoFactorQueryKey });
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<RecoveryCodes>('/api/auth/two-factor/recovery-codes', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: twoFactorQueryKey }),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiRequest<void>('/api/auth/two-factor', { method: 'DELETE', body: { code } }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: twoFactorQueryKey }), queryClient.invalidateQueries({ queryKey: meQueryKey })]),
  });
}

/** A fresh proof of the second factor, for actions that grant access to household data. */
export const stepUp = (code: string) => api.post<{ stepUpUntil: string }>('/api/auth/two-factor/step-up', { code }, { quietAuth: true });
