// Hostile and broken import files over HTTP: every one answered as a 400 problem+json or a row error in
// Chinese, never a 500, and nothing corrupted stored. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { buildTestApp, multipartFile, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { buildXlsx, sharedStringsXml, sheetXml } from '../../testing/zip-builder.js';

let t: TestApp;
let cadre: string;
const KEY = 'residents';
const FIELDS = [
  { key: 'name', label: '姓名', type: 'text', required: true },
  { key: 'note', label: '备注', type: 'text' },
];

const upload = (name: string, content: Uint8Array | string) => {
  const { payload, headers } = multipartFile(name, content);
  return t.app.inject({ method: 'POST', url: `/api/ledgers/${KEY}/imports`, headers: { ...headers, cookie: cadre }, payload });
};
const commit = (id: string) => t.app.inject({ method: 'POST', url: `/api/ledgers/${KEY}/imports/${id}/commit`, headers: { cookie: cadre } });
const storedNames = async () =>
  (
    await queryRows<{ name: string }>(
      t.db,
      sql`
  SELECT r.values->>'name' AS name FROM ledger_records r JOIN ledgers l ON l.id = r.ledger_id WHERE l.key = ${KEY} ORDER BY r.id`,
    )
  ).map((r) => r.name);

const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const HEADER_ROW = `<row r="1">${inlineCell('A1', '组织单元')}${inlineCell('B1', '姓名*')}</row>`;

function expectProblem(res: Awaited<ReturnType<typeof upload>>, message: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION', errors: [{ field: 'file', message }] });
}

beforeAll(async () => {
  t = await buildTestApp({ ZHENWU_IMPORT_MAX_ROWS: '20000' });
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: '430681105000' }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: '430681105202' }]);
  const leader = await t.login('shuji', TEST_PASSWORD);
  cadre = await t.login('cun202', TEST_PASSWORD);
  const res = await t.call('POST', '/api/ledgers', leader, { key: KEY, name: '常住人口', kind: 'register', fields: FIELDS });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

describe("Chinese text across the parser's chunks", () => {
  it("stores every name whole from the server's own template filled with 10,000 rows", async () => {
    const template = await t.app.inject({ method: 'GET', url: `/api/ledgers/${KEY}/template.xlsx`, headers: { cookie: cadre } });
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('填报')!;
    const surnames = '张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗';
    const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅';
    const names = Array.from({ length: 10_000 }, (_, i) => surnames[i % 20] + given[Math.floor(i / 20) % 30] + given[Math.floor(i / 600) % 30]);
    names.forEach((name, i) => {
      sheet.getRow(i + 2).values = ['燕塘村', name, `第${i}户`];
    });
    const res = await upload('人口.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json()).toMatchObject({ phase: 'ready', total: 10_000, errorRows: 0 });
    const done = await commit(res.json().id);
    expect(done.statusCode, done.body.slice(0, 500)).toBe(200);
    const stored = await storedNames();
    expect(stored.filter((n) => n.includes('\uFFFD'))).toEqual([]);
    expect(stored).toEqual(names);
  });

  it('previews 张三丰 whole when it starts at byte 16,383 of the sheet XML', async () => {
    const head = `${sheetXml('§').split('§')[0]}${HEADER_ROW}`;
    const open = `<row r="2">${inlineCell('A2', '燕塘村')}<c r="B2" t="inlineStr"><is><t>`;
    const pad = 16_383 - Buffer.byteLength(head + open) - '<!---->'.length;
    const sheet = `${head}<!--${'x'.repeat(pad)}-->${open}张三丰</t></is></c></row></sheetData></worksheet>`;
    expect(Buffer.from(sheet).indexOf(Buffer.from('张'))).toBe(16_383);
    const res = await upload('一行.xlsx', buildXlsx(sheet));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().preview).toEqual([expect.objectContaining({ row: 2, valid: true, values: { name: '张三丰' } })]);
  });
});

describe('characters that must not be stored', () => {
  const rows = [
    ['燕塘村', '张\uFFFF三'],
    ['燕塘村', '李\u0000四'],
    ['燕\uFFFD村', '王五'],
    ['燕塘村', '赵\uFFFE六'],
    ['燕塘村', '钱七'],
  ];

  it('lists a row error for NUL, U+FFFE, U+FFFF and U+FFFD in an .xlsx, and stores nothing', async () => {
    const cells = rows.map(([unit, name], i) => `<row r="${i + 2}">${inlineCell(`A${i + 2}`, unit)}${inlineCell(`B${i + 2}`, name)}</row>`);
    const before = await storedNames();
    const res = await upload('坏字符.xlsx', buildXlsx(sheetXml(HEADER_ROW + cells.join(''))));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 5, errorRows: 4 });
    expect(res.json().errors).toEqual([
      { row: 2, column: '姓名*', value: '', message: '姓名含无法识别的字符（文件编码损坏）' },
      { row: 3, column: '姓名*', value: '', message: '姓名含无法识别的字符（文件编码损坏）' },
      { row: 4, column: '组织单元', value: '', message: '组织单元含无法识别的字符（文件编码损坏）' },
      { row: 5, column: '姓名*', value: '', message: '姓名含无法识别的字符（文件编码损坏）' },
    ]);
    expect((await commit(res.json().id)).statusCode).toBe(400);
    expect(await storedNames()).toEqual(before);
  });

  it('lists a row error for the same characters in a CSV, past its first 8 KB, and stores nothing', async () => {
    const filler = Array.from({ length: 600 }, (_, i) => `燕塘村,正常${i}`).join('\n');
    const csv = `组织单元,姓名*\n${filler}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
    const before = await storedNames();
    const res = await upload('坏字符.csv', csv);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    expect(res.json().errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [602, '姓名含不允许的控制字符（如 NUL、U+FFFF）'],
      [603, '姓名含不允许的控制字符（如 NUL、U+FFFF）'],
      [604, '组织单元含无法识别的字符（文件编码损坏）'],
      [605, '姓名含不允许的控制字符（如 NUL、U+FFFF）'],
    ]);
    expect((await commit(res.json().id)).statusCode).toBe(400);
    expect(await storedNames()).toEqual(before);
  });
});

describe('refused files', () => {
  it('refuses a DOCTYPE with entities with a 400 problem, never expanding it', async () => {
    const doctype = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const res = await upload(
      'dtd.xlsx',
      buildXlsx(doctype + sheetXml(`${HEADER_ROW}<row r="2">${inlineCell('A2', '燕塘村')}${inlineCell('B2', '&b;')}</row>`)),
    );
    expectProblem(res, '文件含有 XML 文档类型声明（DOCTYPE），可能是恶意构造的文件，已拒绝导入');
  });

  it('refuses a cell past column XFD with a 400 problem', async () => {
    const res = await upload(
      'xfe.xlsx',
      buildXlsx(sheetXml(`${HEADER_ROW}<row r="2">${inlineCell('A2', '燕塘村')}${inlineCell('XFE2', '张三')}</row>`)),
    );
    expectProblem(res, '单元格位置超出 Excel 的范围（最多 XFD 列、第 1048576 行），文件可能是伪造的，已拒绝导入');
  });

  it('refuses shared strings that decode to far more text than the file holds, with a 400 problem', async () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed.toString(36);
    };
    const texts = ['张三', ...Array.from({ length: 17_000 }, () => `${'abcdefghij'.repeat(100)}${random()}${random()}`)];
    const sheet = sheetXml(`${HEADER_ROW}<row r="2">${inlineCell('A2', '燕塘村')}<c r="B2" t="s"><v>0</v></c></row>`);
    const file = buildXlsx(sheet, [{ name: 'xl/sharedStrings.xml', content: sharedStringsXml(texts) }]);
    expect(file.length).toBeLessThan(1024 * 1024);
    const res = await upload('大量文字.xlsx', file);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    expect(res.json().errors[0].message).toContain('文件中的文字总量过大');
  });
});
