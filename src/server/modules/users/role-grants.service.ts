// Role grants that hand out household data (personal.read) need two people when the one granting does not hold
// personal.read over that scope himself — the administrator. Such a grant is saved pending: the account cannot use
// it (auth.service.ts leaves it out of the principal) until a township leader of that scope approves it.
// Grants made by the system (demo loader, tests' builders) and by someone who holds personal.read there are not.
// Every grant of such a role, its approval, and a password reset of an account holding one also need the acting
// person's second factor proven within the last minutes (auth/two-factor.service.ts: requireFreshSecondFactor).
import type { Queryable } from '../../db/connection.js';
import { AppError, forbidden, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can, roleMay, scopesFor } from '../../policy/policy.js';
import { ROLE_NAMES, type Role } from '../../../core/roles.js';
import { recordAudit } from '../audit/index.js';
import { requireFreshSecondFactor } from '../auth/index.js';
import {
  approvedGrantsOf,
  deleteGrants,
  grantExists,
  grantsOf,
  insertGrants,
  markGrantApproved,
  pendingGrant,
  pendingGrantsUnder,
  suspendGrants,
  type PendingGrantRow,
} from './role-grants.repository.js';

export interface ResolvedRole {
  role: Role;
  orgUnitId: number | null;
  path: string;
  townshipId: number | null;
  cadreGroupId: number | null;
}

/** Whether this grant, made by this actor, has to wait for a second person. */
export function grantNeedsApproval(ctx: ServiceContext, role: Role, path: string): boolean {
  const bySystem = ctx.actor.userId === null;
  return !bySystem && roleMay(role, 'personal.read') && !can(ctx.principal, 'personal.read', { path });
}

const grantKey = (r: { role: string; orgUnitId: number | null; cadreGroupId: number | null }) =>
  `${r.role}|${r.orgUnitId ?? ''}|${r.cadreGroupId ?? ''}`;

/**
 * Makes the user's grants the given ones: unchanged grants keep their approval, removed ones go, new ones are
 * saved pending when they need approval (audited as role.grant.requested).
 */
export async function saveRoles(ctx: ServiceContext, q: Queryable, userId: number, roles: ResolvedRole[]) {
  const existing = await grantsOf(q, userId);
  const wanted = new Map(roles.map((r) => [grantKey(r), r]));
  const gone = existing.filter((e) => !wanted.has(grantKey(e))).map((e) => e.id);
  if (gone.length) await deleteGrants(q, gone);
  const kept = new Set(existing.map(grantKey));
  const added = [...wanted.values()].filter((r) => !kept.has(grantKey(r)));
  if (added.length === 0) return;
  if (added.some((r) => roleMay(r.role, 'personal.read')))
    requireFreshSecondFactor(ctx, '授予可查看个人信息的角色（镇领导、条线负责人、组长、村干部、网格员）');
  const rows = await insertGrants(
    q,
    added.map((r) => {
      const pending = grantNeedsApproval(ctx, r.role, r.path);
      return {
        userId,
        role: r.role,
        orgUnitId: r.orgUnitId,
        cadreGroupId: r.cadreGroupId,
        ...(pending ? { approvedAt: null, requestedBy: ctx.actor.userId } : { approvedBy: ctx.actor.userId }),
      };
    }),
  );
  for (const row of rows.filter((r) => r.approvedAt === null)) {
    const r = added.find((a) => grantKey(a) === grantKey(row))!;
    await recordAudit(q, ctx.actor, {
      action: 'role.grant.requested',
      entity: 'user',
      entityId: userId,
      townshipId: r.townshipId,
      after: { grantId: row.id, role: row.role, orgUnitId: row.orgUnitId, cadreGroupId: row.cadreGroupId },
    });
  }
}

/** Whether the user holds (or waits for) a grant carrying personal.read: resetting his password touches it. */
export async function holdsPersonalDataGrant(q: Queryable, userId: number): Promise<boolean> {
  return (await grantsOf(q, userId)).some((g) => roleMay(g.role as Role, 'personal.read'));
}

/**
 * After a password reset by someone without personal.read there, the account's household-data grants wait for a
 * leader again: otherwise resetting a leader's password and signing in with it would bypass the approval.
 */
export async function suspendGrantsAfterReset(ctx: ServiceContext, q: Queryable, userId: number, townshipId: number | null) {
  const grants = await approvedGrantsOf(q, userId);
  const suspended = grants.filter((g) => grantNeedsApproval(ctx, g.role, g.path ?? '/'));
  if (suspended.length === 0) return;
  await suspendGrants(
    q,
    suspended.map((g) => g.id),
    ctx.actor.userId,
  );
  for (const g of suspended) {
    await recordAudit(q, ctx.actor, {
      action: 'role.grant.requested',
      entity: 'user',
      entityId: userId,
      townshipId,
      after: { grantId: g.id, role: g.role, reason: 'password reset' },
    });
  }
}

function presentGrant(g: PendingGrantRow) {
  return {
    id: g.id,
    user: { id: g.userId, username: g.username, displayName: g.displayName },
    role: g.role,
    roleName: ROLE_NAMES[g.role],
    orgUnit: g.orgUnitCode ? { code: g.orgUnitCode, name: g.orgUnitName! } : null,
    cadreGroup: g.cadreGroupId ? { id: g.cadreGroupId, name: g.cadreGroupName! } : null,
    requestedBy: g.requestedByName,
  };
}

/** Grants waiting for the signed-in leader: those inside his township scope. */
export async function listPendingGrants(ctx: ServiceContext) {
  const scopes = scopesFor(ctx.principal, 'users.approve_grant');
  if (scopes.length === 0) throw forbidden('只有镇领导可以审批角色授权');
  const rows = await pendingGrantsUnder(ctx.db, scopes);
  return { items: rows.map(presentGrant) };
}

/** A township leader approves a pending grant of his scope; from then on the account can use it. */
export async function approveGrant(ctx: ServiceContext, userId: number, grantId: number) {
  if (scopesFor(ctx.principal, 'users.approve_grant').length === 0) throw forbidden('只有镇领导可以审批角色授权');
  return ctx.db.transaction(async (tx) => {
    const grant = await pendingGrant(tx, userId, grantId);
    if (!grant) {
      if (await grantExists(tx, userId, grantId)) throw new AppError('CONFLICT', '这项角色授权已经审批过了');
      throw notFound('角色授权');
    }
    if (!can(ctx.principal, 'users.approve_grant', { path: grant.path ?? '/' })) {
      throw forbidden(`您无权审批“${grant.orgUnitName ?? '全系统'}”范围内的角色授权`);
    }
    // The second person is neither the one who asked nor the one who receives the grant.
    if (userId === ctx.actor.userId) throw forbidden('不能审批授予自己的角色');
    if (grant.requestedBy === ctx.actor.userId) throw forbidden('不能审批自己申请的角色授权');
    requireFreshSecondFactor(ctx, '审批可查看个人信息的角色授权');
    const updated = await markGrantApproved(tx, grantId, ctx.actor.userId);
    if (!updated) throw new AppError('CONFLICT', '这项角色授权已经审批过了');
    await recordAudit(tx, ctx.actor, {
      action: 'role.grant.approved',
      entity: 'user',
      entityId: userId,
      townshipId: grant.townshipId,
      after: { grantId, role: grant.role, orgUnitCode: grant.orgUnitCode, cadreGroupId: grant.cadreGroupId, requestedBy: grant.requestedBy },
    });
    return presentGrant(grant);
  });
}
