// Explaining a value: the records or entered figures behind it (and their Excel export), a formula by its parts,
// and a village cadre kept to his village's rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheet, type TestApp } from '../../testing/test-app.js';
import { buildIndicatorTownship, pick, readValues, YANTANG } from './indicator-test-township.js';

let t: TestApp;
let leader: string;
let cadre: string;

beforeAll(async () => {
  ({ t, leader, cadre } = await buildIndicatorTownship());
});
afterAll(() => t.close());

const call: TestApp['call'] = (...args) => t.call(...args);
const ok: TestApp['ok'] = (...args) => t.ok(...args);
const values = (query: string, cookie = leader) => readValues(t, query, cookie);

describe('explaining a value', () => {
  it('lists the records behind a count, and exports them to Excel', async () => {
    const value = pick(
      await values(`keys=land_cultivated,land_contracts&period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}`),
      'land_contracts',
      YANTANG,
      '2022S1',
    )!;
    const page = await ok('GET', `/api/indicators/land_contracts/explain?period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}&pageSize=5`, leader);
    expect(page.kind).toBe('records');
    expect(page.total).toBe(value);
    expect(page.items).toHaveLength(Math.min(5, value));
    expect(page.ledger.fields.map((f: { label: string }) => f.label)).toContain('流转面积');
    const res = await call('GET', `/api/indicators/land_cultivated/explain.xlsx?period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}`, leader);
    expect(res.statusCode, res.body).toBe(200);
    const sheet = await readSheet(res.rawPayload, '明细记录');
    expect(sheet[0]).toEqual(expect.arrayContaining(['单位', '流转面积（亩）', '签订日期']));
    const areaColumn = sheet[0].indexOf('流转面积（亩）');
    const sum = sheet.slice(1).reduce((a, row) => a + Number(row[areaColumn]), 0);
    const cultivated = pick(
      await values(`keys=land_cultivated&period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}`),
      'land_cultivated',
      YANTANG,
      '2022S1',
    )!;
    expect(sum).toBeCloseTo(cultivated, 4);
    expect(sheet.slice(1).every((row) => row[sheet[0].indexOf('土地类型')] === '耕地')).toBe(true);
    // Who entered each row and when, in China time (the list answers instants in UTC).
    const listed = await ok('GET', `/api/indicators/land_cultivated/explain?period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}&pageSize=100`, leader);
    const shanghai = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });
    expect(sheet.slice(1).map((row) => [row[sheet[0].indexOf('录入人')], row[sheet[0].indexOf('更新时间')]])).toEqual(
      listed.items.map((i: { createdBy: string | null; updatedAt: string }) => [i.createdBy ?? '', shanghai(i.updatedAt)]),
    );
  });

  it('lists entered figures with who entered them, and a formula by its parts', async () => {
    const items = await ok('GET', `/api/indicators/booster/explain?period=LAST_7_DAYS&asOf=2022-06-30&orgUnit=${YANTANG}`, leader);
    expect(items.kind).toBe('items');
    expect(items.total).toBe(7);
    expect(items.items.reduce((a: number, i: { value: number }) => a + i.value, 0)).toBe(items.value);
    const formula = await ok('GET', '/api/indicators/land_growth/explain?period=2022S1&asOf=2022-06-30', leader);
    expect(formula.kind).toBe('formula');
    expect(formula.parts.map((p: { key: string; of: string }) => `${p.key}:${p.of}`)).toEqual(['land_area:value', 'land_area:last_year']);
    // each part carries its indicator's unit and precision, to be shown as the indicator is
    const { unit, decimals, scale } = await ok('GET', '/api/indicators/land_area', leader);
    expect(formula.parts[0]).toMatchObject({ unit, decimals, scale });
    const [now, past] = formula.parts.map((p: { value: number }) => p.value);
    expect(formula.value).toBeCloseTo(((now - past) / past) * 100, 6);
  });

  it('shows a village cadre the rows of his village only', async () => {
    await ok('GET', `/api/indicators/land_contracts/explain?period=2022S1&asOf=2022-06-30&orgUnit=${YANTANG}`, cadre);
    const res = await call('GET', '/api/indicators/land_contracts/explain?period=2022S1&asOf=2022-06-30', cadre);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain('川山坪镇');
    // The township's values themselves are published to the villages.
    expect((await values('keys=land_contracts&period=2022S1&asOf=2022-06-30', cadre))[0].value).toBeGreaterThan(0);
  });
});
