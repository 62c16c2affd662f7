// Targets of an indicator: entered in a table or imported from the Excel template (bad files refused whole, by
// row), summed from the villages up to the township, and refused to those who may not set them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { multipartFile, type TestApp } from '../../testing/test-app.js';
import { buildXlsx, sharedStringsXml, sheetXml } from '../../testing/zip-builder.js';
import { buildIndicatorTownship, readValues, TOWN, VILLAGES, YANTANG } from './indicator-test-township.js';

let t: TestApp;
let leader: string;
let cadre: string;
let viewer: string;

beforeAll(async () => {
  ({ t, leader, cadre, viewer } = await buildIndicatorTownship());
});
afterAll(() => t.close());

const call: TestApp['call'] = (...args) => t.call(...args);
const ok: TestApp['ok'] = (...args) => t.ok(...args);
const values = (query: string, cookie = leader) => readValues(t, query, cookie);

describe('targets', () => {
  it('sums village targets up to the township and gives completion', async () => {
    await ok('PUT', '/api/indicators/land_area/targets/2022S1', leader, {
      items: VILLAGES.map((code, i) => ({ orgUnit: code, value: 500 * (i + 1) })),
    });
    const items = await values('keys=land_area,land_completion&period=2022S1&asOf=2022-06-30&targets=true');
    const area = items.find((i) => i.indicator === 'land_area')!;
    expect(area.target).toBe(3000);
    expect(area.completion).toBeCloseTo((area.value! / 3000) * 100, 6);
    expect(items.find((i) => i.indicator === 'land_completion')!.value).toBeCloseTo(area.completion!, 6);
    // A formula reads the target of an indicator that was not asked for.
    const alone = await values('keys=land_completion&period=2022S1&asOf=2022-06-30');
    expect(alone[0].value).toBeCloseTo(area.completion!, 6);
    // A township target of its own wins over the sum.
    await ok('PUT', '/api/indicators/land_area/targets/2022S1', leader, { items: [{ orgUnit: TOWN, value: 2800 }] });
    expect((await values('keys=land_area&period=2022S1&asOf=2022-06-30&targets=true'))[0].target).toBe(2800);
  });

  it('imports targets from the template, refusing a file with bad rows as a whole', async () => {
    const template = await call('GET', '/api/indicators/booster/targets/2022S1/template.xlsx', leader);
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('目标值')!;
    expect(sheet.getRow(2).getCell(1).text).toBe(TOWN);
    sheet.getRow(3).getCell(3).value = 1200;
    sheet.getRow(4).getCell(3).value = '很多';
    const bad = multipartFile('目标.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/booster/targets/2022S1/import',
      headers: { cookie: leader, ...bad.headers },
      payload: bad.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([{ field: '目标值', row: 4, message: '“很多”不是非负数字' }]);
    expect(
      (await ok('GET', '/api/indicators/booster/targets?period=2022S1', leader)).items.every((i: { value: number | null }) => i.value === null),
    ).toBe(true);
    sheet.getRow(4).getCell(3).value = 900;
    const good = multipartFile('目标.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/booster/targets/2022S1/import',
      headers: { cookie: leader, ...good.headers },
      payload: good.payload,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(
      saved
        .json()
        .items.map((i: { value: number | null }) => i.value)
        .slice(0, 3),
    ).toEqual([null, 1200, 900]);
  });

  it('reports repeated and unknown units together with bad figures, by row, and stores nothing', async () => {
    const template = await call('GET', '/api/indicators/booster/targets/2022Q4/template.xlsx', leader);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('目标值')!;
    sheet.getRow(3).getCell(3).value = 100;
    sheet.getRow(4).getCell(3).value = -5;
    sheet.addRow([sheet.getRow(3).getCell(1).text, '重复一行', 200]);
    sheet.addRow(['999999999999', '不存在', 1]);
    const file = multipartFile('目标.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/booster/targets/2022Q4/import',
      headers: { cookie: leader, ...file.headers },
      payload: file.payload,
    });
    expect(res.statusCode, res.body).toBe(400);
    const last = sheet.rowCount;
    expect(res.json().errors).toEqual([
      { field: '目标值', row: 4, message: '“-5”不是非负数字' },
      { field: '单位代码', row: last - 1, message: `“${sheet.getRow(3).getCell(2).text}”重复出现，每个单位只能有一个目标值` },
      { field: '单位代码', row: last, message: '“999999999999”不是本镇或本镇的村（社区）' },
    ]);
    expect(res.json().detail).toBe('有 3 行需要修改，未导入任何目标值');
    // the ledger import's reader and limits: shared strings decoding to far more text than the file is refused
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed.toString(36);
    };
    const texts = Array.from({ length: 17_000 }, () => `${'abcdefghij'.repeat(100)}${random()}${random()}`);
    const bomb = multipartFile(
      '目标.xlsx',
      buildXlsx(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'), [{ name: 'xl/sharedStrings.xml', content: sharedStringsXml(texts) }]),
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/booster/targets/2022Q4/import',
      headers: { cookie: leader, ...bomb.headers },
      payload: bomb.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json().errors)).toContain('文件中的文字总量过大');
    const twice = await call('PUT', '/api/indicators/booster/targets/2022Q4', leader, {
      items: [
        { orgUnit: YANTANG, value: 1 },
        { orgUnit: YANTANG, value: 2 },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors).toEqual([{ field: 'items.1.orgUnit', message: '“燕塘村”重复出现，每个单位只能有一个目标值' }]);
    expect(
      (await ok('GET', '/api/indicators/booster/targets?period=2022Q4', leader)).items.every((i: { value: number | null }) => i.value === null),
    ).toBe(true);
  });

  it('refuses targets from a village cadre and a viewer', async () => {
    for (const cookie of [cadre, viewer]) {
      const res = await call('PUT', '/api/indicators/land_area/targets/2022S1', cookie, { items: [{ orgUnit: YANTANG, value: 1 }] });
      expect(res.statusCode).toBe(403);
    }
  });
});
