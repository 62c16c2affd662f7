// Users and pending grants as the server answers them (core/contracts/users.ts); a role to grant as the server
// checks it (core/contracts/users-requests.ts).
import type { RoleBody } from '../../../../core/contracts/users-requests';

export type { CreatedUser, PasswordReset, PendingGrant, User, UserList } from '../../../../core/contracts/users';

/**
 * A role to grant. The form's role rows (components/RolesField.tsx) keep the role as a plain string, so it is
 * widened here; the server answers 400 角色不正确 for one it does not know.
 */
export type RoleInput = Omit<RoleBody, 'role'> & { role: string };

export const userKeys = {
  all: ['users'] as const,
  pendingGrants: ['users', 'pending-grants'] as const,
  list: (q: string, page: number, pageSize: number) => ['users', 'list', q, page, pageSize] as const,
};
