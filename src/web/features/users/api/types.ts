import type { OrgUnitRef, RoleGrant } from '../../auth/api/types';

export interface User {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  roles: RoleGrant[];
}

export interface RoleInput {
  role: string;
  orgUnitCode?: string;
  cadreGroupId?: number;
}

/** A household-data role an administrator granted, waiting for a township leader. */
export interface PendingGrant {
  id: number;
  user: { id: number; username: string; displayName: string };
  role: string;
  roleName: string;
  orgUnit: OrgUnitRef | null;
  cadreGroup: { id: number; name: string } | null;
  /** Display name of the administrator who asked for it. */
  requestedBy: string | null;
}

export const userKeys = {
  all: ['users'] as const,
  pendingGrants: ['users', 'pending-grants'] as const,
  list: (q: string, page: number, pageSize: number) => ['users', 'list', q, page, pageSize] as const,
};
