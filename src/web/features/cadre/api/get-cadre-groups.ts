import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { cadreKeys, type CadreOrganisation } from './types';
import { useCadreTownship } from './use-cadre-township';

export function useCadreGroups() {
  const { township, ready } = useCadreTownship();
  return useQuery({
    queryKey: [...cadreKeys.groups, township ?? ''],
    queryFn: () => api.get<CadreOrganisation>('/api/cadre-groups', { township }),
    enabled: ready,
  });
}
