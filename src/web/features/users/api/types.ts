// Users and pending grants as the server answers them (core/contracts/users.ts).
export type { CreatedUser, PasswordReset, PendingGrant, User, UserList } from '../../../../core/contracts/users';

export interface RoleInput {
  role: string;
  orgUnitCode?: string;
  cadreGroupId?: number;
}

export const userKeys = {
  all: ['users'] as const,
  pendingGrants: ['users', 'pending-grants'] as const,
  list: (q: string, page: number, pageSize: number) => ['users', 'list', q, page, pageSize] as const,
};
