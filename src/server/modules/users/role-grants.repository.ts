// SQL of role grants (user_roles): saving a user's grants, suspending them after a password reset, and the grants
// waiting for a township leader's approval.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import { cadreGroups, userRoles } from '../../db/schema.js';
import type { Role } from '../../../core/roles.js';

export type GrantRow = typeof userRoles.$inferSelect;

export function grantsOf(q: Queryable, userId: number): Promise<GrantRow[]> {
  return q.select().from(userRoles).where(eq(userRoles.userId, userId));
}

export async function deleteGrants(q: Queryable, ids: number[]) {
  await q.delete(userRoles).where(inArray(userRoles.id, ids));
}

export function insertGrants(q: Queryable, rows: (typeof userRoles.$inferInsert)[]): Promise<GrantRow[]> {
  return q.insert(userRoles).values(rows).returning();
}

/** The user's approved grants, each with the path of its unit (null for a deployment-wide one). */
export function approvedGrantsOf(q: Queryable, userId: number) {
  return queryRows<{ id: number; role: Role; path: string | null }>(
    q,
    sql`
    SELECT r.id, r.role, o.path FROM user_roles r LEFT JOIN org_units o ON o.id = r.org_unit_id
    WHERE r.user_id = ${userId} AND r.approved_at IS NOT NULL`,
  );
}

/** Sends approved grants back to waiting for a leader, as asked by `requestedBy`. */
export async function suspendGrants(q: Queryable, ids: number[], requestedBy: number | null) {
  await q.update(userRoles).set({ approvedAt: null, approvedBy: null, requestedBy }).where(inArray(userRoles.id, ids));
}

export interface PendingGrantRow {
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

function pendingGrants(q: Queryable, where: SQL) {
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

/** The grants waiting for approval whose unit lies in one of the subtrees (materialised paths). */
export function pendingGrantsUnder(q: Queryable, scopePaths: string[]) {
  return pendingGrants(
    q,
    sql`(${sql.join(
      scopePaths.map((p) => sql`o.path LIKE ${`${p}%`}`),
      sql` OR `,
    )})`,
  );
}

/** The user's grant, if it still waits for approval. */
export async function pendingGrant(q: Queryable, userId: number, grantId: number): Promise<PendingGrantRow | undefined> {
  const [grant] = await pendingGrants(q, sql`r.id = ${grantId} AND r.user_id = ${userId}`);
  return grant;
}

/** Whether the user has this grant at all, pending or approved. */
export async function grantExists(q: Queryable, userId: number, grantId: number): Promise<boolean> {
  const [grant] = await q
    .select({ id: userRoles.id })
    .from(userRoles)
    .where(and(eq(userRoles.id, grantId), eq(userRoles.userId, userId)));
  return grant !== undefined;
}

/** Approves a pending grant; undefined when it was approved meanwhile (by a parallel request). */
export async function markGrantApproved(q: Queryable, grantId: number, approvedBy: number | null): Promise<GrantRow | undefined> {
  const [updated] = await q
    .update(userRoles)
    .set({ approvedAt: sql`now()`, approvedBy })
    .where(and(eq(userRoles.id, grantId), isNull(userRoles.approvedAt)))
    .returning();
  return updated;
}

/** The cadre group a group leader's grant names (deleted or not), with its township. */
export async function cadreGroupOfGrant(q: Queryable, id: number): Promise<{ id: number; townshipId: number } | undefined> {
  const [group] = await q.select({ id: cadreGroups.id, townshipId: cadreGroups.townshipId }).from(cadreGroups).where(eq(cadreGroups.id, id));
  return group;
}
