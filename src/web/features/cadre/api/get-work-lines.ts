import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys, type WorkLine } from './types';

export function useWorkLines() {
  return useQuery({ queryKey: cadreKeys.workLines, queryFn: () => api.get<{ items: WorkLine[] }>('/api/work-lines') });
}
