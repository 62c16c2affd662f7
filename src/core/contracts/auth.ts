// What the session routes answer: /api/auth/login and /api/me describe the signed-in user (Me), with the
// abilities the UI shows. The server declares these as response schemas; the web imports only the types.
import { z } from 'zod';
import { ABILITIES, type Ability } from '../abilities.js';
import { ROLES } from '../roles.js';
import { orgUnitRef } from './org.js';

export const abilities = z.object(Object.fromEntries(ABILITIES.map((key) => [key, z.boolean()])) as Record<Ability, z.ZodBoolean>);

/** A role as granted to a user, with its scope. */
export const roleGrant = z.object({
  /** The grant's id (user_roles.id). */
  id: z.number().int(),
  role: z.enum(ROLES),
  /** Waiting for a township leader's approval (a household-data role an administrator asked for): not usable yet. */
  pending: z.boolean(),
  roleName: z.string(),
  /** null for roles without a unit scope (administrator: the whole deployment). */
  orgUnit: orgUnitRef.nullable(),
  cadreGroup: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type RoleGrant = z.infer<typeof roleGrant>;

export const me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  /** `demo`: the township's data is the synthetic demo data. null for a deployment-wide administrator. */
  township: orgUnitRef.extend({ demo: z.boolean() }).nullable(),
  roles: z.array(roleGrant),
  abilities,
  /** Two-factor login: whether the account has it, and whether it must (administrators). */
  twoFactor: z.object({ enabled: z.boolean(), required: z.boolean() }),
});
export type Me = z.infer<typeof me>;
