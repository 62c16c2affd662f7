// Role grants that hand out household data (personal.read) need two people when the one granting does not hold
// personal.read over that scope himself — the administrator. Such a grant is saved pending: the account cannot use
// it (auth.service.ts leaves it out of the principal) until a township leader of that scope approves it.
// Grants made by the system (demo loader, tests' builders) and by someone who holds personal.read there are not.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import { userRoles } from '../../db/schema.js';
import { AppError, forbidden, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can, roleMay, scopesFor } from '../../policy/policy.js';
import { ROLE_NAMES, type Role } from '../../../core/roles.js';
import { recordAudit } from '../audit/index.js';

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
  const existing = await q.select().from(userRoles).where(eq(userRoles.userId, userId));
  const wanted = new Map(roles.map((r) => [grantKey(r), r]));
  const gone = existing.filter((e) => !wanted.has(grantKey(e))).map((e) => e.id);
  if (gone.length) await q.delete(userRoles).where(inArray(userRoles.id, gone));
  const kept = new Set(existing.map(grantKey));
  const added = [...wanted.values()].filter((r) => !kept.has(grantKey(r)));
  if (added.length === 0) return;
  const rows = await q
    .insert(userRoles)
    .values(
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
    )
    .returning();
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

/**
 * After a password reset by someone without personal.read there, the account's household-data grants wait for a
 * leader again: otherwise resetting a leader's password and signing in with it would bypass the approval.
 */
export async function suspendGrantsAfterReset(ctx: ServiceContext, q: Queryable, userId: number, townshipId: number | null) {
  const grants = await queryRows<{ id: number; role: Role; path: string | null }>(
    q,
    sql`
    SELECT r.id, r.role, o.path FROM user_roles r LEFT JOIN org_units o ON o.id = r.org_unit_id
    WHERE r.user_id = ${userId} AND r.approved_at IS NOT NULL`,
  );
  const suspended = grants.filter((g) => grantNeedsApproval(ctx, g.role, g.path ?? '/'));
  if (suspended.length === 0) return;
  await q
    .update(userRoles)
    .set({ approvedAt: null, approvedBy: null, requestedBy: ctx.actor.userId })
    .where(
      inArray(
        userRoles.id,
        suspended.map((g) => g.id),
      ),
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

interface PendingGrantRow {
  id: number;
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string | null;
  orgUnitName: string | null;
  path: string | null;
  townshipId: number | null;
  cadreGroupId: number | null;
  cadreGroupName: string | null;
  requestedBy: number | null;
  requestedByName: string | null;
}

async function pendingGrants(q: Queryable, where: SQL) {
  return queryRows<PendingGrantRow>(
    q,
    sql`
    SELECT r.id, r.user_id AS "userId", u.username, u.display_name AS "displayName", r.role,
           o.code AS "orgUnitCode", o.name AS "orgUnitName", o.path, o.township_id AS "townshipId",
           r.cadre_group_id AS "cadreGroupId", g.name AS "cadreGroupName",
           r.requested_by AS "requestedBy", req.display_name AS "requestedByName"
    FROM user_roles r
    JOIN users u ON u.id = r.user_id
    LEFT JOIN org_units o ON o.id = r.org_unit_id
    LEFT JOIN cadre_groups g ON g.id = r.cadre_group_id
    LEFT JOIN users req ON req.id = r.requested_by
    WHERE r.approved_at IS NULL AND ${where}
    ORDER BY r.id`,
  );
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
  const rows = await pendingGrants(
    ctx.db,
    sql`(${sql.join(
      scopes.map((p) => sql`o.path LIKE ${`${p}%`}`),
      sql` OR `,
    )})`,
  );
  return { items: rows.map(presentGrant) };
}

/** A township leader approves a pending grant of his scope; from then on the account can use it. */
export async function approveGrant(ctx: ServiceContext, userId: number, grantId: number) {
  if (scopesFor(ctx.principal, 'users.approve_grant').length === 0) throw forbidden('只有镇领导可以审批角色授权');
  return ctx.db.transaction(async (tx) => {
    const [grant] = await pendingGrants(tx, sql`r.id = ${grantId} AND r.user_id = ${userId}`);
    if (!grant) {
      const [approved] = await tx
        .select({ id: userRoles.id })
        .from(userRoles)
        .where(and(eq(userRoles.id, grantId), eq(userRoles.userId, userId)));
      if (approved) throw new AppError('CONFLICT', '这项角色授权已经审批过了');
      throw notFound('角色授权');
    }
    if (!can(ctx.principal, 'users.approve_grant', { path: grant.path ?? '/' })) {
      throw forbidden(`您无权审批“${grant.orgUnitName ?? '全系统'}”范围内的角色授权`);
    }
    // The second person is neither the one who asked nor the one who receives the grant.
    if (userId === ctx.actor.userId) throw forbidden('不能审批授予自己的角色');
    if (grant.requestedBy === ctx.actor.userId) throw forbidden('不能审批自己申请的角色授权');
    const [updated] = await tx
      .update(userRoles)
      .set({ approvedAt: sql`now()`, approvedBy: ctx.actor.userId })
      .where(and(eq(userRoles.id, grantId), isNull(userRoles.approvedAt)))
      .returning();
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
