// What the user-administration routes answer. The server declares these as response schemas; the web imports
// only the types.
import { z } from 'zod';
import { ROLES } from '../roles.js';
import { roleGrant } from './auth.js';
import { orgUnitRef } from './org.js';

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  /** Locked after too many failed logins, until this time (ISO 8601). */
  lockedUntil: z.iso.datetime().nullable(),
  lastLoginAt: z.iso.datetime().nullable(),
  /** Signs in with a confirmed second factor (TOTP). */
  twoFactorEnabled: z.boolean(),
  roles: z.array(roleGrant),
});
export type User = z.infer<typeof user>;

export const userList = z.object({ items: z.array(user), total: z.number().int() });
export type UserList = z.infer<typeof userList>;

/** A new account; without a password given, the server makes a random one and returns it once. */
export const createdUser = z.object({ user, initialPassword: z.string().optional() });
export type CreatedUser = z.infer<typeof createdUser>;

export const passwordReset = z.object({ initialPassword: z.string() });
export type PasswordReset = z.infer<typeof passwordReset>;

/** A household-data role an administrator granted, waiting for a township leader. */
export const pendingGrant = z.object({
  id: z.number().int(),
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string() }),
  role: z.enum(ROLES),
  roleName: z.string(),
  orgUnit: orgUnitRef.nullable(),
  cadreGroup: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** Display name of the administrator who asked for it. */
  requestedBy: z.string().nullable(),
});
export type PendingGrant = z.infer<typeof pendingGrant>;

export const pendingGrantList = z.object({ items: z.array(pendingGrant) });
