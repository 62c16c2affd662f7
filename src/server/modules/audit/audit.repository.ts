// SQL of the audit trail: appending an entry, and reading entries filtered by who, what, when and the reader's scopes.
import { and, count, desc, eq, gte, ilike, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { startOfChinaDay } from '../../../core/china-time.js';
import { addDays } from '../../../core/periods.js';
import type { Queryable } from '../../db/connection.js';
import { auditLog, orgUnits } from '../../db/schema.js';

export interface AuditFilter {
  user?: string;
  entity?: string;
  action?: string;
  from?: string;
  to?: string;
  /** Subtrees (materialised paths) whose entries the reader may see; undefined = all (deployment-wide reader). */
  scopePaths?: string[];
}

const township = alias(orgUnits, 'township');
/** The unit an entry is about: its own unit, else its township; null for deployment-wide entries. */
const entryPath = sql<string | null>`COALESCE(${auditLog.unitPath}, ${township.path})`;

function whereOf(filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [
    filter.user ? ilike(auditLog.username, `%${filter.user}%`) : undefined,
    filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
    filter.action ? eq(auditLog.action, filter.action) : undefined,
    filter.from ? gte(auditLog.at, startOfChinaDay(filter.from)) : undefined,
    // `to` is an inclusive calendar day in China time
    filter.to ? lt(auditLog.at, startOfChinaDay(addDays(filter.to, 1))) : undefined,
    filter.scopePaths ? or(sql`false`, ...filter.scopePaths.map((p) => like(entryPath, `${p}%`))) : undefined,
  ];
  return and(...conditions.filter(Boolean));
}

export async function listAudit(q: Queryable, filter: AuditFilter, page: number, pageSize: number) {
  const where = whereOf(filter);
  const from = () => q.select({ entry: auditLog, path: entryPath }).from(auditLog).leftJoin(township, eq(township.id, auditLog.townshipId));
  const [rows, [{ total }]] = await Promise.all([
    from()
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    q.select({ total: count() }).from(auditLog).leftJoin(township, eq(township.id, auditLog.townshipId)).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r.entry, path: r.path })), total };
}

/** Appends one entry; the log is never updated or deleted from. */
export async function insertAuditEntry(q: Queryable, row: typeof auditLog.$inferInsert): Promise<void> {
  await q.insert(auditLog).values(row);
}
