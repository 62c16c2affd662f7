// Append-only audit trail. Every write records its entry in the same transaction as the change,
// so a change without its audit entry cannot exist.
import type { Queryable } from '../../db/connection.js';
import { insertAuditEntry } from './audit.repository.js';

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
  /** Materialised path of the org unit the entry is about, when narrower than the township (a record's unit). */
  unitPath?: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(q: Queryable, actor: Actor, entry: AuditEntry): Promise<void> {
  await insertAuditEntry(q, {
    userId: actor.userId,
    username: actor.username,
    ip: actor.ip,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    townshipId: entry.townshipId ?? null,
    unitPath: entry.unitPath ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}
