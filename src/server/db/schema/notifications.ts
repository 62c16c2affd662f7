// Notifications: the in-app centre (one row per user and message, deduplicated by key), the township's outbound
// channels (e-mail, WeCom and DingTalk group robots) with a delivery outbox, and the table of scheduled jobs that
// makes reminders idempotent across runs and processes (docs/architecture.md, "one idempotent job runner").
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id').notNull(),
    townshipId: integer('township_id').notNull(),
    kind: text('kind').notNull(), // core NOTIFICATION_KINDS
    // null for the daily digest, which is about several tasks
    taskId: integer('task_id'),
    nodeId: integer('node_id'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    // what makes a second run (or a second process) write nothing: e.g. due_soon:t12:n40:2022-06-30:u7
    dedupeKey: text('dedupe_key').notNull(),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`read_at IS NULL`),
  ],
);

/** A township's outbound channel: one of each kind at most. Secrets stay in the row, never in answers. */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    kind: text('kind').notNull(), // email | wecom | dingtalk
    enabled: boolean('enabled').notNull().default(true),
    // email: { host, port, secure, user, password, from, to: [] }; robots: { url }
    config: jsonb('config').$type<Record<string, unknown>>().notNull(),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('notification_channels_uq').on(t.townshipId, t.kind)],
);

/** The outbox: one message for one channel, retried with exponential backoff; the in-app centre never waits on it. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: serial('id').primaryKey(),
    townshipId: integer('township_id').notNull(),
    channelId: integer('channel_id')
      .notNull()
      .references(() => notificationChannels.id, { onDelete: 'cascade' }),
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    state: text('state').notNull().default('pending'), // pending | sending | sent | failed
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_dedupe_uq').on(t.channelId, t.dedupeKey),
    index('notification_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`state IN ('pending', 'sending')`),
  ],
);

/** Scheduled work, once per (kind, key): e.g. ('reminders', '430681105000:2022-06-30'). */
export const jobs = pgTable(
  'jobs',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    state: text('state').notNull().default('due'), // due | running | done | failed
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('jobs_kind_key_uq').on(t.kind, t.key)],
);
