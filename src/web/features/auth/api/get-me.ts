import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../../lib/api-client';
import type { Me } from './types';

export const meQueryKey = ['me'] as const;

/** The signed-in user, or null when there is no session. */
export async function getMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/me', undefined, { quietAuth: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: getMe, staleTime: 60_000 });
}
