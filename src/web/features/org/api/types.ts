// Org units as the server answers them (core/contracts/org.ts).
export type {
  MergePlan,
  MergeProgress,
  MergeProgressRow,
  OrgImportResult,
  OrgUnit,
  OrgUnitAncestor,
  OrgUnitWithAncestors,
} from '../../../../core/contracts/org';

export interface OrgListFilters {
  asOf?: string;
  includeClosed?: boolean;
}

export const orgKeys = {
  all: ['org-units'] as const,
  children: (parent: string | null, filters: OrgListFilters) =>
    ['org-units', 'children', parent ?? '', filters.asOf ?? '', !!filters.includeClosed] as const,
  unit: (code: string) => ['org-units', 'unit', code] as const,
  search: (q: string) => ['org-units', 'search', q] as const,
  mergeProgress: (township: string) => ['org-units', 'merge-progress', township] as const,
};
