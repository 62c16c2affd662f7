// Photos and files of records.
import { customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { orgUnits } from './org.js';

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
