// Ranking boards, cadre-group values and data-quality rules, on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, multipartFile, readSheet, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';

let t: TestApp;
let leader: string;
let cadre: string;
let viewer: string;
const TOWN = '430681105000';
const VILLAGES = ['430681105201', '430681105202', '430681105203', '430681105204', '430681105205'];
const NAMES = ['川山村', '燕塘村', '桥坪村', '石仑村', '玉池村'];

const call: TestApp['call'] = (...args) => t.call(...args);
const ok: TestApp['ok'] = (...args) => t.ok(...args);

// Doses per village: June and May. June: 40, 30, 30, 10, 0 — a tie for second place.
const JUNE = [40, 30, 30, 10, 0];
const MAY = [10, 30, 50, 20, 5];

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system, NAMES);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: VILLAGES[1] }]);
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  [leader, cadre, viewer] = await Promise.all(['shuji', 'cun202', 'chakan'].map((u) => t.login(u, TEST_PASSWORD)));
  await ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'doses',
      name: '接种月报',
      kind: 'periodic',
      periodType: 'month',
      fields: [
        { key: 'doses', label: '接种剂次', type: 'integer' },
        { key: 'elderly', label: '其中60岁以上', type: 'integer' },
      ],
    },
    201,
  );
  const grid = (period: string, doses: number[], elderly: (i: number) => number) =>
    ok('PUT', `/api/ledgers/doses/periods/${period}`, leader, {
      rows: VILLAGES.map((orgUnit, i) => ({ orgUnit, values: { doses: doses[i], elderly: elderly(i) } })),
    });
  await grid('202206', JUNE, (i) => (i === 3 ? 15 : Math.floor(JUNE[i] / 2))); // 石仑村: more elderly doses than doses
  await grid('202205', MAY, (i) => Math.floor(MAY[i] / 2));
  await ok(
    'POST',
    '/api/indicators',
    leader,
    { key: 'doses', name: '接种剂次', unit: '剂', source: { type: 'items', ledger: 'doses', item: 'doses', aggregate: 'sum', timing: 'flow' } },
    201,
  );
  await ok(
    'POST',
    '/api/indicators',
    leader,
    {
      key: 'elderly',
      name: '60岁以上接种',
      unit: '剂',
      source: { type: 'items', ledger: 'doses', item: 'elderly', aggregate: 'sum', timing: 'flow' },
    },
    201,
  );
  // Two small cadre groups: 第一小组 covers 川山村 and 燕塘村, 第二小组 the other three.
  const big = await ok('POST', '/api/cadre-groups', leader, { name: '第一大组', kind: 'big' }, 201);
  const first = await ok('POST', '/api/cadre-groups', leader, { name: '第一小组', kind: 'small', parentId: big.id }, 201);
  const second = await ok('POST', '/api/cadre-groups', leader, { name: '第二小组', kind: 'small', parentId: big.id }, 201);
  await ok('PUT', `/api/cadre-groups/${first.id}/villages`, leader, { villageCodes: VILLAGES.slice(0, 2) });
  await ok('PUT', `/api/cadre-groups/${second.id}/villages`, leader, { villageCodes: VILLAGES.slice(2) });
});
afterAll(() => t.close());

interface BoardItem {
  subject: { code: string; name: string };
  value: number | null;
  rank: number | null;
  previousRank: number | null;
  change: number | null;
  board: string | null;
  exemption: string | null;
  completion: number | null;
}

describe('ranking boards', () => {
  it('ranks villages with shared places, puts them on 龙榜 and 虎榜, and shows the change since May', async () => {
    await ok(
      'POST',
      '/api/rankings',
      leader,
      { key: 'doses_board', name: '接种龙虎榜', indicator: 'doses', subject: 'village', style: 'dragon_tiger', topN: 1, bottomN: 1 },
      201,
    );
    const board = await ok('GET', '/api/rankings/doses_board/board?period=202206&asOf=2022-06-30', viewer);
    const items = board.items as BoardItem[];
    expect(items.map((i) => [i.subject.name, i.value, i.rank, i.board])).toEqual([
      ['川山村', 40, 1, 'top'],
      ['燕塘村', 30, 2, null],
      ['桥坪村', 30, 2, null],
      ['石仑村', 10, 4, null],
      ['玉池村', 0, 5, 'bottom'],
    ]);
    // May: 桥坪村 50 (1), 燕塘村 30 (2), 石仑村 20 (3), 川山村 10 (4), 玉池村 5 (5).
    expect(items.map((i) => [i.previousRank, i.change])).toEqual([
      [4, 3],
      [2, 0],
      [1, -1],
      [3, -1],
      [5, 0],
    ]);
    expect(board.ranking.boardNames).toEqual({ top: '龙榜', bottom: '虎榜', title: '龙虎榜' });
  });

  it('shows no change of rank when the period before has no figures, and compares a running year with as many days', async () => {
    // April has no figures at all: May's places have nothing to have changed from.
    const may = await ok('GET', '/api/rankings/doses_board/board?period=202205&asOf=2022-06-30', leader);
    expect((may.items as BoardItem[]).map((i) => [i.rank, i.previousRank, i.change])).toEqual([
      [1, null, null],
      [2, null, null],
      [3, null, null],
      [4, null, null],
      [5, null, null],
    ]);
    const year = await ok('GET', '/api/rankings/doses_board/board?period=2022&asOf=2022-06-30', leader);
    expect(year.period).toMatchObject({ id: '2022', start: '2022-01-01', end: '2022-06-30' });
    expect(year.previousPeriod).toEqual({ id: '2021', start: '2021-01-01', end: '2021-06-30', hasFigures: false });
    expect(may.previousPeriod.hasFigures).toBe(false);
    expect((await ok('GET', '/api/rankings/doses_board/board?period=202206&asOf=2022-06-30', leader)).previousPeriod.hasFigures).toBe(true);
  });

  it('keeps an exempt village off the board with its reason, and needs targets when the rule says so', async () => {
    await ok('PUT', '/api/rankings/doses_board', leader, {
      name: '接种红黑榜',
      indicator: 'doses',
      subject: 'village',
      style: 'red_black',
      topN: 2,
      bottomN: 1,
      requireTarget: true,
      exemptions: [{ subject: VILLAGES[4], reason: '6月遭受洪灾，暂停考核' }],
    });
    await ok('PUT', '/api/indicators/doses/targets/202206', leader, { items: VILLAGES.map((orgUnit) => ({ orgUnit, value: 35 })) });
    const items = (await ok('GET', '/api/rankings/doses_board/board?period=202206&asOf=2022-06-30', leader)).items as BoardItem[];
    expect(items.map((i) => [i.subject.name, i.rank, i.board, i.exemption])).toEqual([
      ['川山村', 1, 'top', null], // 40 of 35: target met
      ['燕塘村', 2, null, null],
      ['桥坪村', 2, null, null], // second place, but 30 of 35 misses the target
      ['石仑村', 4, 'bottom', null],
      ['玉池村', null, null, '6月遭受洪灾，暂停考核'],
    ]);
    const res = await call('GET', '/api/rankings/doses_board/board.xlsx?period=202206&asOf=2022-06-30', leader);
    const sheet = await readSheet(res.rawPayload, '红黑榜');
    expect(sheet[0]).toEqual(['名次', '单位', '接种剂次（剂）', '目标（剂）', '完成率(%)', '较上期', '上榜', '豁免原因']);
    expect(sheet[1]).toEqual(['1', '川山村', '40', '35', '114.3', '↑3', '红榜', '']);
    // figures are numbers in the sheet, so Excel can sum and sort them
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('红黑榜')!.getRow(2).values).toEqual([undefined, 1, '川山村', 40, 35, 114.3, '↑3', '红榜', '']);
  });

  it('keeps villages tied across the N-th place off the board when the rule excludes ties', async () => {
    const rule = { name: '并列测试榜', indicator: 'doses', subject: 'village', style: 'dragon_tiger', topN: 2, bottomN: 0 };
    await ok('POST', '/api/rankings', leader, { key: 'ties_board', ...rule }, 201);
    const top = async () =>
      ((await ok('GET', '/api/rankings/ties_board/board?period=202206&asOf=2022-06-30', leader)).items as BoardItem[])
        .filter((i) => i.board === 'top')
        .map((i) => i.subject.name);
    // June: 川山村 40, then 燕塘村 and 桥坪村 tied at 30 for second place.
    expect(await top()).toEqual(['川山村', '燕塘村', '桥坪村']);
    const saved = await ok('PUT', '/api/rankings/ties_board', leader, { ...rule, ties: 'exclude' });
    expect(saved.ties).toBe('exclude');
    expect(await top()).toEqual(['川山村']);
    const bad = await call('PUT', '/api/rankings/ties_board', leader, { ...rule, ties: 'both' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('ties');
    await ok('DELETE', '/api/rankings/ties_board', leader, undefined, 204);
  });

  it('refuses rankings from a village cadre, and exemptions of units outside the township', async () => {
    const refused = await call('POST', '/api/rankings', cadre, {
      key: 'x_board',
      name: 'x',
      indicator: 'doses',
      subject: 'village',
      style: 'red_black',
    });
    expect(refused.statusCode).toBe(403);
    const bad = await call('POST', '/api/rankings', leader, {
      key: 'y_board',
      name: 'y',
      indicator: 'doses',
      subject: 'village',
      style: 'red_black',
      exemptions: [{ subject: '430681106201', reason: '不是本镇' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'exemptions.0.subject', message: '“430681106201”不是本镇的村（社区）' }]);
    // The indicator a board uses cannot be deleted.
    const used = await call('DELETE', '/api/indicators/doses', leader);
    expect(used.statusCode).toBe(409);
    expect(used.json().detail).toContain('排行榜“接种红黑榜”');
  });
});

describe('cadre groups as subjects', () => {
  it('gives each small group the figures of the villages it covers', async () => {
    const res = await ok('GET', '/api/indicators/values?keys=doses&period=202206&asOf=2022-06-30&by=cadre_group&targets=true', leader);
    const byName = new Map(res.orgUnits.map((u: { code: string; name: string }) => [u.name, u.code]));
    const value = (name: string) => res.items.find((i: { orgUnit: string }) => i.orgUnit === byName.get(name));
    expect(value('第一小组')).toMatchObject({ value: 70, target: 70 });
    expect(value('第二小组')).toMatchObject({ value: 40, target: 105 });
  });
});

describe('data quality', () => {
  it('lists the villages where a part exceeds its total, and refuses rules over unknown indicators', async () => {
    await ok('POST', '/api/quality-rules', leader, { name: '60岁以上剂次不超过总剂次', left: 'elderly', operator: '<=', right: 'doses' }, 201);
    const found = await ok('GET', '/api/quality-rules/violations?period=202206&asOf=2022-06-30', cadre);
    expect(found.checked).toBe(5);
    expect(found.items).toEqual([
      { rule: expect.objectContaining({ name: '60岁以上剂次不超过总剂次' }), orgUnit: { code: VILLAGES[3], name: '石仑村' }, left: 15, right: 10 },
    ]);
    // Correcting the figure clears the violation at once.
    await ok('PUT', '/api/ledgers/doses/periods/202206', leader, { rows: [{ orgUnit: VILLAGES[3], version: 1, values: { doses: 10, elderly: 5 } }] });
    expect((await ok('GET', '/api/quality-rules/violations?period=202206&asOf=2022-06-30', leader)).items).toEqual([]);
    const bad = await call('POST', '/api/quality-rules', leader, { name: '错', left: 'elderly +', operator: '<=', right: 'nobody' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'left', message: '第 10 个字符处：公式不完整' },
      { field: 'right', message: '第 1 个字符处：指标“nobody”不存在' },
    ]);
    expect((await call('POST', '/api/quality-rules', viewer, { name: 'v', left: 'doses', operator: '<=', right: '1' })).statusCode).toBe(403);
    // A rule is edited in place, with the same checks; a viewer may not edit it.
    const [existing] = (await ok('GET', '/api/quality-rules', leader)).items;
    const edited = await ok('PUT', `/api/quality-rules/${existing.id}`, leader, {
      name: '60岁以上剂次少于总剂次',
      left: 'elderly',
      operator: '<',
      right: 'doses',
    });
    expect(edited).toEqual({ id: existing.id, name: '60岁以上剂次少于总剂次', left: 'elderly', operator: '<', right: 'doses' });
    const badEdit = await call('PUT', `/api/quality-rules/${existing.id}`, leader, { name: 'x', left: 'nobody', operator: '<', right: 'doses' });
    expect(badEdit.json().errors).toEqual([{ field: 'left', message: '第 1 个字符处：指标“nobody”不存在' }]);
    expect(
      (await call('PUT', `/api/quality-rules/${existing.id}`, viewer, { name: 'v', left: 'doses', operator: '<=', right: '1' })).statusCode,
    ).toBe(403);
    expect((await call('PUT', '/api/quality-rules/99999', leader, { name: 'v', left: 'doses', operator: '<=', right: '1' })).statusCode).toBe(404);
    expect((await ok('GET', '/api/quality-rules', leader)).items[0]).toEqual(edited);
    await ok('PUT', `/api/quality-rules/${existing.id}`, leader, {
      name: '60岁以上剂次不超过总剂次',
      left: 'elderly',
      operator: '<=',
      right: 'doses',
    });
    // An indicator a rule reads is not deleted from under it.
    await ok(
      'POST',
      '/api/indicators',
      leader,
      { key: 'elderly_share', name: '老人剂次占比', source: { type: 'formula', formula: 'elderly / doses' } },
      201,
    );
    const rule = await ok('POST', '/api/quality-rules', leader, { name: '占比不超过1', left: 'elderly_share', operator: '<=', right: '1' }, 201);
    const used = await call('DELETE', '/api/indicators/elderly_share', leader);
    expect(used.statusCode).toBe(409);
    expect(used.json().detail).toBe('数据质量规则“占比不超过1”正在使用指标“老人剂次占比”，请先修改它们');
    expect((await ok('GET', '/api/indicators', leader)).items.some((i: { key: string }) => i.key === 'elderly_share')).toBe(true);
    await ok('DELETE', `/api/quality-rules/${rule.id}`, leader, undefined, 204);
    await ok('DELETE', '/api/indicators/elderly_share', leader, undefined, 204);
  });

  it('checks the rules for the periods an import touched', async () => {
    const csv = ['组织单元,期间,接种剂次,其中60岁以上', '川山村,202207,20,5', '燕塘村,202207,8,9'].join('\n');
    const file = multipartFile('七月.csv', csv);
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/ledgers/doses/imports',
      headers: { cookie: leader, ...file.headers },
      payload: file.payload,
    });
    expect(started.statusCode, started.body).toBe(200);
    const done = await ok('POST', `/api/ledgers/doses/imports/${started.json().id}/commit`, leader);
    expect(done.imported).toBe(2);
    expect(done.quality).toEqual({
      periods: [{ id: '202207', label: '2022年7月', violations: 1 }],
      items: [{ rule: '60岁以上剂次不超过总剂次', orgUnit: '燕塘村', period: '2022年7月', left: 9, right: 8 }],
    });
  });
});
