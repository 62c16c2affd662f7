// The demo mark (settings 'demo'): which township holds the synthetic demo data, so every screen can say so.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/connection.js';
import { settings } from '../../db/schema.js';

/** The code of the demo township, or undefined when no demo was loaded. */
export async function demoTownshipCode(q: Queryable): Promise<string | undefined> {
  const [demo] = await q.select().from(settings).where(eq(settings.key, 'demo'));
  return (demo?.value as { township?: string } | undefined)?.township;
}
