// Org units (the tree, 12-digit codes, materialised paths) and township-wide settings.
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const orgUnits = pgTable(
  'org_units',
  {
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
  },
  (t) => [
    uniqueIndex('org_units_code_uq').on(t.code),
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('org_units_township_idx').on(t.townshipId),
  ],
);

export const settings = pgTable('settings', { key: text('key').primaryKey(), value: jsonb('value').notNull() });

export type OrgUnitRow = typeof orgUnits.$inferSelect;
