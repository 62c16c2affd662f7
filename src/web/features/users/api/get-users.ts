import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys, type User } from './types';

export function useUsers(q: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: userKeys.list(q, page, pageSize),
    queryFn: () => api.get<{ items: User[]; total: number }>('/api/users', { q, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
