// What the notification routes answer: the user's in-app notifications and the township's outbound channels.
// The server declares these as response schemas; the web imports only the types.
import { z } from 'zod';

/** What a notification is about; the task events of 督办 and the reminders of the daily job. */
export const NOTIFICATION_KINDS = [
  'assigned',
  'signed',
  'update',
  'completion_requested',
  'returned',
  'delay_requested',
  'delay_decided',
  'done',
  'due_soon',
  'overdue',
  'digest',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationItem = z.object({
  id: z.number().int(),
  kind: z.enum(NOTIFICATION_KINDS),
  taskId: z.number().int().nullable(),
  nodeId: z.number().int().nullable(),
  title: z.string(),
  body: z.string(),
  /** ISO timestamp. */
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationList = z.object({
  items: z.array(notificationItem),
  total: z.number().int(),
  /** Unread notifications of the user, whatever the page. */
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const notificationsRead = z.object({ updated: z.number().int(), unread: z.number().int() });

export const CHANNEL_KINDS = ['email', 'wecom', 'dingtalk'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A channel as shown: secrets are never answered (the password is only said to be set, the robot key masked). */
export const channelView = z.object({
  kind: z.enum(CHANNEL_KINDS),
  enabled: z.boolean(),
  /** Robots: the webhook address with its key masked. */
  url: z.string().nullable(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  secure: z.boolean().nullable(),
  user: z.string().nullable(),
  passwordSet: z.boolean(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  /** The outbox of the channel: waiting, given up, and the last error met. */
  pending: z.number().int(),
  failed: z.number().int(),
  lastError: z.string().nullable(),
});
export type ChannelView = z.infer<typeof channelView>;

export const channelList = z.object({ channels: z.array(channelView) });
export type ChannelList = z.infer<typeof channelList>;
