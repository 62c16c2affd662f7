// Org units as the server answers them (core/contracts/org.ts); list filters as the pages keep them.
import type { OrgListQuery } from '../../../../core/contracts/org-requests';

export type {
  MergePlan,
  MergeProgress,
  MergeProgressRow,
  OrgImportResult,
  OrgUnit,
  OrgUnitAncestor,
  OrgUnitWithAncestors,
} from '../../../../core/contracts/org';

/** A list's filters, `includeClosed` as a flag (sent as `includeClosed=true`). */
export type OrgListFilters = Pick<OrgListQuery, 'asOf'> & { includeClosed?: boolean };

export const orgKeys = {
  all: ['org-units'] as const,
  children: (parent: string | null, filters: OrgListFilters) =>
    ['org-units', 'children', parent ?? '', filters.asOf ?? '', !!filters.includeClosed] as const,
  unit: (code: string) => ['org-units', 'unit', code] as const,
  search: (q: string) => ['org-units', 'search', q] as const,
  mergeProgress: (township: string) => ['org-units', 'merge-progress', township] as const,
};
