import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrgSearchQuery } from '../../../../core/contracts/org-requests';
import { api } from '../../../lib/api-client';
import { orgKeys, type OrgUnitWithAncestors } from './types';

/** Units in the user's scope matching a name, a code or pinyin initials (yts → 燕塘村). */
export function searchOrgUnits(q: string) {
  return api.get<{ items: OrgUnitWithAncestors[] }>('/api/org-units/search', { q } satisfies OrgSearchQuery);
}

export function useOrgSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: orgKeys.search(term),
    queryFn: () => searchOrgUnits(term),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
  });
}
