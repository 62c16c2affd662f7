// The township's clock: "today" for deadlines, lights and reminders is the China date, unless a township runs on a
// fixed date (the demo township lives on 2022-06-30, the end of the report's half year; a training deployment may
// do the same). Kept in settings under 'township_clock': { "<township code>": "YYYY-MM-DD" }.
import { sql } from 'drizzle-orm';
import { chinaToday, onChinaDay } from '../../../core/china-time.js';
import { queryRows, type Queryable } from '../../db/connection.js';

const KEY = 'township_clock';

/** The fixed date a township runs on, or null when it follows the real China date. */
export async function fixedDateOf(q: Queryable, townshipCode: string): Promise<string | null> {
  const rows = await queryRows<{ date: string | null }>(q, sql`SELECT value ->> ${townshipCode} AS date FROM settings WHERE key = ${KEY}`);
  return rows[0]?.date ?? null;
}

/** Today for a township: its fixed date, else today in China. */
export async function townshipToday(q: Queryable, townshipCode: string): Promise<string> {
  return (await fixedDateOf(q, townshipCode)) ?? chinaToday();
}

/** Fixes a township's date, or (null) lets it follow the real China date again. */
export async function setFixedDate(q: Queryable, townshipCode: string, date: string | null): Promise<void> {
  await q.execute(
    date === null
      ? sql`UPDATE settings SET value = value - ${townshipCode} WHERE key = ${KEY}`
      : sql`INSERT INTO settings (key, value) VALUES (${KEY}, jsonb_build_object(${townshipCode}::text, ${date}::text))
            ON CONFLICT (key) DO UPDATE SET value = settings.value || EXCLUDED.value`,
  );
}

/**
 * Now on the township's clock: on a fixed date, that day at the present China time of day, so that what happens in
 * the demo township is dated within its half year; otherwise the real instant.
 */
export async function townshipNow(q: Queryable, townshipCode: string): Promise<Date> {
  const fixed = await fixedDateOf(q, townshipCode);
  return fixed === null ? new Date() : onChinaDay(fixed);
}
