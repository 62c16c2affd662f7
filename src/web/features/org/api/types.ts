import type { OrgLevel } from '../../../../core/org-levels';

export interface OrgUnitAncestor {
  code: string;
  name: string;
  level: OrgLevel;
}

export interface OrgUnit {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  levelName: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  mergedInto: string | { code: string; name: string } | null;
  childCount: number;
  ancestors?: OrgUnitAncestor[];
}

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

/** Name of the unit a closed unit was merged into, whatever shape the server sends. */
export function mergedIntoLabel(value: OrgUnit['mergedInto']): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : `${value.name}（${value.code}）`;
}
