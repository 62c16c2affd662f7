// Append-only audit trail. Every write records its entry in the same transaction as the change,
// so a change without its audit entry cannot exist.
import { and, count, desc, eq, gte, ilike, inArray, lt, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { auditLog } from '../../db/schema.js';

/** Who does something, and from where. */
export interface Actor {
  userId: number | null;
  username: string | null;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, username: 'system', ip: null };

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  townshipId?: number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(q: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await q.insert(auditLog).values({
    userId: actor.userId,
    username: actor.username,
    ip: actor.ip,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    townshipId: entry.townshipId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export interface AuditFilter {
  user?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Township ids the reader may see; undefined = all (deployment administrator). */
  townshipIds?: number[];
}

function whereOf(filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.user ? ilike(auditLog.username, `%${filter.user}%`) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.at, new Date(`${filter.from}T00:00:00+08:00`)) : undefined,
    // `to` is an inclusive calendar day in China time
    filter.to ? lt(auditLog.at, new Date(new Date(`${filter.to}T00:00:00+08:00`).getTime() + 86_400_000)) : undefined,
    filter.townshipIds ? inArray(auditLog.townshipId, filter.townshipIds) : undefined,
  ];
  return and(...conditions.filter(Boolean));
}

export async function listAudit(q: Queryable, filter: AuditFilter, page: number, pageSize: number) {
  const where = whereOf(filter);
  const [items, [{ total }]] = await Promise.all([
    q.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize),
    q.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total };
}
