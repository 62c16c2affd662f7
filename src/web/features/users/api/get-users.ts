import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { userKeys, type UserList } from './types';

export function useUsers(q: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: userKeys.list(q, page, pageSize),
    queryFn: () => api.get<UserList>('/api/users', { q, page, pageSize }),
    placeholderData: keepPreviousData,
  });
}
