// The user's own notification centre: every signed-in user reads and marks his own notifications, and only his —
// the user id of the session is the whole check (another's notification is as unknown as a missing one).
import type { NotificationList } from '../../../core/contracts/notifications.js';
import type { MarkReadInput, NotificationListInput } from '../../../core/contracts/notifications-requests.js';
import type { ServiceContext } from '../../http/context.js';
import * as repo from './notifications.repository.js';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export async function listNotifications(ctx: ServiceContext, input: NotificationListInput): Promise<NotificationList> {
  const { items, total, unread } = await repo.notificationsOf(ctx.db, ctx.principal.userId, input.unreadOnly === 'true', input.page, input.pageSize);
  return { items: items.map((n) => ({ ...n, createdAt: iso(n.createdAt)!, readAt: iso(n.readAt) })), total, unread };
}

export async function markNotificationsRead(ctx: ServiceContext, input: MarkReadInput) {
  const updated = await repo.markRead(ctx.db, ctx.principal.userId, 'all' in input ? 'all' : input.ids);
  return { updated, unread: await repo.unreadCount(ctx.db, ctx.principal.userId) };
}
