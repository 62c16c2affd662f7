// Indicator definitions: bad sources answered 400 where they are wrong, keys made from the name, formula cycles,
// indicators in use kept, refusals by role; the preview of an unsaved definition; the built-in library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../testing/test-app.js';
import { buildIndicatorTownship, pick, readValues, TOWN } from './indicator-test-township.js';

let t: TestApp;
let leader: string;
let cadre: string;
let viewer: string;
let admin: string;

beforeAll(async () => {
  ({ t, leader, cadre, viewer, admin } = await buildIndicatorTownship());
});
afterAll(() => t.close());

const call: TestApp['call'] = (...args) => t.call(...args);
const ok: TestApp['ok'] = (...args) => t.ok(...args);
const values = (query: string, cookie = leader) => readValues(t, query, cookie);

describe('bad definitions and requests', () => {
  const post = (body: object) => call('POST', '/api/indicators', leader, { key: 'bad_one', name: '错误', unit: '个', ...body });

  it.each([
    [{ type: 'records', ledger: 'nope', aggregate: 'count', timing: 'stock' }, 'source.ledger', '台账“nope”不存在'],
    [
      {
        type: 'records',
        ledger: 'land',
        aggregate: 'count',
        timing: 'flow',
        dateField: 'signed_on',
        filters: [{ field: 'colour', op: 'eq', value: 'x' }],
      },
      'source.filters.0.field',
      '台账“土地流转台账”没有字段“colour”',
    ],
    [
      {
        type: 'records',
        ledger: 'land',
        aggregate: 'count',
        timing: 'flow',
        dateField: 'signed_on',
        filters: [{ field: 'land_type', op: 'eq', value: '水田' }],
      },
      'source.filters.0.value',
      '“土地类型”没有选项“水田”',
    ],
    [
      { type: 'records', ledger: 'land', aggregate: 'sum', field: 'transferee', timing: 'flow', dateField: 'signed_on' },
      'source.field',
      '字段“流入方”不能作为统计字段（需为数值字段）',
    ],
    [
      { type: 'records', ledger: 'land', aggregate: 'count', timing: 'flow' },
      'source.dateField',
      '“期间发生”需要一个日期字段，用来判断记录属于哪个期间',
    ],
    [
      { type: 'records', ledger: 'hazards', aggregate: 'count', timing: 'stock', statuses: ['lost'] },
      'source.statuses.0',
      '台账“隐患台账”没有状态“lost”',
    ],
    [{ type: 'formula', formula: 'percent(land_area, )' }, 'source.formula', '第 20 个字符处：此处不应出现“)”'],
    [{ type: 'formula', formula: 'land_area / nothing_here' }, 'source.formula', '第 13 个字符处：指标“nothing_here”不存在'],
  ])('%j → 400 at %s', async (source, field, message) => {
    const res = await post({ source });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toContainEqual({ field, message });
    expect((await ok('GET', '/api/indicators', leader)).items.some((i: { key: string }) => i.key === 'bad_one')).toBe(false);
  });

  it("makes a key from the name's pinyin initials when none is given, numbered when taken", async () => {
    const source = { type: 'formula', formula: 'land_area * 2' };
    const first = await ok('POST', '/api/indicators', leader, { name: '重大隐患数', unit: '处', source }, 201);
    expect(first.key).toBe('zdyhs');
    const second = await ok('POST', '/api/indicators', leader, { name: '重大隐患数', unit: '处', source }, 201);
    expect(second.key).toBe('zdyhs_2');
    expect((await ok('POST', '/api/indicators', leader, { name: '60岁以上人数', unit: '人', source }, 201)).key).toBe('zb_60sysrs');
    // cut at 40 letters without leaving an underscore at the end
    const long = await ok('POST', '/api/indicators', leader, { name: `${'a'.repeat(39)} b`, unit: '', source }, 201);
    expect(long.key).toBe('a'.repeat(39));
    for (const key of ['zdyhs', 'zdyhs_2', 'zb_60sysrs', long.key]) await ok('DELETE', `/api/indicators/${key}`, leader, undefined, 204);
  });

  it('refuses a cycle between formulas, naming it', async () => {
    await ok('POST', '/api/indicators', leader, { key: 'cyc_a', name: 'A', source: { type: 'formula', formula: 'land_area * 2' } }, 201);
    await ok('POST', '/api/indicators', leader, { key: 'cyc_b', name: 'B', source: { type: 'formula', formula: 'cyc_a + 1' } }, 201);
    const res = await call('PUT', '/api/indicators/cyc_a', leader, { name: 'A', source: { type: 'formula', formula: 'cyc_b - 1' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toBe('指标之间形成循环引用：cyc_a → cyc_b → cyc_a');
    // An indicator in use is not deleted.
    const used = await call('DELETE', '/api/indicators/cyc_a', leader);
    expect(used.statusCode).toBe(409);
    expect(used.json().detail).toContain('指标“B”');
    await ok('DELETE', '/api/indicators/cyc_b', leader, undefined, 204);
    await ok('DELETE', '/api/indicators/cyc_a', leader, undefined, 204);
  });

  it('refuses definitions from a viewer or a village cadre and everything from the administrator', async () => {
    for (const cookie of [viewer, cadre]) {
      const res = await call('POST', '/api/indicators', cookie, { key: 'x_y', name: 'x', source: { type: 'formula', formula: '1' } });
      expect(res.statusCode).toBe(403);
    }
    expect((await call('GET', '/api/indicators', admin)).statusCode).toBe(403);
    expect((await call('GET', '/api/indicators/values?keys=land_area&period=2022', admin)).statusCode).toBe(403);
  });
});

describe('previewing a definition before it is saved', () => {
  it('gives the value the saved indicator will have, and the same 400s as saving', async () => {
    const source = {
      type: 'records',
      ledger: 'land',
      aggregate: 'sum',
      field: 'area',
      dateField: 'signed_on',
      timing: 'flow',
      filters: [{ field: 'land_type', op: 'eq', value: '林地' }],
    };
    const preview = await ok('POST', '/api/indicators/preview', leader, { key: 'land_forest', source, period: '2022S1', asOf: '2022-06-30' });
    expect(preview.period).toEqual({ id: '2022S1', label: '2022年上半年' });
    expect((await ok('GET', '/api/indicators', leader)).items.some((i: { key: string }) => i.key === 'land_forest')).toBe(false);
    await ok('POST', '/api/indicators', leader, { key: 'land_forest', name: '林地流转面积', unit: '亩', source }, 201);
    expect(pick(await values('keys=land_forest&period=2022S1&asOf=2022-06-30'), 'land_forest', TOWN, '2022S1')).toBe(preview.value);
    expect(preview.value).toBeGreaterThan(0);
    const formula = await ok('POST', '/api/indicators/preview', leader, {
      source: { type: 'formula', formula: 'land_forest + land_cultivated' },
      period: '2022S1',
      asOf: '2022-06-30',
    });
    const parts = await values('keys=land_forest,land_cultivated&period=2022S1&asOf=2022-06-30');
    expect(formula.value).toBeCloseTo(
      parts.reduce((a, i) => a + i.value!, 0),
      6,
    );
    const bad = await call('POST', '/api/indicators/preview', leader, { source: { ...source, field: 'transferee' }, period: '2022S1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('source.field');
    expect((await call('POST', '/api/indicators/preview', cadre, { source, period: '2022S1' })).statusCode).toBe(403);
  });
});

describe('the built-in indicator library', () => {
  it('offers indicators whose ledgers are installed and installs a formula with what it reads', async () => {
    await ok('POST', '/api/ledger-library/install', leader, { keys: ['land_transfer', 'village_basics'] });
    const library = (await ok('GET', '/api/indicator-library', leader)).items as {
      key: string;
      installed: boolean;
      ledgersInstalled: boolean;
      ledgers: string[];
    }[];
    const growth = library.find((i) => i.key === 'land_transferred_growth')!;
    expect(growth).toMatchObject({ installed: false, ledgersInstalled: true, ledgers: ['land_transfer'] });
    expect(library.find((i) => i.key === 'early_rice_sown_area')).toMatchObject({ ledgersInstalled: false });
    const { installed } = await ok('POST', '/api/indicator-library/install', leader, { keys: ['land_transferred_growth'] });
    expect(installed).toEqual(expect.arrayContaining(['land_transferred', 'land_transferred_growth']));
    const listed = (await ok('GET', '/api/indicators', leader)).items as { key: string; builtin: boolean }[];
    expect(listed.find((i) => i.key === 'land_transferred_growth')?.builtin).toBe(true);
    // Installing again changes nothing; a village cadre may not install.
    expect((await ok('POST', '/api/indicator-library/install', leader, { keys: ['land_transferred_growth'] })).installed).toEqual([]);
    expect((await call('POST', '/api/indicator-library/install', cadre, {})).statusCode).toBe(403);
  });
});
