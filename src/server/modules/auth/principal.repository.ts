// Loads what a user may do: each role with the materialised paths of the subtrees it covers, and whether it still
// waits for approval (a pending grant is shown to administrators and approvers, never used: auth.service.ts).
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import type { Role } from '../../../core/roles.js';

export interface RoleBinding {
  /** The grant's id (user_roles.id). */
  id: number;
  role: Role;
  pending: boolean;
  orgUnitId: number | null;
  orgUnitCode: string | null;
  orgUnitName: string | null;
  orgUnitPath: string | null;
  townshipId: number | null;
  cadreGroupId: number | null;
  cadreGroupName: string | null;
  /** For a group leader: the paths of the villages his group (or the small groups of his big group) covers. */
  coveredPaths: string[];
}

export async function loadRoleBindings(q: Queryable, userIds: number[]): Promise<Map<number, RoleBinding[]>> {
  const result = new Map<number, RoleBinding[]>();
  if (userIds.length === 0) return result;
  const rows = await queryRows<RoleBinding & { userId: number }>(
    q,
    sql`
    SELECT r.user_id AS "userId", r.id, r.role, r.approved_at IS NULL AS pending, r.org_unit_id AS "orgUnitId", o.code AS "orgUnitCode", o.name AS "orgUnitName",
           o.path AS "orgUnitPath", o.township_id AS "townshipId", r.cadre_group_id AS "cadreGroupId", g.name AS "cadreGroupName",
           COALESCE((
             SELECT array_agg(DISTINCT v.path) FROM cadre_groups cg
             JOIN cadre_group_villages cv ON cv.group_id = cg.id
             JOIN org_units v ON v.id = cv.org_unit_id
             WHERE (cg.id = r.cadre_group_id OR cg.parent_id = r.cadre_group_id) AND cg.deleted_at IS NULL
           ), ARRAY[]::text[]) AS "coveredPaths"
    FROM user_roles r
    LEFT JOIN org_units o ON o.id = r.org_unit_id
    LEFT JOIN cadre_groups g ON g.id = r.cadre_group_id
    WHERE r.user_id IN (${sql.join(
      userIds.map((id) => sql`${id}`),
      sql`, `,
    )})
    ORDER BY r.id`,
  );
  for (const row of rows) {
    const { userId, ...binding } = row;
    result.set(userId, [...(result.get(userId) ?? []), binding]);
  }
  return result;
}
