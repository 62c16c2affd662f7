// Brute force and username probing: parallel guesses get no more checks than the lock allows, and unknown,
// disabled and real usernames answer alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';

let t: TestApp;
let township: Awaited<ReturnType<typeof buildTownship>>;

beforeAll(async () => {
  t = await buildTestApp();
  township = await buildTownship(t.system);
});
afterAll(() => t.close());

// Each attempt from its own address, as a spread-out attacker would: the per-IP rate limit is not what is tested.
let address = 0;
const login = (username: string, password: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: `10.1.${(address >> 8) & 255}.${address++ & 255}`,
  });
const answer = (res: Awaited<ReturnType<typeof login>>) => ({ status: res.statusCode, code: res.json().code, detail: res.json().detail });
const failureReasons = async (username: string) =>
  (
    await queryRows<{ reason: string }>(
      t.db,
      sql`
  SELECT after->>'reason' AS reason FROM audit_log WHERE action = 'login.failed' AND username = ${username} ORDER BY id`,
    )
  ).map((r) => r.reason);

describe('parallel wrong passwords', () => {
  it('checks at most 5 of 25 simultaneous guesses, then the account is locked', async () => {
    await buildUser(t.system, 'baofa', [{ role: 'village_cadre', orgUnitCode: township.villageCodes[0] }]);
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => login('baofa', `guess-${i}-x1`)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(21);
    // Each check is audited with a reason naming the password; the others were refused before any check.
    const reasons = await failureReasons('baofa');
    expect(reasons.filter((r) => r.startsWith('wrong password'))).toHaveLength(5);
    expect(reasons.filter((r) => r === 'locked')).toHaveLength(20);
    expect((await login('baofa', TEST_PASSWORD)).statusCode).toBe(423);
  });
});

describe('usernames cannot be told apart', () => {
  it('answers an unknown username, a disabled account and a wrong password alike, and locks them alike', async () => {
    await buildUser(t.system, 'zhenshi', [{ role: 'village_cadre', orgUnitCode: township.villageCodes[1] }]);
    const disabled = await buildUser(t.system, 'tingyong', [{ role: 'village_cadre', orgUnitCode: township.villageCodes[1] }]);
    await t.db.execute(sql`UPDATE users SET disabled_at = now() WHERE id = ${disabled.id}`);
    for (let i = 0; i < 5; i++) {
      const [real, unknown, off] = [
        await login('zhenshi', 'Wrong-guess-1'),
        await login('meiyouren', 'Wrong-guess-1'),
        await login('tingyong', 'Wrong-guess-1'),
      ];
      expect(answer(unknown)).toEqual(answer(real));
      expect(answer(off)).toEqual(answer(real));
      expect(real.statusCode).toBe(i < 4 ? 401 : 423);
    }
    const locked = [await login('zhenshi', TEST_PASSWORD), await login('meiyouren', TEST_PASSWORD), await login('tingyong', TEST_PASSWORD)];
    expect(locked.map(answer)).toEqual([answer(locked[0]), answer(locked[0]), answer(locked[0])]);
    expect(locked[0].statusCode).toBe(423);
  });

  it('tells a disabled account so only after its right password', async () => {
    const user = await buildUser(t.system, 'tuixiu', [{ role: 'village_cadre', orgUnitCode: township.villageCodes[2] }]);
    await t.db.execute(sql`UPDATE users SET disabled_at = now() WHERE id = ${user.id}`);
    const wrong = await login('tuixiu', 'Wrong-guess-2');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().detail).not.toContain('停用');
    const right = await login('tuixiu', TEST_PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(right.json().detail).toContain('停用');
    expect(right.cookies.find((c) => c.name === 'zw_session')).toBeUndefined();
  });

  it('forgets failures after 15 quiet minutes and prunes old unknown usernames', async () => {
    for (let i = 0; i < 4; i++) await login('guoqu', 'Wrong-guess-3');
    await t.db.execute(sql`UPDATE login_throttle SET last_attempt_at = now() - interval '16 minutes' WHERE username = 'guoqu'`);
    const next = await login('guoqu', 'Wrong-guess-3');
    expect(next.json().detail).toContain('再错4次');
    await t.db.execute(sql`UPDATE login_throttle SET last_attempt_at = now() - interval '2 hours' WHERE username = 'guoqu'`);
    await login('xinlai', 'Wrong-guess-4');
    const rows = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM login_throttle WHERE username = 'guoqu'`);
    expect(rows[0].n).toBe(0);
  });
});
