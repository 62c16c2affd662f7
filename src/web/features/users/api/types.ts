import type { RoleGrant } from '../../auth/api/types';

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

export const userKeys = {
  all: ['users'] as const,
  list: (q: string, page: number, pageSize: number) => ['users', 'list', q, page, pageSize] as const,
};
