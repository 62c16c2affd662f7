// The answers of /api/me and /api/auth/login, derived from the server's contract (core/contracts/auth.ts).
import type { RoleGrant } from '../../../../core/contracts/auth';

export type { Abilities } from '../../../../core/abilities';
export type { Me, RoleGrant } from '../../../../core/contracts/auth';
export type { OrgUnitRef } from '../../../../core/contracts/org';

/** Where a role applies: its cadre group, its org unit, or the whole system. */
export function roleScope(grant: Pick<RoleGrant, 'cadreGroup' | 'orgUnit'>): string {
  if (grant.cadreGroup) return grant.cadreGroup.name;
  return grant.orgUnit?.name ?? '全系统';
}
