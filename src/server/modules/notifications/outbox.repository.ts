// SQL of the township's outbound channels and their outbox. A delivery is claimed (FOR UPDATE SKIP LOCKED) before
// it is sent, outside any transaction: two processes never send the same message, and a claim left by a process
// that died is taken again after a while.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import type { ChannelKind } from '../../../core/contracts/notifications.js';

export interface ChannelRow {
  id: number;
  kind: ChannelKind;
  enabled: boolean;
  config: Record<string, unknown>;
}

export function channelsOf(q: Queryable, townshipId: number) {
  return queryRows<ChannelRow & { pending: number; failed: number; lastError: string | null }>(
    q,
    sql`SELECT c.id, c.kind, c.enabled, c.config,
               (SELECT count(*)::int FROM notification_deliveries d WHERE d.channel_id = c.id AND d.state IN ('pending', 'sending')) AS pending,
               (SELECT count(*)::int FROM notification_deliveries d WHERE d.channel_id = c.id AND d.state = 'failed') AS failed,
               (SELECT d.last_error FROM notification_deliveries d WHERE d.channel_id = c.id AND d.last_error IS NOT NULL
                ORDER BY d.id DESC LIMIT 1) AS "lastError"
        FROM notification_channels c WHERE c.township_id = ${townshipId} ORDER BY c.kind`,
  );
}

export async function upsertChannel(q: Queryable, townshipId: number, kind: ChannelKind, enabled: boolean, config: object, by: number) {
  await q.execute(
    sql`INSERT INTO notification_channels (township_id, kind, enabled, config, updated_by)
        VALUES (${townshipId}, ${kind}, ${enabled}, ${JSON.stringify(config)}::jsonb, ${by})
        ON CONFLICT (township_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, config = EXCLUDED.config,
          updated_by = EXCLUDED.updated_by, updated_at = now()`,
  );
}

export async function deleteChannelsExcept(q: Queryable, townshipId: number, kinds: string[]) {
  await q.execute(
    sql`DELETE FROM notification_channels WHERE township_id = ${townshipId}
        ${
          kinds.length > 0
            ? sql`AND kind NOT IN (${sql.join(
                kinds.map((k) => sql`${k}`),
                sql`, `,
              )})`
            : sql``
        }`,
  );
}

/** One message for each enabled channel of the township, once per key. */
export async function enqueue(q: Queryable, townshipId: number, dedupeKey: string, title: string, body: string): Promise<number> {
  const rows = await queryRows<{ id: number }>(
    q,
    sql`INSERT INTO notification_deliveries (township_id, channel_id, dedupe_key, title, body)
        SELECT ${townshipId}, c.id, ${dedupeKey}, ${title}, ${body} FROM notification_channels c
        WHERE c.township_id = ${townshipId} AND c.enabled
        ON CONFLICT (channel_id, dedupe_key) DO NOTHING RETURNING id`,
  );
  return rows.length;
}

export interface DeliveryRow {
  id: number;
  title: string;
  body: string;
  attempts: number;
  kind: ChannelKind;
  config: Record<string, unknown>;
}

export async function claimDeliveries(q: Queryable, now: Date, limit: number, staleMinutes: number): Promise<DeliveryRow[]> {
  const at = now.toISOString();
  return queryRows<DeliveryRow>(
    q,
    sql`WITH due AS (
          SELECT d.id FROM notification_deliveries d JOIN notification_channels c ON c.id = d.channel_id AND c.enabled
          WHERE (d.state = 'pending' AND d.next_attempt_at <= ${at}::timestamptz)
             OR (d.state = 'sending' AND d.claimed_at < ${at}::timestamptz - make_interval(mins => ${staleMinutes}))
          ORDER BY d.next_attempt_at, d.id LIMIT ${limit}
          FOR UPDATE OF d SKIP LOCKED)
        UPDATE notification_deliveries d SET state = 'sending', claimed_at = ${at}::timestamptz, attempts = d.attempts + 1
        FROM due, notification_channels c
        WHERE d.id = due.id AND c.id = d.channel_id
        RETURNING d.id, d.title, d.body, d.attempts, c.kind, c.config`,
  );
}

export async function markSent(q: Queryable, id: number, now: Date) {
  await q.execute(sql`UPDATE notification_deliveries SET state = 'sent', sent_at = ${now.toISOString()}::timestamptz WHERE id = ${id}`);
}

/** Back to pending for a later attempt, or failed for good (retryAt null); the error is kept either way. */
export async function markFailed(q: Queryable, id: number, error: string, retryAt: Date | null) {
  await q.execute(
    sql`UPDATE notification_deliveries SET state = ${retryAt ? 'pending' : 'failed'}, last_error = ${error.slice(0, 2000)},
          next_attempt_at = COALESCE(${retryAt?.toISOString() ?? null}::timestamptz, next_attempt_at)
        WHERE id = ${id}`,
  );
}

export function deliveriesOf(q: Queryable, townshipId: number) {
  return queryRows<{ id: number; state: string; attempts: number; lastError: string | null; dedupeKey: string }>(
    q,
    sql`SELECT id, state, attempts, last_error AS "lastError", dedupe_key AS "dedupeKey"
        FROM notification_deliveries WHERE township_id = ${townshipId} ORDER BY id`,
  );
}
