import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { orgKeys, type OrgUnitWithAncestors } from './types';

export function getOrgUnit(code: string) {
  return api.get<OrgUnitWithAncestors>(`/api/org-units/${encodeURIComponent(code)}`);
}

export function useOrgUnit(code: string | undefined) {
  return useQuery({ queryKey: orgKeys.unit(code ?? ''), queryFn: () => getOrgUnit(code!), enabled: !!code });
}
