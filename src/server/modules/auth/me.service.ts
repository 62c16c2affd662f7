// The signed-in user as the browser sees him: roles with their scopes, and the abilities the UI shows.
import type { Db } from '../../db/connection.js';
import { ROLE_NAMES } from '../../../core/roles.js';
import { abilities } from '../../policy/policy.js';
import { findUnit } from '../org/index.js';
import { isAdministrator, type SessionUser } from './auth.service.js';
import { demoTownshipCode } from './me.repository.js';
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
  const township = user.townshipId ? await findUnit(db, { id: user.townshipId }) : undefined;
  // The demo township is marked so that every screen can say its figures are synthetic.
  const isDemo = township ? (await demoTownshipCode(db)) === township.code : false;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    mustChangePassword: user.mustChangePassword,
    township: township ? { code: township.code, name: township.name, demo: isDemo } : null,
    roles: describeRoles(bindings),
    abilities: abilities(principal, township?.path ?? null),
    twoFactor: { enabled: session.twoFactor.enrolled, required: isAdministrator(bindings) },
  };
}
