// The server's clock for notifications: every few minutes, today's reminders of every township (a no-op once the
// day's job is done) and a round of the outbox. Safe with several processes: the job runner and the outbox claim.
import type { Db } from '../../db/connection.js';
import { deliverOutbox } from './outbox.service.js';
import { runReminders } from './reminders.service.js';

export function startNotificationJobs(db: Db, opts: { intervalMs?: number; log?: (message: string) => void } = {}): () => void {
  const log = opts.log ?? console.error;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runReminders(db);
      await deliverOutbox(db);
    } catch (error) {
      log(`notifications: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 5 * 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
