// "Today" is the day in China. At 01:30 Beijing time on 1 July the UTC date is still 30 June: a read without
// asOf gives the figures of 1 July, and a unit created then is valid from 1 July.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';
import { ledgerRecords } from '../../db/schema.js';

let t: TestApp;
let township: Awaited<ReturnType<typeof buildTownship>>;
const BEIJING_0130_ON_1_JULY = new Date('2022-06-30T17:30:00Z');

beforeAll(async () => {
  t = await buildTestApp();
  township = await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: township.townshipCode }]);
  const leader = await t.login('shuji', TEST_PASSWORD);
  await t.ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'doses',
      name: '疫苗接种日报',
      kind: 'periodic',
      periodType: 'day',
      fields: [{ key: 'booster', label: '加强针', type: 'integer', unit: '剂' }],
    },
    201,
  );
  await t.ok(
    'POST',
    '/api/indicators',
    leader,
    {
      key: 'booster',
      name: '加强针接种',
      unit: '剂',
      decimals: 0,
      source: { type: 'items', ledger: 'doses', item: 'booster', aggregate: 'sum', timing: 'flow' },
    },
    201,
  );
  const [ids] = await queryRows<{ ledger: number; township: number; village: number }>(
    t.db,
    sql`
    SELECT (SELECT id FROM ledgers WHERE key = 'doses') AS ledger,
           (SELECT id FROM org_units WHERE code = ${township.townshipCode}) AS township,
           (SELECT id FROM org_units WHERE code = ${township.villageCodes[0]}) AS village`,
  );
  const day = (period: string, booster: number) => ({
    ledgerId: ids.ledger,
    townshipId: ids.township,
    orgUnitId: ids.village,
    definitionVersion: 1,
    period,
    values: { booster },
  });
  await t.db.insert(ledgerRecords).values([day('20220630', 5), day('20220701', 7)]);
});
afterEach(() => vi.useRealTimers());
afterAll(() => t.close());

describe('a read without asOf', () => {
  it('reads for the day it is in China, not the UTC date', async () => {
    // Only Date is faked: the database and the server's timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'], now: BEIJING_0130_ON_1_JULY });
    const leader = await t.login('shuji', TEST_PASSWORD);
    const village = township.villageCodes[0];
    const read = await t.ok('GET', `/api/indicators/values?keys=booster&period=TODAY,YESTERDAY&orgUnit=${village}`, leader);
    expect(read.asOf).toBe('2022-07-01');
    expect(read.periods).toEqual([
      expect.objectContaining({ id: 'TODAY', start: '2022-07-01', end: '2022-07-01' }),
      expect.objectContaining({ id: 'YESTERDAY', start: '2022-06-30', end: '2022-06-30' }),
    ]);
    const value = (period: string) => read.items.find((i: { period: string }) => i.period === period)?.value;
    expect(value('TODAY')).toBe(7);
    expect(value('YESTERDAY')).toBe(5);
  });

  it('explains the figure of the day it is in China', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: BEIJING_0130_ON_1_JULY });
    const leader = await t.login('shuji', TEST_PASSWORD);
    const explained = await t.ok('GET', `/api/indicators/booster/explain?period=TODAY&orgUnit=${township.villageCodes[0]}`, leader);
    expect(explained.value).toBe(7);
  });
});

describe('a unit created without validFrom', () => {
  it('is valid from the day it is in China', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: BEIJING_0130_ON_1_JULY });
    const leader = await t.login('shuji', TEST_PASSWORD);
    const group = await t.ok('POST', '/api/org-units', leader, { parentCode: township.villageCodes[0], name: '一组', level: 'group' }, 201);
    expect(group.validFrom).toBe('2022-07-01');
  });
});
