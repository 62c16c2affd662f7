// The user-administration routes' request schemas. Bodies and queries are shared contracts
// (core/contracts/users-requests.ts), so the web sends what is checked here; path parameters and the parsed shapes
// the services take stay here.
import { z } from 'zod';
import type { roleInput } from '../../../core/contracts/users-requests.js';

export { createUserBody, listUsersQuery, roleInput, updateUserBody } from '../../../core/contracts/users-requests.js';

export const userIdParams = z.object({ id: z.coerce.number().int().positive('用户编号不正确') });
export const grantParams = userIdParams.extend({ roleId: z.coerce.number().int().positive('角色授权编号不正确') });

export type RoleInput = z.infer<typeof roleInput>;
