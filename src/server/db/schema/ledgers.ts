// Ledgers (台账): definitions, versions, records, data-change marks, and period submissions.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { workLines } from './cadre.js';
import { orgUnits } from './org.js';
import type { LedgerKind } from '../../../core/contracts/ledgers.js';
import type { PeriodType } from '../../../core/periods.js';

// Ledgers (台账): a definition per township and key, its versions (fields never rewritten), and its records.
export const ledgers = pgTable(
  'ledgers',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<LedgerKind>().notNull(),
    description: text('description'),
    // periodic ledgers: the type of their periods (core/periods.ts), e.g. 'day' for daily vaccination figures
    periodType: text('period_type').$type<PeriodType>(),
    // from the built-in library (src/server/modules/ledgers/library), by the library's key
    builtin: boolean('builtin').notNull().default(false),
    workLineId: integer('work_line_id').references(() => workLines.id),
    currentVersion: integer('current_version').notNull().default(1),
    // periodic ledgers: days after a period's end by which villages submit it (on-time rate); null = the default
    dueDays: integer('due_days'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('ledgers_key_uq')
      .on(t.townshipId, t.key)
      .where(sql`deleted_at IS NULL`),
  ],
);

export const ledgerVersions = pgTable(
  'ledger_versions',
  {
    townshipId: integer('township_id').notNull(),
    ledgerId: integer('ledger_id')
      .notNull()
      .references(() => ledgers.id),
    version: integer('version').notNull(),
    fields: jsonb('fields').notNull(),
    workflow: jsonb('workflow'),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.ledgerId, t.version] })],
);

export const ledgerRecords = pgTable(
  'ledger_records',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    townshipId: integer('township_id').notNull(),
    ledgerId: integer('ledger_id')
      .notNull()
      .references(() => ledgers.id),
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    values: jsonb('values').notNull(),
    // Keyed hashes of the personal values (ID numbers, mobiles), which `values` holds encrypted, by field key:
    // `<key id>:<HMAC>`; exact search and uniqueness compare these (modules/personal-data, docs/security.md)
    personalHashes: jsonb('personal_hashes')
      .notNull()
      .default(sql`'{}'::jsonb`),
    // periodic ledgers: the period id (one record per org unit and period); null for register ledgers
    period: text('period'),
    // register ledgers with a workflow: the record's state key
    status: text('status'),
    // org unit name, text values and their pinyin initials, lowercased (core/search-text.ts)
    searchText: text('search_text').notNull().default(''),
    // optimistic-lock counter: a PATCH names the version it read; a stale one is refused (409)
    version: integer('version').notNull().default(1),
    definitionVersion: integer('definition_version').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: integer('deleted_by'),
  },
  (t) => [
    index('ledger_records_list_idx').on(t.townshipId, t.ledgerId, t.id),
    index('ledger_records_org_unit_idx').on(t.orgUnitId),
    // No GIN index on values: it doubled the cost of loading records (docs/benchmarks.md) while every query here
    // is bounded by ledger first; uniqueness and imports scan one ledger's records.
    uniqueIndex('ledger_records_period_uq')
      .on(t.ledgerId, t.orgUnitId, t.period)
      .where(sql`deleted_at IS NULL AND period IS NOT NULL`),
  ],
);

/**
 * One row per (ledger, org unit) whose records a statement changed, written by statement-level triggers on
 * ledger_records (migration 0006) and never by the application. The indicator engine reads, per subject, the sum
 * of weights and the highest id as a data version: cached results stay valid while it is unchanged. Compaction
 * folds rows into one per pair (weights summed, highest id kept), so versions survive it. A TRUNCATE leaves a
 * row with no ledger: it changes every version.
 */
export const ledgerDataChanges = pgTable(
  'ledger_data_changes',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    ledgerId: integer('ledger_id'),
    orgUnitId: integer('org_unit_id'),
    weight: bigint('weight', { mode: 'number' }).notNull().default(1),
  },
  (t) => [index('ledger_data_changes_ledger_idx').on(t.ledgerId, t.orgUnitId)],
);

// Submission and approval of a periodic ledger's period by one village: submitted → approved (locked);
// unlocking keeps the reason (and the audit log keeps who did it).
export const periodSubmissions = pgTable(
  'period_submissions',
  {
    townshipId: integer('township_id').notNull(),
    ledgerId: integer('ledger_id')
      .notNull()
      .references(() => ledgers.id),
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    period: text('period').notNull(),
    status: text('status').notNull(), // 'submitted' | 'approved' | 'returned'
    submittedBy: integer('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedBy: integer('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    unlockedBy: integer('unlocked_by'),
    unlockedAt: timestamp('unlocked_at', { withTimezone: true }),
    unlockReason: text('unlock_reason'),
  },
  (t) => [primaryKey({ columns: [t.ledgerId, t.orgUnitId, t.period] })],
);
