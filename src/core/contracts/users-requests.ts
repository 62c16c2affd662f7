// What a client sends to the user-administration routes. The server validates requests with these schemas
// (users.schemas.ts re-exports them); the web imports only the types, which are what a client sends (z.input) —
// the server works on what they parse to (z.output).
import { z } from 'zod';
import { ROLES } from '../roles.js';

export const roleInput = z.object({
  role: z.enum(ROLES, { message: '角色不正确' }),
  orgUnitCode: z.string().trim().min(1).max(32).optional().nullable(),
  cadreGroupId: z.number().int().positive().optional().nullable(),
});
/** A role to grant: where it applies is an org unit, or for a group leader a cadre group. */
export type RoleBody = z.input<typeof roleInput>;
export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .min(3, '用户名至少3个字符')
    .max(32, '用户名不能超过32个字符')
    .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和减号'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50, '姓名不能超过50个字'),
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '手机号码格式不正确')
    .optional()
    .nullable()
    .or(z.literal('')),
  password: z.string().optional().nullable().or(z.literal('')),
  roles: z.array(roleInput).min(1, '至少分配一个角色').max(10),
});
/** Without a password the server makes a random one and returns it once. */
export type CreateUserBody = z.input<typeof createUserBody>;
export const updateUserBody = z.object({
  displayName: createUserBody.shape.displayName.optional(),
  phone: createUserBody.shape.phone,
  roles: createUserBody.shape.roles.optional(),
});
export type UpdateUserBody = z.input<typeof updateUserBody>;
export const listUsersQuery = z.object({
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
