// Codes given to new villager groups never collide with a group that was moved away and kept its code: after a
// move, creating a group in the old village answered 409 forever. Runs on PGlite and, with TEST_DATABASE_URL, on
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';

let t: TestApp;
let leader: string;
const [CHUANSHAN, YANTANG] = ['430681105201', '430681105202'];
const createGroup = (village: string, name: string) => t.ok('POST', '/api/org-units', leader, { parentCode: village, name, level: 'group' }, 201);

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: '430681105000' }]);
  leader = await t.login('shuji', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('codes of new villager groups', () => {
  it('skips the code of a group moved to another village', async () => {
    expect((await createGroup(CHUANSHAN, '一组')).code).toBe(`${CHUANSHAN}001`);
    expect((await createGroup(CHUANSHAN, '二组')).code).toBe(`${CHUANSHAN}002`);
    await t.ok('POST', `/api/org-units/${CHUANSHAN}002/move`, leader, { parentCode: YANTANG });
    expect((await createGroup(CHUANSHAN, '三组')).code).toBe(`${CHUANSHAN}003`);
    expect((await createGroup(CHUANSHAN, '四组')).code).toBe(`${CHUANSHAN}004`);
    // the moved group keeps its code under its new village; the new village numbers from its own prefix
    expect((await createGroup(YANTANG, '五组')).code).toBe(`${YANTANG}001`);
    const children = (await t.ok('GET', `/api/org-units?parent=${YANTANG}`, leader)).items.map((u: { code: string }) => u.code);
    expect(children.sort()).toEqual([`${CHUANSHAN}002`, `${YANTANG}001`]);
  });
});
