// Queries of the data-quality rules: a township's live rules, and their writes (a deleted rule is kept, marked).
import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { qualityRules } from '../../db/schema.js';

export type QualityRuleRow = typeof qualityRules.$inferSelect;
export type NewQualityRule = typeof qualityRules.$inferInsert;
export type QualityRuleChange = Pick<NewQualityRule, 'name' | 'left' | 'operator' | 'right'>;

const liveOf = (townshipId: number) => and(eq(qualityRules.townshipId, townshipId), isNull(qualityRules.deletedAt));
const liveRule = (townshipId: number, id: number) => and(eq(qualityRules.id, id), liveOf(townshipId));

/** The township's rules, oldest first. */
export async function qualityRulesOf(q: Queryable, townshipId: number): Promise<QualityRuleRow[]> {
  return q.select().from(qualityRules).where(liveOf(townshipId)).orderBy(qualityRules.id);
}

/** Whether the township has any rule at all (the check after an import is skipped otherwise). */
export async function hasQualityRules(q: Queryable, townshipId: number): Promise<boolean> {
  const [rule] = await q.select({ id: qualityRules.id }).from(qualityRules).where(liveOf(townshipId)).limit(1);
  return rule !== undefined;
}

export async function findQualityRule(q: Queryable, townshipId: number, id: number): Promise<QualityRuleRow | undefined> {
  const [row] = await q.select().from(qualityRules).where(liveRule(townshipId, id));
  return row;
}

export async function insertQualityRule(q: Queryable, values: NewQualityRule): Promise<QualityRuleRow> {
  const [row] = await q.insert(qualityRules).values(values).returning();
  return row;
}

export async function updateQualityRule(q: Queryable, townshipId: number, id: number, change: QualityRuleChange): Promise<QualityRuleRow> {
  const [row] = await q.update(qualityRules).set(change).where(liveRule(townshipId, id)).returning();
  return row;
}

/** Marks the rule deleted; undefined when the township has no such live rule. */
export async function deleteQualityRule(q: Queryable, townshipId: number, id: number): Promise<QualityRuleRow | undefined> {
  const [row] = await q.update(qualityRules).set({ deletedAt: new Date() }).where(liveRule(townshipId, id)).returning();
  return row;
}
