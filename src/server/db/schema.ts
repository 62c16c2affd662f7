// Drizzle schema: the single source for migrations (drizzle-kit generate) and typed queries.
// Every data table carries township_id so that a province can shard by township (DESIGN.md §8).
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, customType, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex,
} from 'drizzle-orm/pg-core';

export const orgUnits = pgTable('org_units', {
  id: serial('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  parentId: integer('parent_id'),
  // Materialised path of ids, '/1/5/20/': subtree = path LIKE '/1/5/%'
  path: text('path').notNull(),
  townshipId: integer('township_id'),
  pinyin: text('pinyin').notNull().default(''),
  urCode: text('ur_code'),
  validFrom: date('valid_from').notNull().default('1900-01-01'),
  validTo: date('valid_to'),
  mergedIntoId: integer('merged_into_id'),
  plannedGroups: integer('planned_groups'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('org_units_code_uq').on(t.code),
  index('org_units_parent_idx').on(t.parentId),
  index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
  index('org_units_township_idx').on(t.townshipId),
]);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  townshipId: integer('township_id'),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  phone: text('phone'),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('users_username_uq').on(t.username)]);

export const userRoles = pgTable('user_roles', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role').notNull(),
  // null only for a deployment-wide administrator
  orgUnitId: integer('org_unit_id').references(() => orgUnits.id),
  cadreGroupId: integer('cadre_group_id').references(() => cadreGroups.id),
  // null: a grant carrying personal.read that an administrator without it requested, waiting for a leader
  // of that scope to approve; the account cannot use it until then (users.service.ts).
  approvedAt: timestamp('approved_at', { withTimezone: true }).defaultNow(),
  approvedBy: integer('approved_by'),
  requestedBy: integer('requested_by'),
}, (t) => [index('user_roles_user_idx').on(t.userId)]);

// Failed logins counted by the username typed, whether or not such an account exists: unknown usernames lock
// exactly like real ones, so the answers cannot tell them apart (auth.service.ts).
export const loginThrottle = pgTable('login_throttle', {
  username: text('username').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
}, (t) => [index('login_throttle_last_attempt_idx').on(t.lastAttemptAt)]);

export const sessions = pgTable('sessions', {
  // sha256 of the cookie token; the token itself is never stored
  id: text('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

export const auditLog = pgTable('audit_log', {
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
}, (t) => [
  index('audit_log_at_idx').on(t.at),
  index('audit_log_entity_idx').on(t.entity, t.entityId),
  index('audit_log_user_idx').on(t.userId),
  index('audit_log_unit_path_idx').using('btree', sql`${t.unitPath} text_pattern_ops`),
]);

export const cadreGroups = pgTable('cadre_groups', {
  id: serial('id').primaryKey(),
  townshipId: integer('township_id').notNull(),
  kind: text('kind').notNull(), // 'big' | 'small'
  parentId: integer('parent_id'),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [
  index('cadre_groups_township_idx').on(t.townshipId),
  uniqueIndex('cadre_groups_name_uq').on(t.townshipId, t.name).where(sql`deleted_at IS NULL`),
]);

export const cadreGroupMembers = pgTable('cadre_group_members', {
  id: serial('id').primaryKey(),
  townshipId: integer('township_id').notNull(),
  groupId: integer('group_id').notNull().references(() => cadreGroups.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  position: text('position'),
  isLeader: boolean('is_leader').notNull().default(false),
  userId: integer('user_id'),
  sortOrder: integer('sort_order').notNull().default(0),
}, (t) => [index('cadre_group_members_group_idx').on(t.groupId)]);

export const cadreGroupVillages = pgTable('cadre_group_villages', {
  townshipId: integer('township_id').notNull(),
  groupId: integer('group_id').notNull().references(() => cadreGroups.id, { onDelete: 'cascade' }),
  orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
}, (t) => [
  primaryKey({ columns: [t.groupId, t.orgUnitId] }),
  // a village is covered by one small group at a time
  uniqueIndex('cadre_group_villages_village_uq').on(t.orgUnitId),
]);

export const workLines = pgTable('work_lines', {
  id: serial('id').primaryKey(),
  townshipId: integer('township_id').notNull(),
  name: text('name').notNull(),
  leaderName: text('leader_name'),
  leaderUserId: integer('leader_user_id'),
  description: text('description'),
  sortOrder: integer('sort_order').notNull().default(0),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [uniqueIndex('work_lines_name_uq').on(t.townshipId, t.name).where(sql`deleted_at IS NULL`)]);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type UserRow = typeof users.$inferSelect;

// Ledgers (台账): a definition per township and key, its versions (fields never rewritten), and its records.
export const ledgers = pgTable('ledgers', {
  id: serial('id').primaryKey(),
  townshipId: integer('township_id').notNull(),
  key: text('key').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // 'register' | 'periodic'
  description: text('description'),
  // periodic ledgers: the type of their periods (core/periods.ts), e.g. 'day' for daily vaccination figures
  periodType: text('period_type'),
  // from the built-in library (src/server/modules/ledgers/library), by the library's key
  builtin: boolean('builtin').notNull().default(false),
  workLineId: integer('work_line_id').references(() => workLines.id),
  currentVersion: integer('current_version').notNull().default(1),
  // periodic ledgers: days after a period's end by which villages submit it (on-time rate); null = the default
  dueDays: integer('due_days'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [uniqueIndex('ledgers_key_uq').on(t.townshipId, t.key).where(sql`deleted_at IS NULL`)]);

export const ledgerVersions = pgTable('ledger_versions', {
  townshipId: integer('township_id').notNull(),
  ledgerId: integer('ledger_id').notNull().references(() => ledgers.id),
  version: integer('version').notNull(),
  fields: jsonb('fields').notNull(),
  workflow: jsonb('workflow'),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.ledgerId, t.version] })]);

export const ledgerRecords = pgTable('ledger_records', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  townshipId: integer('township_id').notNull(),
  ledgerId: integer('ledger_id').notNull().references(() => ledgers.id),
  orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
  values: jsonb('values').notNull(),
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
}, (t) => [
  index('ledger_records_list_idx').on(t.townshipId, t.ledgerId, t.id),
  index('ledger_records_org_unit_idx').on(t.orgUnitId),
  // No GIN index on values: it doubled the cost of loading records (docs/benchmarks.md) while every query here
  // is bounded by ledger first; uniqueness and imports scan one ledger's records.
  uniqueIndex('ledger_records_period_uq').on(t.ledgerId, t.orgUnitId, t.period).where(sql`deleted_at IS NULL AND period IS NOT NULL`),
]);

/**
 * One row per (ledger, org unit) whose records a statement changed, written by statement-level triggers on
 * ledger_records (migration 0006) and never by the application. The indicator engine reads, per subject, the sum
 * of weights and the highest id as a data version: cached results stay valid while it is unchanged. Compaction
 * folds rows into one per pair (weights summed, highest id kept), so versions survive it. A TRUNCATE leaves a
 * row with no ledger: it changes every version.
 */
export const ledgerDataChanges = pgTable('ledger_data_changes', {
  id: bigserial('id', { mode: 'number' }).notNull(),
  ledgerId: integer('ledger_id'),
  orgUnitId: integer('org_unit_id'),
  weight: bigint('weight', { mode: 'number' }).notNull().default(1),
}, (t) => [index('ledger_data_changes_ledger_idx').on(t.ledgerId, t.orgUnitId)]);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back a Uint8Array, node-postgres a Buffer: both become a Buffer.
  fromDriver: (value) => Buffer.from(value),
});

// Uploaded photos and attachments, kept in the database so that one backup holds everything.
export const attachments = pgTable('attachments', {
  id: text('id').primaryKey(), // random UUID: the id in a record's photo field
  townshipId: integer('township_id').notNull(),
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  // The unit of the record the file was first attached to; null until then (only its uploader and township-wide
  // readers may open it). Readers of that unit's records may open it; it cannot be attached elsewhere.
  orgUnitId: integer('org_unit_id').references(() => orgUnits.id),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

// Indicators (指标): definitions as data (core/indicators.ts), computed from ledgers at read time.
export const indicators = pgTable('indicators', {
  id: serial('id').primaryKey(),
  townshipId: integer('township_id').notNull(),
  key: text('key').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  workLineId: integer('work_line_id').references(() => workLines.id),
  // the IndicatorSource: records / items / formula
  source: jsonb('source').notNull(),
  unit: text('unit').notNull().default(''),
  decimals: integer('decimals').notNull().default(0),
  scale: text('scale').notNull().default('none'),
  higherIsBetter: boolean('higher_is_better').notNull().default(true),
  builtin: boolean('builtin').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [uniqueIndex('indicators_key_uq').on(t.townshipId, t.key).where(sql`deleted_at IS NULL`)]);

// Targets (目标任务数) per indicator, org unit and period; a unit without one takes the sum of its children's.
export const indicatorTargets = pgTable('indicator_targets', {
  townshipId: integer('township_id').notNull(),
  indicatorId: integer('indicator_id').notNull().references(() => indicators.id),
  orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
  period: text('period').notNull(),
  value: doublePrecision('value').notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.indicatorId, t.orgUnitId, t.period] })]);

// Rankings (龙虎榜 / 红黑榜): villages or cadre groups ordered by an indicator, with the rules of the boards.
export const rankings = pgTable('rankings', {
  id: serial('id').primaryKey(),
  townshipId: integer('township_id').notNull(),
  key: text('key').notNull(),
  name: text('name').notNull(),
  indicatorId: integer('indicator_id').notNull().references(() => indicators.id),
  subject: text('subject').notNull(), // 'village' | 'cadre_group'
  style: text('style').notNull(), // 'dragon_tiger' (龙虎榜) | 'red_black' (红黑榜)
  topN: integer('top_n').notNull().default(3),
  bottomN: integer('bottom_n').notNull().default(3),
  // the top board also needs the target met, the bottom board the target missed
  requireTarget: boolean('require_target').notNull().default(false),
  // 'include': subjects tied with the N-th place join the board; 'exclude': a tie across the N-th place stays off
  ties: text('ties').notNull().default('include'),
  // [{ orgUnit | cadreGroup, reason }]: subjects kept off the board, listed with their reason
  exemptions: jsonb('exemptions').notNull().default(sql`'[]'::jsonb`),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [uniqueIndex('rankings_key_uq').on(t.townshipId, t.key).where(sql`deleted_at IS NULL`)]);

// Data-quality rules between figures: left formula, operator, right formula, checked per village and period.
export const qualityRules = pgTable('quality_rules', {
  id: serial('id').primaryKey(),
  townshipId: integer('township_id').notNull(),
  name: text('name').notNull(),
  left: text('left').notNull(),
  operator: text('operator').notNull(), // '<=' | '<' | '=' | '>=' | '>' | '!='
  right: text('right').notNull(),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
}, (t) => [index('quality_rules_township_idx').on(t.townshipId)]);

// Submission and approval of a periodic ledger's period by one village: submitted → approved (locked);
// unlocking keeps the reason (and the audit log keeps who did it).
export const periodSubmissions = pgTable('period_submissions', {
  townshipId: integer('township_id').notNull(),
  ledgerId: integer('ledger_id').notNull().references(() => ledgers.id),
  orgUnitId: integer('org_unit_id').notNull().references(() => orgUnits.id),
  period: text('period').notNull(),
  status: text('status').notNull(), // 'submitted' | 'approved' | 'returned'
  submittedBy: integer('submitted_by'),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  approvedBy: integer('approved_by'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  unlockedBy: integer('unlocked_by'),
  unlockedAt: timestamp('unlocked_at', { withTimezone: true }),
  unlockReason: text('unlock_reason'),
}, (t) => [primaryKey({ columns: [t.ledgerId, t.orgUnitId, t.period] })]);
