// Which cadre groups a user belongs to (as leader or member, by his linked account): the groups whose tasks he
// reads and handles in supervision; and, the other way, a group's linked accounts (told of its tasks).
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';

export async function groupIdsOfUser(q: Queryable, townshipId: number, userId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    q,
    sql`SELECT DISTINCT g.id FROM cadre_group_members m JOIN cadre_groups g ON g.id = m.group_id
        WHERE m.user_id = ${userId} AND g.township_id = ${townshipId} AND g.deleted_at IS NULL`,
  );
  return rows.map((r) => r.id);
}

/** A live group of the township with its name, or undefined. */
export async function groupRef(q: Queryable, townshipId: number, id: number) {
  const rows = await queryRows<{ id: number; name: string; kind: string }>(
    q,
    sql`SELECT id, name, kind FROM cadre_groups WHERE id = ${id} AND township_id = ${townshipId} AND deleted_at IS NULL`,
  );
  return rows[0];
}

/** The live accounts linked to members of a group (its leader included), by id: who is told of the group's tasks. */
export async function memberUserIdsOfGroup(q: Queryable, groupId: number): Promise<number[]> {
  const rows = await queryRows<{ id: number }>(
    q,
    sql`SELECT DISTINCT m.user_id AS id FROM cadre_group_members m JOIN users u ON u.id = m.user_id
        WHERE m.group_id = ${groupId} AND u.disabled_at IS NULL ORDER BY 1`,
  );
  return rows.map((r) => r.id);
}
