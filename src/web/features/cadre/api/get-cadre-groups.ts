import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys, type CadreGroup } from './types';

export function useCadreGroups() {
  return useQuery({
    queryKey: cadreKeys.groups,
    queryFn: () => api.get<{ items: CadreGroup[] }>('/api/cadre-groups'),
  });
}
