// The cadre organisation (组线包村): big and small groups, members, covered villages, work lines.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';

export const cadreGroups = pgTable(
  'cadre_groups',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    kind: text('kind').notNull(), // 'big' | 'small'
    parentId: integer('parent_id'),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    index('cadre_groups_township_idx').on(t.townshipId),
    uniqueIndex('cadre_groups_name_uq')
      .on(t.townshipId, t.name)
      .where(sql`deleted_at IS NULL`),
  ],
);

export const cadreGroupMembers = pgTable(
  'cadre_group_members',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    groupId: integer('group_id')
      .notNull()
      .references(() => cadreGroups.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: text('position'),
    isLeader: boolean('is_leader').notNull().default(false),
    userId: integer('user_id'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('cadre_group_members_group_idx').on(t.groupId)],
);

export const cadreGroupVillages = pgTable(
  'cadre_group_villages',
  {
    townshipId: integer('township_id').notNull(),
    groupId: integer('group_id')
      .notNull()
      .references(() => cadreGroups.id, { onDelete: 'cascade' }),
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.orgUnitId] }),
    // a village is covered by one small group at a time
    uniqueIndex('cadre_group_villages_village_uq').on(t.orgUnitId),
  ],
);

export const workLines = pgTable(
  'work_lines',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    name: text('name').notNull(),
    leaderName: text('leader_name'),
    leaderUserId: integer('leader_user_id'),
    description: text('description'),
    sortOrder: integer('sort_order').notNull().default(0),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('work_lines_name_uq')
      .on(t.townshipId, t.name)
      .where(sql`deleted_at IS NULL`),
  ],
);
