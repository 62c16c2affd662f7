// Delivering the outbox: each due message is claimed, sent outside any transaction, and marked sent — or put back
// with an exponential backoff (1, 2, 4 … minutes, at most 6 hours) and its error logged, until it is given up.
// The in-app centre never waits on this: a channel that is down delays only its own messages.
import type { Db } from '../../db/connection.js';
import { sendOn, type OutboundMessage } from './channel-senders.js';
import { claimDeliveries, markFailed, markSent, type DeliveryRow } from './outbox.repository.js';
import type { ChannelKind } from '../../../core/contracts/notifications.js';

export const MAX_DELIVERY_ATTEMPTS = 8;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 3_600_000;
const STALE_SENDING_MINUTES = 10;

export type Sender = (kind: ChannelKind, config: Record<string, unknown>, m: OutboundMessage) => Promise<void>;

export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export async function deliverOutbox(
  db: Db,
  opts: { now?: Date; limit?: number; send?: Sender; log?: (message: string) => void } = {},
): Promise<{ sent: number; failed: number }> {
  const now = opts.now ?? new Date();
  const send = opts.send ?? sendOn;
  const claimed: DeliveryRow[] = await claimDeliveries(db, now, opts.limit ?? 50, STALE_SENDING_MINUTES);
  let sent = 0;
  let failed = 0;
  for (const d of claimed) {
    try {
      await send(d.kind, d.config, { title: d.title, body: d.body });
      await markSent(db, d.id, now);
      sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt = d.attempts < MAX_DELIVERY_ATTEMPTS ? new Date(now.getTime() + backoffMs(d.attempts)) : null;
      await markFailed(db, d.id, message, retryAt);
      (opts.log ?? console.warn)(`notification delivery ${d.id} (${d.kind}) failed, attempt ${d.attempts}: ${message}`);
      failed += 1;
    }
  }
  return { sent, failed };
}
