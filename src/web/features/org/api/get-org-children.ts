import { useQuery } from '@tanstack/react-query';
import type { OrgListQuery } from '../../../../core/contracts/org-requests';
import { api } from '../../../lib/api-client';
import { orgKeys, type OrgListFilters, type OrgUnit } from './types';

/** Children of `parent`; without a parent, the roots of the user's scope. */
export function getOrgChildren(parent: string | null, filters: OrgListFilters) {
  return api.get<{ items: OrgUnit[] }>('/api/org-units', {
    parent: parent ?? undefined,
    asOf: filters.asOf,
    includeClosed: filters.includeClosed ? 'true' : undefined,
  } satisfies OrgListQuery);
}

export function orgChildrenQuery(parent: string | null, filters: OrgListFilters) {
  return { queryKey: orgKeys.children(parent, filters), queryFn: () => getOrgChildren(parent, filters) };
}

export function useOrgChildren(parent: string | null, filters: OrgListFilters, enabled = true) {
  return useQuery({ ...orgChildrenQuery(parent, filters), enabled });
}
