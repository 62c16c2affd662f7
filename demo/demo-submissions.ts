// Submissions of the demo's periodic figures in the weeks before the demo's last day: most villages submitted
// on time and the township approved them, some were late, and the latest periods are still coming in — so the
// dashboard's reporting rate, on-time rate and overdue list have something to say. The demo ledgers date from
// the demo's first day (they were "in use" since then), which the overdue list needs.
import { sql } from 'drizzle-orm';
import { startOfChinaDay } from '../src/core/china-time.js';
import { dueDateOf } from '../src/core/submission-due.js';
import { addDays, parsePeriod } from '../src/core/periods.js';
import { queryRows, type Queryable } from '../src/server/db/connection.js';
import { periodSubmissions } from '../src/server/db/schema.js';
import { DEMO_FROM, DEMO_TO } from './demo-ledger-context.js';
import { seededRandom } from './seeded-random.js';

/** How far back before the demo's last day submissions are made up (the overdue list looks back 60 days). */
const WINDOW_DAYS = 75;

export async function loadDemoSubmissions(q: Queryable, townshipId: number, seed: number): Promise<number> {
  await q.execute(sql`UPDATE ledgers SET created_at = ${startOfChinaDay(DEMO_FROM).toISOString()} WHERE township_id = ${townshipId} AND builtin`);
  const entered = await queryRows<{ ledgerId: number; orgUnitId: number; period: string; dueDays: number | null }>(
    q,
    sql`
    SELECT DISTINCT r.ledger_id AS "ledgerId", r.org_unit_id AS "orgUnitId", r.period, l.due_days AS "dueDays"
    FROM ledger_records r JOIN ledgers l ON l.id = r.ledger_id JOIN org_units u ON u.id = r.org_unit_id
    WHERE r.township_id = ${townshipId} AND r.period IS NOT NULL AND r.deleted_at IS NULL AND u.level = 'village'
    ORDER BY 1, 3, 2`,
  );
  const cadres = new Map(
    (
      await queryRows<{ orgUnitId: number; userId: number }>(
        q,
        sql`
    SELECT r.org_unit_id AS "orgUnitId", min(r.user_id) AS "userId" FROM user_roles r
    WHERE r.role = 'village_cadre' GROUP BY r.org_unit_id`,
      )
    ).map((c) => [c.orgUnitId, c.userId]),
  );
  const [leader] = await queryRows<{ id: number }>(
    q,
    sql`
    SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'leader' WHERE u.township_id = ${townshipId} ORDER BY u.id LIMIT 1`,
  );
  const r = seededRandom((seed ^ 0x5b7d11) >>> 0);
  const from = addDays(DEMO_TO, -WINDOW_DAYS);
  const at = (day: string, hour: number) => new Date(startOfChinaDay(day).getTime() + hour * 3_600_000);
  const rows: (typeof periodSubmissions.$inferInsert)[] = [];
  for (const e of entered) {
    const period = parsePeriod(e.period);
    if (!period || period.end < from || period.end > DEMO_TO) continue;
    const due = dueDateOf(period, e.dueDays);
    const settled = due < addDays(DEMO_TO, -2);
    // Settled periods: nearly all submitted; the latest: about two villages in three so far.
    if (r.next() > (settled ? 0.97 : 0.7)) continue;
    const late = r.next() < 0.1;
    const submittedDay = late
      ? addDays(due, 1 + Math.floor(r.next() * 3))
      : period.end > addDays(due, -1)
        ? period.end
        : addDays(due, -Math.floor(r.next() * 2));
    if (submittedDay > DEMO_TO) continue;
    const approved = settled && r.next() < 0.92;
    rows.push({
      townshipId,
      ledgerId: e.ledgerId,
      orgUnitId: e.orgUnitId,
      period: e.period,
      status: approved ? 'approved' : 'submitted',
      submittedBy: cadres.get(e.orgUnitId) ?? null,
      submittedAt: at(submittedDay, 17),
      approvedBy: approved ? (leader?.id ?? null) : null,
      approvedAt: approved ? at(addDays(submittedDay, 1), 9) : null,
    });
  }
  for (let i = 0; i < rows.length; i += 2000) await q.insert(periodSubmissions).values(rows.slice(i, i + 2000));
  return rows.length;
}
