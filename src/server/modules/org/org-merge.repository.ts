// SQL for merging villager groups (合组): closing the old groups into the new one, the merge plan of a village,
// and the group counts behind the campaign's progress.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';

/** Closes a group on the merge date and records the group it was merged into. */
export async function closeGroupMergedInto(q: Queryable, groupId: number, date: string, mergedIntoId: number): Promise<void> {
  await q.execute(sql`UPDATE org_units SET valid_to = ${date}::date, merged_into_id = ${mergedIntoId} WHERE id = ${groupId}`);
}

/**
 * Rebinds the role grants scoped to one unit to another. The grants (user_roles) are the users module's table,
 * written here because that module offers no such use case and the merge must move them in its transaction.
 */
export async function rebindRoleGrants(q: Queryable, fromUnitId: number, toUnitId: number): Promise<void> {
  await q.execute(sql`UPDATE user_roles SET org_unit_id = ${toUnitId} WHERE org_unit_id = ${fromUnitId}`);
}

export async function setPlannedGroups(q: Queryable, villageId: number, plannedGroups: number): Promise<void> {
  await q.execute(sql`UPDATE org_units SET planned_groups = ${plannedGroups} WHERE id = ${villageId}`);
}

export interface VillageGroupCounts {
  code: string;
  name: string;
  /** The groups no merge produced: the original ones, open or closed. */
  groupsBefore: number;
  /** The open groups. */
  groupsNow: number;
  groupsPlanned: number | null;
}

/** Each live village of the township, by code, with its group counts before the campaign, now and planned. */
export function villageGroupCounts(q: Queryable, townshipId: number): Promise<VillageGroupCounts[]> {
  return queryRows<VillageGroupCounts>(
    q,
    sql`
    SELECT v.code, v.name, v.planned_groups AS "groupsPlanned",
      count(g.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM org_units o WHERE o.merged_into_id = g.id))::int AS "groupsBefore",
      count(g.id) FILTER (WHERE g.valid_to IS NULL)::int AS "groupsNow"
    FROM org_units v
    LEFT JOIN org_units g ON g.parent_id = v.id AND g.level = 'group'
    WHERE v.parent_id = ${townshipId} AND v.level = 'village' AND v.valid_to IS NULL
    GROUP BY v.id ORDER BY v.code`,
  );
}
