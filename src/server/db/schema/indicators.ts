// Indicators (指标), targets, rankings (龙虎榜) and data-quality rules.
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { workLines } from './cadre.js';
import { orgUnits } from './org.js';
import type { QualityOperator } from '../../../core/contracts/indicators.js';
import type { Scale } from '../../../core/indicators.js';
import type { BoardStyle, RankingDefinition } from '../../../core/ranking.js';

// Indicators (指标): definitions as data (core/indicators.ts), computed from ledgers at read time.
export const indicators = pgTable(
  'indicators',
  {
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
    scale: text('scale').$type<Scale>().notNull().default('none'),
    higherIsBetter: boolean('higher_is_better').notNull().default(true),
    builtin: boolean('builtin').notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('indicators_key_uq')
      .on(t.townshipId, t.key)
      .where(sql`deleted_at IS NULL`),
  ],
);

// Targets (目标任务数) per indicator, org unit and period; a unit without one takes the sum of its children's.
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    townshipId: integer('township_id').notNull(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    orgUnitId: integer('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.orgUnitId, t.period] })],
);

// Rankings (龙虎榜 / 红黑榜): villages or cadre groups ordered by an indicator, with the rules of the boards.
export const rankings = pgTable(
  'rankings',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id),
    subject: text('subject').$type<RankingDefinition['subject']>().notNull(),
    style: text('style').$type<BoardStyle>().notNull(), // 龙虎榜 or 红黑榜
    topN: integer('top_n').notNull().default(3),
    bottomN: integer('bottom_n').notNull().default(3),
    // the top board also needs the target met, the bottom board the target missed
    requireTarget: boolean('require_target').notNull().default(false),
    // 'include': subjects tied with the N-th place join the board; 'exclude': a tie across the N-th place stays off
    ties: text('ties').notNull().default('include'),
    // [{ orgUnit | cadreGroup, reason }]: subjects kept off the board, listed with their reason
    exemptions: jsonb('exemptions')
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('rankings_key_uq')
      .on(t.townshipId, t.key)
      .where(sql`deleted_at IS NULL`),
  ],
);

// Data-quality rules between figures: left formula, operator, right formula, checked per village and period.
export const qualityRules = pgTable(
  'quality_rules',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    name: text('name').notNull(),
    left: text('left').notNull(),
    operator: text('operator').$type<QualityOperator>().notNull(),
    right: text('right').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [index('quality_rules_township_idx').on(t.townshipId)],
);
