// A township's day of reminders can exceed what one INSERT may carry (65,535 parameters in PostgreSQL): the rows
// go in batches, and a second run still inserts nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { buildTownship, buildUser } from '../../testing/builders.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { insertNotifications, type NewNotification } from './notifications.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: '430681105201' }]);
});
afterAll(() => t.close());

it('inserts 9,000 reminders (72,000 parameters) in batches, and none again on a second run', async () => {
  const [{ userId, townshipId }] = await queryRows<{ userId: number; townshipId: number }>(
    t.db,
    sql`SELECT u.id AS "userId", o.id AS "townshipId" FROM users u, org_units o WHERE u.username = 'cun201' AND o.code = '430681105000'`,
  );
  const rows: NewNotification[] = Array.from({ length: 9_000 }, (_, i) => ({
    userId,
    townshipId,
    kind: 'overdue',
    taskId: null,
    nodeId: null,
    title: `节点已逾期 ${i}`,
    body: '',
    dedupeKey: `test/overdue/${i}`,
  }));
  expect(await insertNotifications(t.db, rows, new Date())).toBe(9_000);
  expect(await insertNotifications(t.db, rows, new Date())).toBe(0);
});
