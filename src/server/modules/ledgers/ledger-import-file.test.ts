import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/app-error.js';
import { buildZip } from '../../testing/zip-builder.js';
import { checkXlsx, decodeImportCsv, importFileKind } from './ledger-import-file.js';
import { importRows, type SheetRow } from './ledger-import-reader.js';

async function readImportRows(kind: 'xlsx' | 'csv', bytes: Uint8Array) {
  const rows: SheetRow[] = [];
  for await (const batch of importRows(kind, bytes)) rows.push(...batch);
  return rows;
}

const WORKBOOK = { name: 'xl/workbook.xml', content: '<workbook/>' };

async function refusal(promise: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

/** GBK bytes of a text, found with the platform's GB18030 decoder (Node has no GBK encoder). */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(decoder.decode(new Uint8Array([a, b])), [a, b]);
  }
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
}

describe('import file type', () => {
  it('accepts .xlsx by its zip header and .csv as text', () => {
    expect(importFileKind('a.xlsx', buildZip([WORKBOOK]))).toBe('xlsx');
    expect(importFileKind('a.CSV', new TextEncoder().encode('组织单元\n燕塘村'))).toBe('csv');
  });

  it('refuses other extensions, renamed files, binary CSVs and old .xls with a Chinese reason', async () => {
    expect((await refusal(() => importFileKind('a.txt', new Uint8Array([1])))).detail).toBe('只支持导入 .xlsx 或 .csv 文件');
    expect((await refusal(() => importFileKind('a.xls', new Uint8Array([0xd0, 0xcf])))).detail).toContain('另存为 .xlsx');
    const renamed = await refusal(() => importFileKind('a.xlsx', new TextEncoder().encode('code,name')));
    expect(renamed.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(renamed.detail).toContain('不是 .xlsx 格式');
    expect((await refusal(() => importFileKind('a.csv', new Uint8Array([0x41, 0, 0x42])))).detail).toContain('不是 CSV 文本');
  });

  it('reads UTF-8 (with BOM) and GBK CSVs, and refuses bytes that are neither', async () => {
    expect(decodeImportCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('燕塘村')]))).toBe('燕塘村');
    expect(decodeImportCsv(gbk('组织单元,户主姓名\n燕塘村,张三'))).toBe('组织单元,户主姓名\n燕塘村,张三');
    expect((await refusal(() => decodeImportCsv(new Uint8Array([0xff, 0xff, 0xff])))).errors?.[0].message).toContain('文件编码无法识别');
  });
});

describe('zip checks before exceljs opens a file', () => {
  it('passes an ordinary workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('填报').addRow(['组织单元', '户主姓名']);
    await expect(checkXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()))).resolves.toBeUndefined();
  });

  it('refuses an entry that declares a huge size at a high compression ratio', async () => {
    const bomb = buildZip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(50 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200_000);
    const e = await refusal(checkXlsx(bomb));
    expect(e.errors?.[0].message).toBe('文件解压后大小异常（疑似压缩炸弹），已拒绝导入');
  });

  it('refuses an entry that inflates to more than its directory declares', async () => {
    const liar = buildZip([WORKBOOK, { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(5 * 1024 * 1024), declaredSize: 1000 }]);
    const e = await refusal(checkXlsx(liar));
    expect(e.errors?.[0].message).toContain('压缩炸弹');
  });

  it('refuses a total unpacked size over the limit and too many entries', async () => {
    const big = buildZip([WORKBOOK, { name: 'xl/a.xml', content: 'x', declaredSize: 2 ** 31 }]);
    expect((await refusal(checkXlsx(big))).errors?.[0].message).toContain('压缩炸弹');
    const many = buildZip([WORKBOOK, ...Array.from({ length: 2001 }, (_, i) => ({ name: `x/${i}`, content: '' }))]);
    expect((await refusal(checkXlsx(many))).errors?.[0].message).toContain('压缩炸弹');
  });

  it('refuses a workbook with external-link parts, and a zip that is not a workbook', async () => {
    const linked = buildZip([WORKBOOK, { name: 'xl/externalLinks/externalLink1.xml', content: '<externalLink/>' }]);
    expect((await refusal(checkXlsx(linked))).errors?.[0].message).toContain('引用了其他工作簿');
    expect((await refusal(checkXlsx(buildZip([{ name: 'a.txt', content: 'hi' }])))).errors?.[0].message).toBe('文件不是有效的 Excel 工作簿');
    expect((await refusal(checkXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])))).errors?.[0].message).toContain('已损坏');
  });
});

describe('reading rows', () => {
  it('takes cached formula results, never evaluates, and refuses formulas reading other workbooks', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('填报');
    sheet.addRow(['组织单元', '家庭人口']);
    sheet.addRow(['燕塘村', { formula: '1+2', result: 3 }]);
    sheet.addRow(['燕塘村', { formula: 'SUM(B2:B2)' }]);
    const rows = await readImportRows('xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows[1]).toEqual({ row: 2, cells: ['燕塘村', 3] });
    expect(rows[2].cells[1]).toEqual({ problem: expect.stringContaining('没有计算结果') });

    sheet.addRow(['燕塘村', { formula: '[1]Sheet1!A1', result: 5 }]);
    const e = await refusal(readImportRows('xlsx', new Uint8Array(await workbook.xlsx.writeBuffer())));
    expect(e.errors?.[0].message).toContain('引用了其他工作簿');
  });

  it('prefers the sheet 填报 and reports Excel row numbers, skipping blank rows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['这不是数据']);
    const sheet = workbook.addWorksheet('填报');
    sheet.getCell('A1').value = '组织单元';
    sheet.getCell('A4').value = '燕塘村';
    const rows = await readImportRows('xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { row: 1, cells: ['组织单元'] },
      { row: 4, cells: ['燕塘村'] },
    ]);
  });

  // Parts as WPS and other tools may write them: the sheet before workbook.xml, an absolute relationship target,
  // a stored (not deflated) part, inline strings next to shared ones, and no styles part.
  const sheetXml = (cells: string) =>
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`;
  const workbookXml = (sheets: string) =>
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets}</sheets></workbook>`;
  const relsXml = (targets: string[]) =>
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${targets
      .map(
        (t, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${t}"/>`,
      )
      .join('')}</Relationships>`;

  it('reads parts in any order, absolute targets, stored parts and inline strings', async () => {
    const zip = buildZip([
      {
        name: 'xl/worksheets/sheet1.xml',
        store: true,
        content: sheetXml(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>家庭人口</t></is></c></row>' +
            '<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3"><v>4</v></c></row>',
        ),
      },
      {
        name: 'xl/sharedStrings.xml',
        content: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>组织单元</t></si><si><t>燕塘村</t></si></sst>',
      },
      { name: 'xl/_rels/workbook.xml.rels', content: relsXml(['/xl/worksheets/sheet1.xml']) },
      { name: 'xl/workbook.xml', content: workbookXml('<sheet name="填报" sheetId="1" r:id="rId1"/>') },
    ]);
    await checkXlsx(zip);
    expect(await readImportRows('xlsx', zip)).toEqual([
      { row: 1, cells: ['组织单元', '家庭人口'] },
      { row: 3, cells: ['燕塘村', 4] },
    ]);
  });

  it('without a sheet named 填报, reads the first sheet in tab order, not in file order', async () => {
    const zip = buildZip([
      { name: 'xl/workbook.xml', content: workbookXml('<sheet name="村表" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/>') },
      { name: 'xl/_rels/workbook.xml.rels', content: relsXml(['worksheets/sheet1.xml', 'worksheets/sheet2.xml']) },
      { name: 'xl/worksheets/sheet1.xml', content: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>这不是数据</t></is></c></row>') },
      { name: 'xl/worksheets/sheet2.xml', content: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>组织单元</t></is></c></row>') },
    ]);
    expect(await readImportRows('xlsx', zip)).toEqual([{ row: 1, cells: ['组织单元'] }]);
  });

  it('resolves relationship targets as the spec allows, and skips hidden tabs and chart sheets', async () => {
    const cell = (text: string) => sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`);
    for (const target of ['./worksheets/data.xml', '../xl/worksheets/data.xml', 'worksheets\\data.xml', 'worksheets/d%61ta.xml']) {
      const zip = buildZip([
        { name: 'xl/workbook.xml', content: workbookXml('<sheet name="填报" sheetId="1" r:id="rId1"/>') },
        { name: 'xl/_rels/workbook.xml.rels', content: relsXml([target]) },
        { name: 'xl/worksheets/data.xml', content: cell('组织单元') },
      ]);
      expect(await readImportRows('xlsx', zip), target).toEqual([{ row: 1, cells: ['组织单元'] }]);
    }
    const zip = buildZip([
      {
        name: 'xl/workbook.xml',
        content: workbookXml(
          '<sheet name="隐藏" sheetId="1" state="hidden" r:id="rId1"/><sheet name="图表" sheetId="2" r:id="rId2"/><sheet name="村表" sheetId="3" r:id="rId3"/>',
        ),
      },
      { name: 'xl/_rels/workbook.xml.rels', content: relsXml(['worksheets/sheet1.xml', 'chartsheets/sheet1.xml', 'worksheets/sheet3.xml']) },
      { name: 'xl/worksheets/sheet1.xml', content: cell('隐藏的') },
      { name: 'xl/chartsheets/sheet1.xml', content: '<chartsheet/>' },
      { name: 'xl/worksheets/sheet3.xml', content: cell('组织单元') },
    ]);
    expect(await readImportRows('xlsx', zip)).toEqual([{ row: 1, cells: ['组织单元'] }]);
  });

  it('refuses a workbook whose sheet part is missing', async () => {
    const zip = buildZip([
      { name: 'xl/workbook.xml', content: workbookXml('<sheet name="填报" sheetId="1" r:id="rId1"/>') },
      { name: 'xl/_rels/workbook.xml.rels', content: relsXml(['worksheets/sheet1.xml']) },
    ]);
    const e = await refusal(readImportRows('xlsx', zip));
    expect(e.errors?.[0].message).toBe('文件不是有效的 Excel 工作簿');
  });

  it('keeps every row and part when the reader waits between batches (exceljs writes workbook.xml last)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['这不是数据']);
    const sheet = workbook.addWorksheet('填报');
    sheet.addRow(['组织单元', '户主姓名', '走访日期']);
    for (let i = 0; i < 20_000; i++) sheet.addRow(['燕塘村', `户主${i}`, new Date(Date.UTC(2022, 5, 1 + (i % 30)))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    let rows = 0;
    let batches = 0;
    let last: SheetRow | undefined;
    for await (const batch of importRows('xlsx', bytes)) {
      rows += batch.length;
      batches++;
      last = batch.at(-1);
      await new Promise((resolve) => setTimeout(resolve, 2)); // a database round trip per batch
    }
    expect(rows).toBe(20_001);
    expect(batches).toBeGreaterThan(1);
    expect(last).toEqual({ row: 20_001, cells: ['燕塘村', '户主19999', new Date(Date.UTC(2022, 5, 20))] });
  });
});
