// What signing in and changing one's own password read and write of an account (users), and a township's live
// accounts (the candidates for its notifications). Administration of accounts (creating, editing, disabling) is
// the users module's.
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { users, type UserRow } from '../../db/schema.js';

export async function accountByUsername(q: Queryable, username: string): Promise<UserRow | undefined> {
  const [user] = await q.select().from(users).where(eq(users.username, username));
  return user;
}

export async function recordLastLogin(q: Queryable, userId: number, at: Date) {
  await q.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

/** The user's own new password: chosen by him, so he no longer has to change it. */
export async function setOwnPassword(q: Queryable, userId: number, passwordHash: string) {
  await q.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId));
}

/** The live (not disabled) accounts bound to a township, by id: whose grants decide who handles a unit's work. */
export async function liveAccountIdsOfTownship(q: Queryable, townshipId: number): Promise<number[]> {
  const rows = await q
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.townshipId, townshipId), isNull(users.disabledAt)))
    .orderBy(users.id);
  return rows.map((r) => r.id);
}
