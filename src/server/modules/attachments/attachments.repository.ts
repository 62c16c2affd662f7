// SQL for attachments: the files, and the unit whose records they belong to.
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { attachments, orgUnits } from '../../db/schema.js';

export async function insertAttachment(q: Queryable, row: typeof attachments.$inferInsert) {
  await q.insert(attachments).values(row);
}

/** The file with the paths of its owning unit (null while unattached) and of its township. */
export async function findAttachment(q: Queryable, townshipId: number, id: string) {
  const owner = sql<string | null>`(SELECT path FROM org_units WHERE id = ${attachments.orgUnitId})`;
  const [row] = await q
    .select({ file: attachments, ownerPath: owner, townshipPath: orgUnits.path })
    .from(attachments)
    .innerJoin(orgUnits, eq(orgUnits.id, attachments.townshipId))
    .where(and(eq(attachments.id, id), eq(attachments.townshipId, townshipId)));
  return row;
}

/** Those of the ids that exist in the township and are unattached or already the unit's. */
export async function usableAttachmentIds(q: Queryable, townshipId: number, unitId: number, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await q
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(eq(attachments.townshipId, townshipId), inArray(attachments.id, ids), or(isNull(attachments.orgUnitId), eq(attachments.orgUnitId, unitId))),
    );
  return new Set(rows.map((r) => r.id));
}

export async function claimForUnit(q: Queryable, townshipId: number, unitId: number, ids: string[]) {
  if (ids.length === 0) return;
  await q
    .update(attachments)
    .set({ orgUnitId: unitId })
    .where(and(eq(attachments.townshipId, townshipId), inArray(attachments.id, ids), isNull(attachments.orgUnitId)));
}
