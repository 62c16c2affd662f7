import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function useRevokeSessions() {
  return useMutation({ mutationFn: (id: number) => api.post<void>(`/api/users/${id}/revoke-sessions`) });
}
