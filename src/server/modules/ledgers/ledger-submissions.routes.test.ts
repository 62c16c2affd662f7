// Submitting, approving, returning and unlocking a periodic ledger's period village by village; the lock an
// approval puts on the village's figures; the overdue list. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { buildTestApp, multipartFile, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { chinaToday } from '../../../core/china-time.js';
import { addDays } from '../../../core/periods.js';

let t: TestApp;
let leader: string;
let lineLead: string;
let cadre: string;
let otherCadre: string;
let viewer: string;
const [CHUANSHAN, YANTANG, QIAOPING] = ['430681105201', '430681105202', '430681105203'];
const TOWN = '430681105000';
const LEDGER = '/api/ledgers/doses';
const at = (period: string) => `${LEDGER}/submissions/${period}`;

const call: TestApp['call'] = (...args) => t.call(...args);
const ok: TestApp['ok'] = (...args) => t.ok(...args);
const enter = (period: string, cookie: string, rows: { orgUnit: string; values: object; version?: number | null }[]) =>
  call('PUT', `${LEDGER}/periods/${period}`, cookie, { rows });
const statuses = async (period: string) =>
  Object.fromEntries(
    (await ok('GET', at(period), leader)).items.map((i: { orgUnit: { code: string }; status: string }) => [i.orgUnit.code, i.status]),
  );
const submissionRows = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM period_submissions`))[0].n;
const audits = (action: string) =>
  queryRows<{ username: string; entity_id: string; after: Record<string, unknown> }>(
    t.db,
    sql`
    SELECT username, entity_id, "after" FROM audit_log WHERE action = ${action} ORDER BY id`,
  );
const upload = (cookie: string, content: string) => {
  const { payload, headers } = multipartFile('doses.csv', content);
  return t.app.inject({ method: 'POST', url: `${LEDGER}/imports`, headers: { ...headers, cookie }, payload });
};

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }], '张三');
  await buildUser(t.system, 'tiaoxian', [{ role: 'line_lead', orgUnitCode: TOWN }], '李四');
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }], '燕塘村干部');
  await buildUser(t.system, 'cun203', [{ role: 'village_cadre', orgUnitCode: QIAOPING }], '桥坪村干部');
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  [leader, lineLead, cadre, otherCadre, viewer] = await Promise.all(
    ['shuji', 'tiaoxian', 'cun202', 'cun203', 'chakan'].map((u) => t.login(u, TEST_PASSWORD)),
  );
  await ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'doses',
      name: '疫苗接种日报',
      kind: 'periodic',
      periodType: 'day',
      fields: [{ key: 'first', label: '第一剂', type: 'integer', min: 0, unit: '剂' }],
    },
    201,
  );
});
afterAll(() => t.close());

describe('submitting and approving a period', () => {
  it('lists every village as not submitted, with the due date and zero rates', async () => {
    const view = await ok('GET', at('20220615'), viewer);
    expect(view.dueDate).toBe('2022-06-16');
    expect(view.items.map((i: { orgUnit: { name: string } }) => i.orgUnit.name)).toEqual(['川山村', '燕塘村', '桥坪村']);
    expect(view.items[0]).toMatchObject({ status: 'not_submitted', submittedBy: null, onTime: null, locked: false, can: { submit: false } });
    expect(view).toMatchObject({ reportingRate: 0, onTimeRate: 0, reported: 0, total: 3 });
  });

  it('lets a village cadre submit his entered figures, late for a past period', async () => {
    const empty = await call('POST', `${at('20220615')}/submit`, cadre, { orgUnit: YANTANG });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().detail).toBe('“燕塘村”2022年6月15日还没有填报数据，请先填报并保存');
    expect((await enter('20220615', cadre, [{ orgUnit: YANTANG, values: { first: 8 } }])).statusCode).toBe(200);
    const row = await ok('POST', `${at('20220615')}/submit`, cadre, { orgUnit: YANTANG });
    expect(row).toMatchObject({ orgUnit: { code: YANTANG, name: '燕塘村' }, status: 'submitted', submittedBy: '燕塘村干部', onTime: false });
    expect(Date.now() - Date.parse(row.submittedAt)).toBeLessThan(60_000);
    const view = await ok('GET', at('20220615'), leader);
    expect(view).toMatchObject({ reportingRate: 33.3, onTimeRate: 0 });
    expect(view.items[1].can).toEqual({ submit: false, approve: true, return: true, unlock: false });
    const [entry] = await audits('period.submit');
    expect(entry).toMatchObject({ username: 'cun202', entity_id: `doses/20220615/${YANTANG}`, after: { status: 'submitted' } });
  });

  it('refuses submitting again while submitted or approved, with 409', async () => {
    const again = await call('POST', `${at('20220615')}/submit`, cadre, { orgUnit: YANTANG });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('“燕塘村”的数据已上报，不能再次上报');
  });

  it('counts a submission on or before the due date as on time', async () => {
    const today = chinaToday();
    const period = today.replaceAll('-', '');
    expect(
      (
        await enter(period, leader, [
          { orgUnit: CHUANSHAN, values: { first: 1 } },
          { orgUnit: QIAOPING, values: { first: 2 } },
        ])
      ).statusCode,
    ).toBe(200);
    await ok('POST', `${at(period)}/submit`, leader, { orgUnit: CHUANSHAN });
    await ok('POST', `${at(period)}/submit`, otherCadre, { orgUnit: QIAOPING });
    const view = await ok('GET', at(period), cadre);
    expect(view.dueDate).toBe(addDays(today, 1));
    expect(view).toMatchObject({ reportingRate: 66.7, onTimeRate: 66.7 });
    expect(view.items.map((i: { onTime: boolean | null }) => i.onTime)).toEqual([true, null, true]);
  });

  it('approves only submitted villages: one that is not refuses the whole batch, naming it', async () => {
    const before = await statuses('20220615');
    const res = await call('POST', `${at('20220615')}/approve`, lineLead, { orgUnits: [YANTANG, QIAOPING, CHUANSHAN] });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toBe('只能审核已上报的数据，以下村（社区）不能审核：桥坪村（未上报）、川山村（未上报）；本次没有审核任何村');
    expect(await statuses('20220615')).toEqual(before);
  });

  it('approves a batch for a line lead, locking the figures', async () => {
    const { items } = await ok('POST', `${at('20220615')}/approve`, lineLead, { orgUnits: [YANTANG] });
    expect(items).toEqual([expect.objectContaining({ status: 'approved', approvedBy: '李四', locked: true, onTime: false })]);
    expect(items[0].can).toEqual({ submit: false, approve: false, return: false, unlock: false });
    const view = await ok('GET', at('20220615'), leader);
    expect(view.items[1].can.unlock).toBe(true);
    expect(view.reportingRate).toBe(33.3);
    expect((await audits('period.approve')).at(-1)).toMatchObject({ username: 'tiaoxian', after: { status: 'approved', approvedBy: '李四' } });
  });

  it('answers 409 to submitting an approved period', async () => {
    const res = await call('POST', `${at('20220615')}/submit`, cadre, { orgUnit: YANTANG });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('“燕塘村”的数据已审核，不能再次上报');
  });
});

describe('the lock of an approved period', () => {
  const lockDetail = /^燕塘村 2022年6月15日 的数据已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 由 李四 审核锁定，如需修改请联系镇里解锁$/;

  it('refuses a grid save of the village with 409 naming the approver, and saves no other row', async () => {
    const grid = await ok('GET', `${LEDGER}/periods/20220615`, leader);
    const yantang = grid.items.find((i: { orgUnit: { code: string } }) => i.orgUnit.code === YANTANG);
    expect(yantang).toMatchObject({ writable: false, locked: expect.stringMatching(lockDetail) });
    expect(grid.items[0]).toMatchObject({ writable: true, locked: null });
    const res = await enter('20220615', leader, [
      { orgUnit: CHUANSHAN, values: { first: 5 } },
      { orgUnit: YANTANG, version: yantang.version, values: { first: 99 } },
    ]);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toMatch(lockDetail);
    const after = await ok('GET', `${LEDGER}/periods/20220615`, leader);
    expect(after.items.map((i: { values: { first?: number } }) => i.values.first ?? null)).toEqual([null, 8, null]);
    // another village of the same period is still open
    expect((await enter('20220615', leader, [{ orgUnit: CHUANSHAN, values: { first: 5 } }])).statusCode).toBe(200);
  });

  it("refuses deleting (or patching) the village's record of the period", async () => {
    const { items } = await ok('GET', `${LEDGER}/records?period=20220615&orgUnit=${YANTANG}`, leader);
    const res = await call('DELETE', `${LEDGER}/records/${items[0].id}`, cadre);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toMatch(lockDetail);
    // periodic records are never PATCHed one by one: only the grid writes them
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `${LEDGER}/records/${items[0].id}`,
      headers: { cookie: leader },
      payload: { version: items[0].version, values: { first: 1 } },
    });
    expect(patch.statusCode).toBe(400);
    expect((await ok('GET', `${LEDGER}/records?period=20220615&orgUnit=${YANTANG}`, leader)).items[0].values).toEqual({ first: 8 });
  });

  it('refuses an import row for the locked village period', async () => {
    const res = await upload(leader, '组织单元,期间,第一剂（剂）\n燕塘村,20220615,3\n川山村,20220614,4\n');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().errors).toEqual([{ row: 2, column: '期间', value: '20220615', message: expect.stringMatching(lockDetail) }]);
  });

  it('refuses an import committed after the period was approved', async () => {
    await enter('20220614', cadre, [{ orgUnit: YANTANG, values: { first: 1 } }]);
    const file = await upload(cadre, '组织单元,期间,第一剂（剂）\n燕塘村,20220613,3\n');
    expect(file.json()).toMatchObject({ valid: 1, errors: [] });
    // meanwhile the township approves 13 June (entered and submitted by the grid)
    await enter('20220613', leader, [{ orgUnit: QIAOPING, values: { first: 2 } }]);
    await ok('POST', `${at('20220613')}/submit`, otherCadre, { orgUnit: QIAOPING });
    await ok('POST', `${at('20220613')}/approve`, leader, { orgUnits: [QIAOPING] });
    // the file is for Yantang: not locked, stored
    expect((await call('POST', `${LEDGER}/imports/${file.json().id}/commit`, cadre)).statusCode).toBe(200);
    const late = await upload(leader, '组织单元,期间,第一剂（剂）\n燕塘村,20220612,3\n桥坪村,20220612,1\n');
    expect(late.json()).toMatchObject({ valid: 2, errors: [] });
    await enter('20220612', otherCadre, [{ orgUnit: QIAOPING, values: { first: 7 } }]).then(async (r) => {
      expect(r.statusCode).toBe(200);
      // the import now clashes with the entered row anyway; approve it to see the lock win the answer
      await ok('POST', `${at('20220612')}/submit`, otherCadre, { orgUnit: QIAOPING });
      await ok('POST', `${at('20220612')}/approve`, leader, { orgUnits: [QIAOPING] });
    });
    const before = (await ok('GET', `${LEDGER}/records?period=20220612`, leader)).total;
    const res = await call('POST', `${LEDGER}/imports/${late.json().id}/commit`, leader);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toMatch(/^桥坪村 2022年6月12日 的数据已于 .+ 由 张三 审核锁定，如需修改请联系镇里解锁$/);
    expect((await ok('GET', `${LEDGER}/records?period=20220612`, leader)).total).toBe(before);
  });
});

describe('returning and unlocking', () => {
  it('returns a submitted village with a required reason; the village submits again', async () => {
    await enter('20220616', cadre, [{ orgUnit: YANTANG, values: { first: 3 } }]);
    await ok('POST', `${at('20220616')}/submit`, cadre, { orgUnit: YANTANG });
    const bare = await call('POST', `${at('20220616')}/return`, leader, { orgUnit: YANTANG, reason: '  ' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([{ field: 'reason', message: '请填写退回原因' }]);
    const row = await ok('POST', `${at('20220616')}/return`, leader, { orgUnit: YANTANG, reason: '第一剂人数与系统不符' });
    expect(row).toMatchObject({ status: 'returned', reopenedBy: '张三', reason: '第一剂人数与系统不符', onTime: null, can: { submit: true } });
    expect((await ok('GET', at('20220616'), cadre)).reportingRate).toBe(0);
    expect((await audits('period.return')).at(-1)).toMatchObject({
      username: 'shuji',
      after: { status: 'returned', reason: '第一剂人数与系统不符' },
    });
    const resubmitted = await ok('POST', `${at('20220616')}/submit`, cadre, { orgUnit: YANTANG });
    expect(resubmitted).toMatchObject({ status: 'submitted' });
    const notSubmitted = await call('POST', `${at('20220616')}/return`, leader, { orgUnit: QIAOPING, reason: '未报' });
    expect(notSubmitted.statusCode).toBe(409);
  });

  it('unlocks an approved village for a leader, with the reason audited; the village may edit and must resubmit', async () => {
    const bare = await call('POST', `${at('20220615')}/unlock`, leader, { orgUnit: YANTANG });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors).toEqual([{ field: 'reason', message: '请填写解锁原因' }]);
    const row = await ok('POST', `${at('20220615')}/unlock`, leader, { orgUnit: YANTANG, reason: '村里报错了第一剂数' });
    expect(row).toMatchObject({ status: 'returned', locked: false, approvedBy: null, reopenedBy: '张三', reason: '村里报错了第一剂数' });
    expect((await audits('period.unlock')).at(-1)).toMatchObject({
      username: 'shuji',
      entity_id: `doses/20220615/${YANTANG}`,
      after: { status: 'returned', reason: '村里报错了第一剂数' },
    });
    const grid = await ok('GET', `${LEDGER}/periods/20220615`, cadre);
    expect((await enter('20220615', cadre, [{ orgUnit: YANTANG, version: grid.items[0].version, values: { first: 9 } }])).statusCode).toBe(200);
    expect((await ok('POST', `${at('20220615')}/submit`, cadre, { orgUnit: YANTANG })).status).toBe('submitted');
    const again = await call('POST', `${at('20220615')}/unlock`, leader, { orgUnit: YANTANG, reason: '再解锁' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('“燕塘村”的数据已上报，不能解锁（只有已审核的数据需要解锁）');
  });
});

describe('refusals', () => {
  it('answers 403 to each role without the right, and changes nothing', async () => {
    const before = await submissionRows();
    const refused = [
      [viewer, 'submit', { orgUnit: YANTANG }],
      [viewer, 'approve', { orgUnits: [YANTANG] }],
      [otherCadre, 'submit', { orgUnit: YANTANG }],
      [cadre, 'approve', { orgUnits: [YANTANG] }],
      [cadre, 'return', { orgUnit: YANTANG, reason: '不对' }],
      [lineLead, 'unlock', { orgUnit: QIAOPING, reason: '要改' }],
      [cadre, 'unlock', { orgUnit: YANTANG, reason: '要改' }],
    ] as const;
    for (const [who, action, body] of refused) {
      const res = await call('POST', `${at('20220613')}/${action}`, who, body);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(403);
    }
    expect((await call('POST', `${at('20220613')}/submit`, otherCadre, { orgUnit: YANTANG })).json().detail).toBe('您无权上报“燕塘村”的数据');
    expect((await call('POST', `${at('20220613')}/unlock`, lineLead, { orgUnit: QIAOPING, reason: '要改' })).json().detail).toBe(
      '只有镇领导可以解锁已审核的数据',
    );
    expect(await submissionRows()).toBe(before);
  });

  it('answers 400 in Chinese to an unknown period, a village outside the township and a bad body', async () => {
    const before = await submissionRows();
    const bad = await call('GET', at('20220231'), leader);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('期间“20220231”不存在');
    expect((await call('POST', `${at('202206')}/submit`, leader, { orgUnit: YANTANG })).json().errors[0].message).toBe(
      '“疫苗接种日报”按日填报，期间“202206”不是日',
    );
    const outside = await call('POST', `${at('20220613')}/approve`, leader, { orgUnits: [YANTANG, '430681106201'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors).toEqual([{ field: 'orgUnits.1', message: '430681106201 不是本镇2022年6月13日的村（社区）' }]);
    expect((await call('POST', `${at('20220613')}/submit`, leader, { orgUnit: TOWN })).statusCode).toBe(400);
    const empty = await call('POST', `${at('20220613')}/approve`, leader, { orgUnits: [] });
    expect(empty.json().errors).toEqual([{ field: 'orgUnits', message: '请选择要审核的村（社区）' }]);
    expect((await call('POST', `${at('20220613')}/submit`, leader, {})).json().errors).toEqual([{ field: 'orgUnit', message: '请选择村（社区）' }]);
    expect(await submissionRows()).toBe(before);
  });
});

describe('overdue submissions', () => {
  it('lists the villages that have not submitted periods already due, within 60 days of the as-of day', async () => {
    await ok(
      'POST',
      '/api/ledgers',
      leader,
      {
        key: 'stats',
        name: '安全生产月报',
        kind: 'periodic',
        periodType: 'month',
        fields: [{ key: 'checks', label: '检查次数', type: 'integer', min: 0 }],
      },
      201,
    );
    const today = chinaToday();
    const asOf = addDays(today, 40);
    const { items, from, total } = await ok('GET', `/api/submissions/overdue?asOf=${asOf}`, cadre);
    expect(from).toBe(addDays(asOf, -60));
    expect(total).toBe(items.length);
    // every listed period is due before the as-of day and ends in the window, after the ledger was created
    for (const item of items) {
      expect(item.dueDate < asOf).toBe(true);
      expect(['doses', 'stats']).toContain(item.ledger.key);
    }
    // today's daily period: 川山村 and 桥坪村 submitted it, 燕塘村 did not
    const todays = items.filter(
      (i: { ledger: { key: string }; period: string }) => i.ledger.key === 'doses' && i.period === today.replaceAll('-', ''),
    );
    expect(todays.map((i: { orgUnit: { name: string } }) => i.orgUnit.name)).toEqual(['燕塘村']);
    expect(todays[0].dueDate).toBe(addDays(today, 1));
    // 2022 periods lie before the ledgers were created
    expect(items.some((i: { period: string }) => i.period.startsWith('2022'))).toBe(false);
  });

  it("gives each ledger's reporting and on-time rates for its most recently due period, as its grid does", async () => {
    const today = chinaToday();
    expect((await ok('GET', `/api/submissions/overdue?asOf=${today}`, leader)).ledgers).toEqual([]); // nothing due yet
    const asOf = addDays(today, 2);
    const { ledgers } = await ok('GET', `/api/submissions/overdue?asOf=${asOf}`, viewer);
    const doses = ledgers.find((l: { ledger: { key: string } }) => l.ledger.key === 'doses');
    // Today's figures were due tomorrow, the latest due (tomorrow's are due on the as-of day): two of the three
    // villages reported them.
    expect(doses).toMatchObject({ ledger: { name: expect.any(String) }, period: { id: today.replaceAll('-', '') }, reported: 2, total: 3 });
    expect(doses.reportingRate).toBeCloseTo(66.7, 1);
    const grid = await ok('GET', at(doses.period.id), leader);
    expect(doses).toMatchObject({
      dueDate: grid.dueDate,
      reported: grid.reported,
      total: grid.total,
      reportingRate: grid.reportingRate,
      onTimeRate: grid.onTimeRate,
    });
  });

  it('lists nothing due on the day itself, and refuses a bad date', async () => {
    const today = chinaToday();
    const { items } = await ok('GET', `/api/submissions/overdue?asOf=${addDays(today, 1)}`, viewer);
    expect(items.filter((i: { period: string }) => i.period === today.replaceAll('-', ''))).toEqual([]);
    const bad = await call('GET', '/api/submissions/overdue?asOf=2022-02-30', leader);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].message).toBe('日期不存在');
  });
});
