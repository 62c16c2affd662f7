// SQL of account administration (users): the list an administrator sees, one account, and its changes. Grants are
// in role-grants.repository.ts; sessions and failed logins are auth's.
import { and, count, eq, ilike, or, sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import { users, type UserRow } from '../../db/schema.js';

export interface UsersFilter {
  /** Part of a username, display name or phone number. */
  text?: string;
  /** Subtrees (materialised paths) one of the user's grants must lie in; undefined = all accounts. */
  scopePaths?: string[];
}

function whereOf(filter: UsersFilter) {
  const inScope = filter.scopePaths
    ? sql`EXISTS (
    SELECT 1 FROM user_roles r JOIN org_units o ON o.id = r.org_unit_id
    WHERE r.user_id = ${users.id} AND (${sql.join(
      filter.scopePaths.map((p) => sql`o.path LIKE ${`${p}%`}`),
      sql` OR `,
    )}))`
    : undefined;
  const text = filter.text
    ? or(ilike(users.username, `%${filter.text}%`), ilike(users.displayName, `%${filter.text}%`), ilike(users.phone, `%${filter.text}%`))
    : undefined;
  return and(inScope, text);
}

/** One page of the accounts matching the filter, by id, and how many match in all. */
export async function usersPage(q: Queryable, filter: UsersFilter, page: number, pageSize: number) {
  const where = whereOf(filter);
  const [rows, [{ total }]] = await Promise.all([
    q
      .select()
      .from(users)
      .where(where)
      .orderBy(users.id)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    q.select({ total: count() }).from(users).where(where),
  ]);
  return { rows, total };
}

export async function userById(q: Queryable, id: number): Promise<UserRow | undefined> {
  const [user] = await q.select().from(users).where(eq(users.id, id));
  return user;
}

/** The scope of each of the user's grants: the unit's path, null for a deployment-wide one. */
export async function grantPathsOf(q: Queryable, userId: number): Promise<(string | null)[]> {
  const rows = await queryRows<{ path: string | null }>(
    q,
    sql`
    SELECT o.path FROM user_roles r LEFT JOIN org_units o ON o.id = r.org_unit_id WHERE r.user_id = ${userId}`,
  );
  return rows.map((r) => r.path);
}

export async function usernameTaken(q: Queryable, username: string): Promise<boolean> {
  const [taken] = await q.select({ id: users.id }).from(users).where(eq(users.username, username));
  return taken !== undefined;
}

export async function insertUser(q: Queryable, row: typeof users.$inferInsert): Promise<UserRow> {
  const [user] = await q.insert(users).values(row).returning();
  return user;
}

export async function updateUserRow(q: Queryable, id: number, changes: Partial<UserRow>): Promise<UserRow> {
  const [updated] = await q.update(users).set(changes).where(eq(users.id, id)).returning();
  return updated;
}

/** A password the administrator knows: the user must replace it at his next login. */
export async function setInitialPassword(q: Queryable, id: number, passwordHash: string) {
  await q.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id));
}

export async function setDisabledAt(q: Queryable, id: number, disabledAt: Date | null): Promise<UserRow> {
  const [updated] = await q.update(users).set({ disabledAt }).where(eq(users.id, id)).returning();
  return updated;
}
