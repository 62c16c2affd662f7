// Reports (报告): templates (text with placeholders, src/core/report-template.ts) and the versions generated from
// them. A version keeps the rendered document and every figure with its source as they were, so later data
// changes never alter it; a final version (定稿) is never changed, only followed by a new one.
import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ReportDocument } from '../../../core/report-document.js';

export const reportTemplates = pgTable(
  'report_templates',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    body: text('body').notNull(),
    // the built-in half-year template of the demo township; editable like any other
    builtin: boolean('builtin').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('report_templates_key_uq').on(t.townshipId, t.key)],
);

export const reportVersions = pgTable(
  'report_versions',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    templateId: integer('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    // 1, 2, 3 … per template, period and unit
    number: integer('number').notNull(),
    period: text('period').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    orgUnitId: integer('org_unit_id').notNull(),
    // the template text as used, so a version can be re-read after the template changed
    templateBody: text('template_body').notNull(),
    document: jsonb('document').$type<ReportDocument>().notNull(),
    note: text('note').notNull().default(''),
    final: boolean('final').notNull().default(false),
    finalizedBy: integer('finalized_by'),
    finalizedAt: timestamp('finalized_at', { withTimezone: true }),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_versions_number_uq').on(t.templateId, t.period, t.orgUnitId, t.number),
    index('report_versions_township_idx').on(t.townshipId, t.createdAt),
  ],
);
