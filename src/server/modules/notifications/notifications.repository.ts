// SQL of the in-app centre: writing notifications once (by their dedupe key), a user's page of them, marking them
// read. Who the recipients are is asked of auth and cadre (recipients.ts).
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import { arrayLiteral } from '../../db/array-literal.js';
import type { NotificationKind } from '../../../core/contracts/notifications.js';

export interface NewNotification {
  userId: number;
  townshipId: number;
  kind: NotificationKind;
  taskId: number | null;
  nodeId: number | null;
  title: string;
  body: string;
  dedupeKey: string;
}

/** Rows per statement: 9 parameters each, well below PostgreSQL's 65,535 parameters per statement. */
const INSERT_BATCH = 5_000;

/** Inserts what is not there yet: a row whose key exists (a second run, a second process) is skipped. */
export async function insertNotifications(q: Queryable, rows: NewNotification[], at: Date): Promise<number> {
  let count = 0;
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const values = sql.join(
      rows
        .slice(i, i + INSERT_BATCH)
        .map(
          (r) =>
            sql`(${r.userId}, ${r.townshipId}, ${r.kind}, ${r.taskId}, ${r.nodeId}, ${r.title}, ${r.body}, ${r.dedupeKey}, ${at.toISOString()}::timestamptz)`,
        ),
      sql`, `,
    );
    const inserted = await queryRows<{ id: number }>(
      q,
      sql`INSERT INTO notifications (user_id, township_id, kind, task_id, node_id, title, body, dedupe_key, created_at)
          VALUES ${values} ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    );
    count += inserted.length;
  }
  return count;
}

export interface NotificationRow {
  id: number;
  kind: NotificationKind;
  taskId: number | null;
  nodeId: number | null;
  title: string;
  body: string;
  createdAt: Date | string;
  readAt: Date | string | null;
}

export async function notificationsOf(q: Queryable, userId: number, unreadOnly: boolean, page: number, pageSize: number) {
  const filter = unreadOnly ? sql`AND read_at IS NULL` : sql``;
  const items = await queryRows<NotificationRow>(
    q,
    sql`SELECT id, kind, task_id AS "taskId", node_id AS "nodeId", title, body, created_at AS "createdAt", read_at AS "readAt"
        FROM notifications WHERE user_id = ${userId} ${filter}
        ORDER BY id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  const [counts] = await queryRows<{ total: number; unread: number }>(
    q,
    sql`SELECT count(*) FILTER (WHERE true ${filter})::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread
        FROM notifications WHERE user_id = ${userId}`,
  );
  return { items, total: counts.total, unread: counts.unread };
}

/** Marks the user's own notifications read (ids of others' are ignored); answers how many changed. */
export async function markRead(q: Queryable, userId: number, ids: number[] | 'all'): Promise<number> {
  const which = ids === 'all' ? sql`` : sql`AND id = ANY(${arrayLiteral(ids)}::int[])`;
  const rows = await queryRows<{ id: number }>(
    q,
    sql`UPDATE notifications SET read_at = now() WHERE user_id = ${userId} AND read_at IS NULL ${which} RETURNING id`,
  );
  return rows.length;
}

export async function unreadCount(q: Queryable, userId: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`SELECT count(*)::int AS n FROM notifications WHERE user_id = ${userId} AND read_at IS NULL`);
  return row.n;
}
