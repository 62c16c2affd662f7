import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys, type WorkLine } from './types';
import { useCadreTownship } from './use-cadre-township';

export function useWorkLines() {
  const { township, ready } = useCadreTownship();
  return useQuery({
    queryKey: [...cadreKeys.workLines, township ?? ''],
    queryFn: () => api.get<{ items: WorkLine[] }>('/api/work-lines', { township }),
    enabled: ready,
  });
}
