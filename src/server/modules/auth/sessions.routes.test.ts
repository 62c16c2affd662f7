// Session limits: idle expiry to the second although last-seen is written at most once a minute, and an absolute
// lifetime however active the session is.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { loadConfig } from '../../config.js';

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  const township = await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: township.townshipCode }]);
});
afterAll(() => t.close());
afterEach(() => vi.useRealTimers());

const me = async (cookie: string) => (await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode;
const MINUTE = 60_000;

describe('idle expiry', () => {
  it('counts idle time from the last request, even one whose last-seen write was skipped', async () => {
    // Only Date is faked: the database, argon2 and timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const cookie = await t.login('shuji', TEST_PASSWORD);
    vi.advanceTimersByTime(40_000);
    expect(await me(cookie)).toBe(200); // within the minute: last-seen is not written
    vi.advanceTimersByTime(30 * MINUTE - 1_000);
    expect(await me(cookie)).toBe(200); // 29:59 idle since the last request
    vi.advanceTimersByTime(30 * MINUTE);
    expect(await me(cookie)).toBe(401); // exactly 30:00 idle
  });

  it('ends a session 30 minutes after its last request', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const cookie = await t.login('shuji', TEST_PASSWORD);
    vi.advanceTimersByTime(30 * MINUTE + 1_000);
    expect(await me(cookie)).toBe(401);
  });
});

describe('absolute lifetime', () => {
  it('ends a session 12 hours after login however active it is', async () => {
    const cookie = await t.login('shuji', TEST_PASSWORD);
    await t.db.execute(sql`UPDATE sessions SET created_at = now() - interval '11 hours 59 minutes' WHERE revoked_at IS NULL`);
    expect(await me(cookie)).toBe(200);
    await t.db.execute(sql`UPDATE sessions SET created_at = now() - interval '12 hours 1 second' WHERE revoked_at IS NULL`);
    expect(await me(cookie)).toBe(401);
    expect(await me(cookie)).toBe(401);
  });

  it('is configured by ZHENWU_SESSION_MAX_HOURS, 12 by default', async () => {
    expect(loadConfig({}).sessionMaxHours).toBe(12);
    expect(loadConfig({ ZHENWU_SESSION_MAX_HOURS: '8' }).sessionMaxHours).toBe(8);
    const short = await buildTestApp({ ZHENWU_SESSION_MAX_HOURS: '1' });
    try {
      const township = await buildTownship(short.system);
      await buildUser(short.system, 'zhenzhang', [{ role: 'leader', orgUnitCode: township.townshipCode }]);
      const cookie = await short.login('zhenzhang', TEST_PASSWORD);
      await short.db.execute(sql`UPDATE sessions SET created_at = now() - interval '61 minutes'`);
      expect((await short.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });
});
