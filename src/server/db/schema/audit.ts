// The append-only audit trail (migration 0001 makes the database refuse UPDATE and DELETE).
import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    townshipId: integer('township_id'),
    // Materialised path of the org unit the entry is about (a record's village, a unit); null: the township's own
    // (or, without a township, the deployment's). Readers see entries inside their audit.read scopes.
    unitPath: text('unit_path'),
    userId: integer('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_user_idx').on(t.userId),
    index('audit_log_unit_path_idx').using('btree', sql`${t.unitPath} text_pattern_ops`),
  ],
);
