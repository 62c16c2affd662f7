// Queries of the rankings: a township's live rankings with the key of the indicator each orders by, and their
// writes (a deleted ranking is kept, marked).
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { indicators, rankings } from '../../db/schema.js';

export type RankingRow = typeof rankings.$inferSelect;
export type NewRanking = typeof rankings.$inferInsert;
export type RankingChange = Omit<NewRanking, 'id' | 'townshipId' | 'key' | 'createdBy' | 'createdAt' | 'deletedAt'>;

/** The township's rankings, oldest first, each with its indicator's key. */
export async function rankingsOf(q: Queryable, townshipId: number): Promise<{ ranking: RankingRow; indicator: string }[]> {
  return q
    .select({ ranking: rankings, indicator: indicators.key })
    .from(rankings)
    .innerJoin(indicators, eq(indicators.id, rankings.indicatorId))
    .where(and(eq(rankings.townshipId, townshipId), isNull(rankings.deletedAt)))
    .orderBy(rankings.id);
}

/** The names of the live rankings ordered by an indicator (an indicator in use is not deleted). */
export async function rankingNamesUsing(q: Queryable, indicatorId: number): Promise<string[]> {
  const rows = await q
    .select({ name: rankings.name })
    .from(rankings)
    .where(and(eq(rankings.indicatorId, indicatorId), isNull(rankings.deletedAt)));
  return rows.map((r) => r.name);
}

export async function insertRanking(q: Queryable, values: NewRanking): Promise<RankingRow> {
  const [row] = await q.insert(rankings).values(values).returning();
  return row;
}

export async function updateRanking(q: Queryable, id: number, change: RankingChange): Promise<RankingRow> {
  const [row] = await q.update(rankings).set(change).where(eq(rankings.id, id)).returning();
  return row;
}

export async function deleteRanking(q: Queryable, id: number): Promise<void> {
  await q.update(rankings).set({ deletedAt: new Date() }).where(eq(rankings.id, id));
}
