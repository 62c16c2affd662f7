// The signed-in user as the browser sees him: roles with their scopes, and the abilities the UI shows.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { orgUnits, settings } from '../../db/schema.js';
import { ROLE_NAMES } from '../../../core/roles.js';
import { abilities } from '../../policy/policy.js';
import type { SessionUser } from './auth.service.js';
import type { RoleBinding } from './principal.repository.js';

export function describeRoles(bindings: RoleBinding[]) {
  return bindings.map((b) => ({
    id: b.id,
    role: b.role,
    /** Waiting for a township leader's approval: shown, not usable. */
    pending: b.pending,
    roleName: ROLE_NAMES[b.role],
    orgUnit: b.orgUnitCode ? { code: b.orgUnitCode, name: b.orgUnitName! } : null,
    cadreGroup: b.cadreGroupId ? { id: b.cadreGroupId, name: b.cadreGroupName! } : null,
  }));
}

export async function describeMe(db: Db, session: SessionUser) {
  const { user, bindings, principal } = session;
  const [township] = user.townshipId
    ? await db.select({ code: orgUnits.code, name: orgUnits.name, path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, user.townshipId))
    : [];
  // The demo township is marked so that every screen can say its figures are synthetic.
  const [demo] = township ? await db.select().from(settings).where(eq(settings.key, 'demo')) : [];
  const isDemo = (demo?.value as { township?: string } | undefined)?.township === township?.code;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    township: township ? { code: township.code, name: township.name, demo: isDemo } : null,
    roles: describeRoles(bindings),
    abilities: abilities(principal, township?.path ?? null),
  };
}
