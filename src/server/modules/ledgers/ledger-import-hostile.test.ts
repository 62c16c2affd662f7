// Files a hostile or broken tool could upload: characters split across the parser's chunks, DTDs, cell
// references Excel cannot have, shared strings far larger than the file, and characters XML does not allow.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { AppError } from '../../http/app-error.js';
import { buildXlsx, buildZip, sharedStringsXml, sheetXml } from '../../testing/zip-builder.js';
import { checkXlsx } from './ledger-import-file.js';
import { importRows, type SheetRow } from './ledger-import-reader.js';

async function readImportRows(kind: 'xlsx' | 'csv', bytes: Uint8Array) {
  const rows: SheetRow[] = [];
  for await (const batch of importRows(kind, bytes)) rows.push(...batch);
  return rows;
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('expected a refusal');
}

const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const sharedCell = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
const CORRUPT = '含无法识别的字符（文件编码损坏）';
const CONTROL = '含不允许的控制字符（如 NUL、U+FFFF）';

/** zlib hands inflated data over in chunks of this size; exceljs saw each chunk alone. */
const CHUNK = 16 * 1024;

/**
 * A part whose bytes are `head`, an XML comment as padding, `open`, then `text`: the padding is chosen so that
 * the first character of `text` starts at byte `at` of the part.
 */
function textAt(at: number, head: string, open: string, text: string, tail: string) {
  const fixed = Buffer.byteLength(head) + Buffer.byteLength('<!---->') + Buffer.byteLength(open);
  const part = `${head}<!--${'x'.repeat(at - fixed)}-->${open}${text}${tail}`;
  expect(Buffer.from(part).indexOf(Buffer.from(text))).toBe(at);
  return part;
}

describe('text split across inflate chunks', () => {
  // Every way a 3-byte (张) and a 4-byte (𠀀, CJK Extension B) character can straddle the first chunk boundary.
  const cases = [...[1, 2].map((k) => ({ text: '张三丰', at: CHUNK - k })), ...[1, 2, 3].map((k) => ({ text: '𠀀三丰', at: CHUNK - k }))];

  it.each(cases)('reads $text starting at byte $at of the sheet XML', async ({ text, at }) => {
    const head = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
    const sheet = textAt(at, head, '<row r="1"><c r="A1" t="inlineStr"><is><t>', text, '</t></is></c></row></sheetData></worksheet>');
    expect(await readImportRows('xlsx', buildXlsx(sheet))).toEqual([{ row: 1, cells: [text] }]);
  });

  it.each(cases)('reads $text starting at byte $at of sharedStrings.xml', async ({ text, at }) => {
    const sst = textAt(at, '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>', text, '</t></si></sst>');
    const zip = buildXlsx(sheetXml(`<row r="1">${sharedCell('A1', 0)}</row>`), [{ name: 'xl/sharedStrings.xml', content: sst }]);
    expect(await readImportRows('xlsx', zip)).toEqual([{ row: 1, cells: [text] }]);
  });

  it('reads 10,000 Chinese names written by exceljs without a broken character', async () => {
    const surnames = '张王李赵刘陈杨黄周吴徐孙胡朱高林何郭马罗';
    const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国红梅';
    const names = Array.from({ length: 10_000 }, (_, i) => surnames[i % 20] + given[Math.floor(i / 20) % 30] + given[Math.floor(i / 600) % 30]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('填报');
    sheet.addRow(['组织单元', '户主姓名']);
    for (const name of names) sheet.addRow(['燕塘村', name]);
    const rows = await readImportRows('xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(rows.slice(1).map((r) => r.cells[1])).toEqual(names);
  });
});

describe('characters that must not be stored', () => {
  it('marks text holding U+FFFD (bad UTF-8, or written as such) as a problem cell', async () => {
    const [head, tail] = sheetXml('§').split('§');
    const sheet = Buffer.concat([
      Buffer.from(`${head}<row r="1">${inlineCell('A1', '燕塘村')}<c r="B1" t="inlineStr"><is><t>张`),
      Buffer.from([0xe4, 0xb8]), // two of the three bytes of 中
      Buffer.from(`</t></is></c>${inlineCell('C1', '李\uFFFD')}${sharedCell('D1', 0)}</row>${tail}`),
    ]);
    const zip = buildXlsx(sheet, [{ name: 'xl/sharedStrings.xml', content: sharedStringsXml(['王\uFFFD']) }]);
    expect(await readImportRows('xlsx', zip)).toEqual([
      { row: 1, cells: ['燕塘村', { problem: CORRUPT }, { problem: CORRUPT }, { problem: CORRUPT }] },
    ]);
  });

  it.each([
    ['NUL', '\u0000'],
    ['U+FFFE', '\uFFFE'],
    ['U+FFFF', '\uFFFF'],
    ['VT', '\u000B'],
  ])('marks %s written raw into the sheet or the shared strings as a problem cell, never a 500', async (_, ch) => {
    const zip = buildXlsx(sheetXml(`<row r="2">${inlineCell('A2', '燕塘村')}${inlineCell('B2', `张${ch}三`)}${sharedCell('C2', 0)}</row>`), [
      { name: 'xl/sharedStrings.xml', content: sharedStringsXml([`李${ch}四`]) },
    ]);
    expect(await readImportRows('xlsx', zip)).toEqual([{ row: 2, cells: ['燕塘村', { problem: CORRUPT }, { problem: CORRUPT }] }]);
  });

  it('refuses character references to characters XML does not allow, with a Chinese reason', async () => {
    for (const ref of ['&#0;', '&#xFFFF;', '&#xD800;']) {
      const e = await refusal(readImportRows('xlsx', buildXlsx(sheetXml(`<row r="1">${inlineCell('A1', `张${ref}`)}</row>`))));
      expect(e.status, ref).toBe(400);
      expect(e.errors?.[0].message, ref).toContain('XML 不允许的字符');
    }
  });

  it('marks NUL, U+FFFE, U+FFFF and U+FFFD in CSV text as problem cells, past the first 8 KB too', async () => {
    const filler = `组织单元,户主姓名\n${'燕塘村,张三\n'.repeat(1000)}`;
    const csv = `${filler}燕塘村,李\u0000四\n燕塘村,王\uFFFE五\n燕塘村,赵\uFFFF六\n燕塘村,钱\uFFFD七\n`;
    expect(Buffer.byteLength(filler)).toBeGreaterThan(8192);
    const rows = await readImportRows('csv', new TextEncoder().encode(csv));
    expect(rows.slice(-4).map((r) => r.cells[1])).toEqual([{ problem: CONTROL }, { problem: CONTROL }, { problem: CONTROL }, { problem: CORRUPT }]);
  });
});

describe('DTDs', () => {
  const doctype = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>';
  const DTD = '文件含有 XML 文档类型声明（DOCTYPE），可能是恶意构造的文件，已拒绝导入';

  it.each([
    'xl/worksheets/sheet1.xml',
    'xl/sharedStrings.xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    'xl/styles.xml',
    '[Content_Types].xml',
  ])('refuses a DOCTYPE in %s before any parser sees it', async (name) => {
    const sheet = sheetXml(`<row r="1">${inlineCell('A1', '&b;')}</row>`);
    // A part buildXlsx writes itself (workbook.xml, its rels) is given again: the zip then holds both.
    const zip = name === 'xl/worksheets/sheet1.xml' ? buildXlsx(doctype + sheet) : buildXlsx(sheet, [{ name, content: `${doctype}<x/>` }]);
    const e = await refusal(checkXlsx(zip));
    expect(e.status).toBe(400);
    expect(e.errors?.[0].message).toBe(DTD);
  });

  it('finds a DOCTYPE split across inflate chunks, and in a stored part', async () => {
    const split = `<?xml version="1.0"?>${' '.repeat(CHUNK - 25)}<!DOCTYPE x>${sheetXml('')}`;
    expect(Buffer.from(split).indexOf('<!DOCTYPE')).toBe(CHUNK - 4);
    const stored = buildZip([
      { name: 'xl/workbook.xml', content: '<workbook/>' },
      { name: 'xl/a.xml', store: true, content: `${doctype}<x/>` },
    ]);
    for (const zip of [buildXlsx(split), stored]) expect((await refusal(checkXlsx(zip))).errors?.[0].message).toBe(DTD);
  });

  it('never expands an entity when the reader is handed a DTD: refused as it is read', async () => {
    const e = await refusal(readImportRows('xlsx', buildXlsx(doctype + sheetXml(`<row r="1">${inlineCell('A1', '&b;')}</row>`))));
    expect(e.status).toBe(400);
    expect(e.errors?.[0].message).toBe(DTD);
  });
});

describe('cell references Excel cannot have', () => {
  const RANGE = '单元格位置超出 Excel 的范围（最多 XFD 列、第 1048576 行），文件可能是伪造的，已拒绝导入';

  it.each([
    ['a column past XFD', `<row r="1">${inlineCell('XFE1', 'x')}</row>`],
    ['a huge column', `<row r="1">${inlineCell('AAAAAAA1', 'x')}</row>`],
    ['a row past 1048576', `<row r="1048577">${inlineCell('A1048577', 'x')}</row>`],
    ['a huge row', `<row r="99999999999">${inlineCell('A99999999999', 'x')}</row>`],
    ['row 0', `<row r="0">${inlineCell('A0', 'x')}</row>`],
  ])('refuses %s with a Chinese reason', async (_, rows) => {
    const e = await refusal(readImportRows('xlsx', buildXlsx(sheetXml(rows))));
    expect(e.status).toBe(400);
    expect(e.errors?.[0].message).toBe(RANGE);
  });

  it('refuses a cell or row without a reference as an unreadable file, not a 500', async () => {
    for (const rows of [`<row r="1"><c t="inlineStr"><is><t>x</t></is></c></row>`, `<row>${inlineCell('A1', 'x')}</row>`]) {
      const e = await refusal(readImportRows('xlsx', buildXlsx(sheetXml(rows))));
      expect(e.status, rows).toBe(400);
    }
  });

  it('reads a cell in column XFD, the last one', async () => {
    const [row] = await readImportRows('xlsx', buildXlsx(sheetXml(`<row r="1">${inlineCell('A1', '组织单元')}${inlineCell('XFD1', '末列')}</row>`)));
    expect(row.cells[0]).toBe('组织单元');
    expect(row.cells[16383]).toBe('末列');
  });
});

describe('shared strings far larger than the file', () => {
  it('refuses shared strings that decode to far more text than the file could hold, while reading them', async () => {
    // 17,000 strings of ~1,000 characters that deflate about 50 to 1: under the zip checks' ratio limit, over
    // the shared-text bound (at least 16 Mi characters) — the shape of a 6.8 MB file holding 950 MB of text.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed.toString(36);
    };
    const texts = Array.from({ length: 17_000 }, () => `${'abcdefghij'.repeat(100)}${random()}${random()}`);
    const zip = buildXlsx(sheetXml(`<row r="1">${sharedCell('A1', 0)}</row>`), [{ name: 'xl/sharedStrings.xml', content: sharedStringsXml(texts) }]);
    expect(zip.length).toBeLessThan(1024 * 1024);
    await checkXlsx(zip);
    const e = await refusal(readImportRows('xlsx', zip));
    expect(e.status).toBe(400);
    expect(e.errors?.[0].message).toContain('文件中的文字总量过大');
  });

  it('refuses a zip whose parts together unpack to more than 512 MiB', async () => {
    const parts = Array.from({ length: 520 }, (_, i) => ({ name: `xl/media/${i}.bin`, content: 'x', declaredSize: 1024 * 1024 }));
    const e = await refusal(checkXlsx(buildZip([{ name: 'xl/workbook.xml', content: '<workbook/>' }, ...parts])));
    expect(e.errors?.[0].message).toContain('压缩炸弹');
  });
});

describe('Excel escapes in text', () => {
  it('decodes _x000D_ (a line break Excel wrote) and keeps a typed _x000D_ written as _x005F_x000D_', async () => {
    const sheet = sheetXml(`<row r="1">${inlineCell('A1', '第一行_x000D_\n第二行')}${inlineCell('B1', '编号_x005F_x000D_')}</row>`);
    const zip = buildXlsx(sheet, [{ name: 'xl/sharedStrings.xml', content: sharedStringsXml(['甲_x000D_\n乙']) }]);
    expect(await readImportRows('xlsx', zip)).toEqual([{ row: 1, cells: ['第一行\r\n第二行', '编号_x000D_'] }]);
    const shared = buildXlsx(sheetXml(`<row r="1">${sharedCell('A1', 0)}</row>`), [
      { name: 'xl/sharedStrings.xml', content: sharedStringsXml(['甲_x000D_\n乙']) },
    ]);
    expect(await readImportRows('xlsx', shared)).toEqual([{ row: 1, cells: ['甲\r\n乙'] }]);
  });

  it('refuses a control character hidden in an escape, as a typed one', async () => {
    const [row] = await readImportRows('xlsx', buildXlsx(sheetXml(`<row r="1">${inlineCell('A1', '张_x0000_三')}</row>`)));
    expect(row.cells[0]).toEqual({ problem: CONTROL });
  });

  it('leaves CSV text alone: it has no such escapes', async () => {
    expect(await readImportRows('csv', new TextEncoder().encode('编号_x000D_\n'))).toEqual([{ row: 1, cells: ['编号_x000D_'] }]);
  });
});
