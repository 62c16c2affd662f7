import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApproveBody, ReturnBody, SubmitBody, UnlockBody } from '../../../../core/contracts/ledgers-requests';
import { api } from '../../../lib/api-client';
import { ledgerKeys, type PeriodSubmissions, type Submission } from './types';

const path = (key: string, period: string) => `/api/ledgers/${encodeURIComponent(key)}/submissions/${period}`;

/** Every village's submission of the period, with the due date and the township's rates. */
export function usePeriodSubmissions(key: string, period: string) {
  return useQuery({ queryKey: ledgerKeys.submissions(key, period), queryFn: () => api.get<PeriodSubmissions>(path(key, period)) });
}

export type SubmissionAction =
  | ({ action: 'submit' } & SubmitBody)
  | ({ action: 'approve' } & ApproveBody)
  | ({ action: 'return' } & ReturnBody)
  | ({ action: 'unlock' } & UnlockBody);

/** Submit, approve (a batch), return or unlock; refreshes the submissions and the grid (locks change). */
export function useSubmissionAction(key: string, period: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: SubmissionAction) => api.post<Submission | { items: Submission[] }>(`${path(key, period)}/${action}`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.records(key) }),
  });
}
