// SQL for the cadre organisation (组线包村) and work lines. Every query is bounded by township_id (DESIGN.md §8).
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import { cadreGroupMembers, cadreGroups, cadreGroupVillages, userRoles, users, workLines } from '../../db/schema.js';
import type { MemberInput } from './cadre.schemas.js';

export type GroupRow = typeof cadreGroups.$inferSelect;
export type MemberRow = typeof cadreGroupMembers.$inferSelect;
export type WorkLineRow = typeof workLines.$inferSelect;

export function listGroups(q: Queryable, townshipId: number): Promise<GroupRow[]> {
  return q
    .select()
    .from(cadreGroups)
    .where(and(eq(cadreGroups.townshipId, townshipId), isNull(cadreGroups.deletedAt)))
    .orderBy(asc(cadreGroups.sortOrder), asc(cadreGroups.id));
}

export function listMembers(q: Queryable, townshipId: number): Promise<MemberRow[]> {
  return q
    .select()
    .from(cadreGroupMembers)
    .where(eq(cadreGroupMembers.townshipId, townshipId))
    .orderBy(asc(cadreGroupMembers.groupId), asc(cadreGroupMembers.sortOrder), asc(cadreGroupMembers.id));
}

export function listCoverage(q: Queryable, townshipId: number) {
  return queryRows<{ groupId: number; code: string; name: string }>(
    q,
    sql`
    SELECT cv.group_id AS "groupId", v.code, v.name FROM cadre_group_villages cv
    JOIN org_units v ON v.id = cv.org_unit_id
    WHERE cv.township_id = ${townshipId} ORDER BY v.code`,
  );
}

/** The township's small cadre groups (包村小组) and the villages each covers, in the groups' order. */
export function smallGroupsWithVillages(q: Queryable, townshipId: number) {
  return queryRows<{ id: number; name: string; villageIds: number[] }>(
    q,
    sql`
    SELECT g.id, g.name, coalesce(array_agg(cv.org_unit_id) FILTER (WHERE cv.org_unit_id IS NOT NULL), '{}') AS "villageIds"
    FROM cadre_groups g LEFT JOIN cadre_group_villages cv ON cv.group_id = g.id
    WHERE g.township_id = ${townshipId} AND g.kind = 'small' AND g.deleted_at IS NULL
    GROUP BY g.id, g.name, g.sort_order ORDER BY g.sort_order, g.id`,
  );
}

export async function findGroup(q: Queryable, townshipId: number, id: number): Promise<GroupRow | undefined> {
  const [row] = await q
    .select()
    .from(cadreGroups)
    .where(and(eq(cadreGroups.townshipId, townshipId), eq(cadreGroups.id, id), isNull(cadreGroups.deletedAt)));
  return row;
}

export async function groupNamed(q: Queryable, townshipId: number, name: string, exceptId = -1) {
  const [row] = await q
    .select({ id: cadreGroups.id })
    .from(cadreGroups)
    .where(and(eq(cadreGroups.townshipId, townshipId), eq(cadreGroups.name, name), ne(cadreGroups.id, exceptId), isNull(cadreGroups.deletedAt)));
  return row;
}

export async function childCount(q: Queryable, groupId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    q,
    sql`SELECT count(*)::int AS n FROM cadre_groups WHERE parent_id = ${groupId} AND deleted_at IS NULL`,
  );
  return row.n;
}

/** New (or moved) groups go to the end of the big groups, or of the small groups of their big group. */
async function lastPlace(q: Queryable, townshipId: number, parentId: number | null): Promise<number> {
  const [{ next }] = await queryRows<{ next: number }>(
    q,
    sql`
    SELECT COALESCE(max(sort_order), 0) + 1 AS next FROM cadre_groups
    WHERE township_id = ${townshipId} AND parent_id IS NOT DISTINCT FROM ${parentId}::int`,
  );
  return next;
}

export async function insertGroup(q: Queryable, row: { townshipId: number; kind: string; name: string; parentId: number | null }) {
  const sortOrder = await lastPlace(q, row.townshipId, row.parentId);
  const [created] = await q
    .insert(cadreGroups)
    .values({ ...row, sortOrder })
    .returning();
  return created;
}

export async function updateGroup(q: Queryable, group: GroupRow, changes: { name?: string; parentId?: number | null }) {
  const moved = changes.parentId !== undefined && changes.parentId !== group.parentId;
  const sortOrder = moved ? await lastPlace(q, group.townshipId, changes.parentId!) : undefined;
  await q
    .update(cadreGroups)
    .set({ ...changes, sortOrder })
    .where(eq(cadreGroups.id, group.id));
}

/** Soft delete: the group stays for history (audit, past rankings); the villages it covered become free. */
export async function deleteGroup(q: Queryable, id: number) {
  await q.update(cadreGroups).set({ deletedAt: new Date() }).where(eq(cadreGroups.id, id));
  await q.delete(cadreGroupVillages).where(eq(cadreGroupVillages.groupId, id));
}

export async function replaceMembers(q: Queryable, townshipId: number, groupId: number, members: MemberInput[]) {
  await q.delete(cadreGroupMembers).where(eq(cadreGroupMembers.groupId, groupId));
  if (members.length === 0) return;
  await q
    .insert(cadreGroupMembers)
    .values(
      members.map((m, i) => ({
        townshipId,
        groupId,
        name: m.name,
        position: m.position || null,
        isLeader: m.isLeader,
        userId: m.userId ?? null,
        sortOrder: i + 1,
      })),
    );
}

export interface VillageRecord {
  id: number;
  code: string;
  name: string;
  level: string;
  validTo: string | null;
  townshipId: number | null;
}

export async function findUnitsByCode(q: Queryable, codes: string[]): Promise<VillageRecord[]> {
  if (codes.length === 0) return [];
  return queryRows<VillageRecord>(
    q,
    sql`
    SELECT id, code, name, level, to_char(valid_to, 'YYYY-MM-DD') AS "validTo", township_id AS "townshipId"
    FROM org_units WHERE code IN (${sql.join(
      codes.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
}

/** Which other group already covers each of the given villages. */
export async function coveredElsewhere(q: Queryable, orgUnitIds: number[], exceptGroupId: number) {
  if (orgUnitIds.length === 0) return [];
  return queryRows<{ orgUnitId: number; groupName: string }>(
    q,
    sql`
    SELECT cv.org_unit_id AS "orgUnitId", g.name AS "groupName" FROM cadre_group_villages cv
    JOIN cadre_groups g ON g.id = cv.group_id
    WHERE cv.org_unit_id IN (${sql.join(
      orgUnitIds.map((id) => sql`${id}`),
      sql`, `,
    )}) AND cv.group_id <> ${exceptGroupId}`,
  );
}

export async function replaceVillages(q: Queryable, townshipId: number, groupId: number, orgUnitIds: number[]) {
  await q.delete(cadreGroupVillages).where(eq(cadreGroupVillages.groupId, groupId));
  if (orgUnitIds.length === 0) return;
  await q.insert(cadreGroupVillages).values(orgUnitIds.map((orgUnitId) => ({ townshipId, groupId, orgUnitId })));
}

/** Accounts whose group-leader role is bound to the group: deleting it would leave them pointing nowhere. */
export async function usernamesBoundTo(q: Queryable, groupId: number): Promise<string[]> {
  const rows = await q
    .select({ username: users.username })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(eq(userRoles.cadreGroupId, groupId));
  return rows.map((r) => r.username);
}

export async function usersByIds(q: Queryable, ids: number[]) {
  if (ids.length === 0) return [];
  return q.select({ id: users.id, townshipId: users.townshipId, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
}

export function listWorkLines(q: Queryable, townshipId: number): Promise<WorkLineRow[]> {
  return q
    .select()
    .from(workLines)
    .where(and(eq(workLines.townshipId, townshipId), isNull(workLines.deletedAt)))
    .orderBy(asc(workLines.sortOrder), asc(workLines.id));
}

export async function findWorkLine(q: Queryable, townshipId: number, id: number): Promise<WorkLineRow | undefined> {
  const [row] = await q
    .select()
    .from(workLines)
    .where(and(eq(workLines.townshipId, townshipId), eq(workLines.id, id), isNull(workLines.deletedAt)));
  return row;
}

export async function workLineNamed(q: Queryable, townshipId: number, name: string, exceptId = -1) {
  const [row] = await q
    .select({ id: workLines.id })
    .from(workLines)
    .where(and(eq(workLines.townshipId, townshipId), eq(workLines.name, name), ne(workLines.id, exceptId), isNull(workLines.deletedAt)));
  return row;
}

export async function insertWorkLine(q: Queryable, row: Omit<typeof workLines.$inferInsert, 'id' | 'sortOrder'>) {
  const [{ next }] = await queryRows<{ next: number }>(
    q,
    sql`
    SELECT COALESCE(max(sort_order), 0) + 1 AS next FROM work_lines WHERE township_id = ${row.townshipId}`,
  );
  const [created] = await q
    .insert(workLines)
    .values({ ...row, sortOrder: next })
    .returning();
  return created;
}

export async function updateWorkLine(q: Queryable, id: number, changes: Partial<WorkLineRow>) {
  const [updated] = await q.update(workLines).set(changes).where(eq(workLines.id, id)).returning();
  return updated;
}

/** Soft delete: ledgers and indicators of a work line keep their reference. */
export async function deleteWorkLine(q: Queryable, id: number) {
  await q.update(workLines).set({ deletedAt: new Date() }).where(eq(workLines.id, id));
}

/** The names of work lines by id, deleted ones too (an indicator keeps showing the line it was filed under). */
export async function workLineNames(q: Queryable, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await q.select({ id: workLines.id, name: workLines.name }).from(workLines).where(inArray(workLines.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
