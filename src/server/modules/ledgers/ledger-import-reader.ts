// Reads the rows of an import file, checked beforehand by ledger-import-file.ts: .xlsx through exceljs's
// streaming worksheet reader (the sheet 填报, else the first visible worksheet), .csv through csv-parse. Formulas
// are never evaluated: a formula cell gives its cached result, and a formula that reads another workbook refuses
// the file. Text that could not have been meant (U+FFFD, characters XML forbids) is a problem cell, never a value.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { AppError, invalid } from '../../http/app-error.js';
import type { Cell } from './ledger-excel-columns.js';
import { decodeImportCsv, zipEntries, zipEntryText, type ImportFileKind } from './ledger-import-file.js';

export interface SheetRow {
  /** The row number Excel shows (CSV: the line number). */
  row: number;
  cells: Cell[];
}

export const DATA_SHEET = '填报';

// '[1]Sheet1'!A1, [Book.xlsx]Sheet1!A1, 'C:\dir\[Book.xlsx]Sheet1'!A1: a bracketed workbook before a sheet and '!'.
const EXTERNAL_REFERENCE = /\[[^[\]]+\][^[\]!]*!/;

// U+FFFD is what a decoder writes for bytes it could not read (and what the .xlsx reading writes for characters
// XML forbids); XML-illegal characters and lone surrogates would make every later export unreadable, and NUL
// cannot be stored in PostgreSQL's JSONB at all. SUSPECT is the one test most cells pay; paired surrogates
// (𠀀, emoji) pass the second look.
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFD-\uFFFF]/;
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;

/** A cell's text, or the problem that refuses it. */
function textCell(text: string): Cell {
  if (SUSPECT.test(text)) {
    if (text.includes('\uFFFD')) return { problem: '含无法识别的字符（文件编码损坏）' };
    if (ILLEGAL.test(text)) return { problem: '含不允许的控制字符（如 NUL、U+FFFF）' };
  }
  return text.trim();
}

/**
 * An .xlsx string with its `_xHHHH_` escapes decoded: Excel writes a line break's carriage return as `_x000D_`
 * (and a literal `_x` as `_x005F_x`), which the streaming reader leaves in the text. One left-to-right pass, so
 * `_x005F_x000D_` becomes the typed text `_x000D_`.
 */
export function decodeXlsxEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return textCell(decodeXlsxEscapes(value));
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = String(v.formula ?? '');
    if (EXTERNAL_REFERENCE.test(formula)) {
      throw invalid([{ field: 'file', message: `公式“=${formula.slice(0, 60)}”引用了其他工作簿，请粘贴为数值后再导入` }], '文件含外部链接');
    }
    const result = v.result;
    if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) {
      return { problem: '是公式但没有计算结果，请在 Excel 中重新计算保存，或粘贴为数值' };
    }
    if (typeof result === 'object' && 'error' in (result as object)) return { problem: `公式结果是错误值 ${(result as { error: string }).error}` };
    return cellOf(result);
  }
  if ('error' in v) return { problem: `是错误值 ${String(v.error)}` };
  if (Array.isArray(v.richText)) return textCell(decodeXlsxEscapes((v.richText as { text: string | null }[]).map((r) => r.text ?? '').join('')));
  if ('text' in v) return cellOf(v.text);
  return String(value);
}

const isBlank = (cells: Cell[]) => cells.every((c) => c === null || c === '');

/**
 * The private parts of exceljs's streaming WorkbookReader this module drives. Its own `parse()` walks the zip with
 * unzipper's streaming parser, which drops entries while the reader awaits between them, so `xl/workbook.xml`
 * (written last by exceljs and others) is sometimes never seen and the read fails (exceljs#3064: 1 in ~2,000 reads
 * of a small file under load here). The file is already in memory and its central directory checked, so each
 * part is opened by name instead, and the worksheet still streams.
 */
interface WorkbookParts {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string; state?: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Iterable<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
}

/**
 * The zip path of a part a workbook relationship targets: relative to xl/workbook.xml ("worksheets/sheet1.xml",
 * "./worksheets/…", "../xl/worksheets/…") or absolute ("/xl/worksheets/sheet1.xml"), percent-encoded, with
 * backslashes as some tools write them.
 */
function partPath(target: string | undefined): string | undefined {
  if (!target) return undefined;
  try {
    return decodeURIComponent(new URL(target.replace(/\\/g, '/'), 'zip:///xl/workbook.xml').pathname).slice(1);
  } catch {
    return undefined;
  }
}

const unreadable = (message = '文件不是有效的 Excel 工作簿') => invalid([{ field: 'file', message }], '文件无法解析');

const outOfRange = () =>
  invalid(
    [{ field: 'file', message: '单元格位置超出 Excel 的范围（最多 XFD 列、第 1048576 行），文件可能是伪造的，已拒绝导入' }],
    '文件异常，已拒绝导入',
  );

/**
 * What exceljs or its XML parser (saxes) throws on a file no spreadsheet tool writes, as a 400 in Chinese: a
 * file's content is never a server error. Our own refusals (AppError) pass as they are.
 */
function fileErrorOf(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : '';
  if (/Out of bounds/.test(message)) return outOfRange();
  if (/disallowed character|malformed character entity/.test(message)) {
    return unreadable('文件中含有 XML 不允许的字符（如 &#0; 或 &#xFFFF;），文件可能已损坏，请用 Excel 重新保存后再导入');
  }
  return unreadable('文件不是有效的 Excel 工作簿（内容无法解析），请用 Excel 重新保存后再导入');
}

async function parsing<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw fileErrorOf(error);
  }
}

/** The items of exceljs's iterable, its errors as file errors (an error in the caller's loop body is not touched). */
async function* parsed<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    for await (const item of source) yield item;
  } catch (error) {
    throw fileErrorOf(error);
  }
}

// Parts exceljs holds whole in memory (relationships, workbook, styles) are at most this many characters:
// real ones are far smaller (styles.xml of a heavily formatted workbook: a few MB).
const PART_CHARS = 16 * 1024 * 1024;

/**
 * The most characters the shared strings may decode to. exceljs keeps every shared string in memory, so this
 * bounds what one upload can claim. It is counted on the part's decoded XML as it streams (never less than the
 * text it holds: markup and entities only add), and the file is refused the moment it passes. 16 characters per
 * byte of this file, which ZHENWU_IMPORT_MAX_BYTES caps (ledgers measured 0.5–13, the high end for near-identical
 * remarks that deflate well); at least 16 Mi, so that a small file is never refused for its text; at most 64 Mi,
 * 4 per byte of the default 20 MB upload or ~330 characters of distinct text in each of the default 200,000
 * rows: a few hundred MB of strings at worst, where a 6.8 MB file once had 950 MB of text read.
 */
export function sharedTextLimit(fileBytes: number): number {
  return Math.min(64 * 1024 * 1024, Math.max(16 * 1024 * 1024, 16 * fileBytes));
}

// Excel's grid: columns A…XFD, rows 1…1048576. exceljs refuses columns past XFD itself.
const MAX_ROW = 1_048_576;

/**
 * The rows of the sheet named 填报 (else of the first sheet), one chunk at a time as exceljs parses them, so a
 * large file is never held as cells all at once.
 */
async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<SheetRow[]> {
  const entries = new Map(zipEntries(bytes).map((e) => [e.name.toLowerCase(), e]));
  const part = (name: string, maxChars = PART_CHARS) => {
    const entry = entries.get(name.toLowerCase());
    return entry && zipEntryText(bytes, entry, maxChars);
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as WorkbookParts;
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (!rels || !book) throw unreadable();
  await parsing(reader._parseRels(rels));
  await parsing(reader._parseWorkbook(book));
  const sharedStrings = part('xl/sharedStrings.xml', sharedTextLimit(bytes.length));
  if (sharedStrings) for await (const _ of parsed(reader._parseSharedStrings(sharedStrings))); // fills the reader's cache
  const styles = part('xl/styles.xml'); // number formats tell dates from numbers
  if (styles) await parsing(reader._parseStyles(styles));

  // The sheet 填报, else the first visible worksheet in tab order (not a chart sheet, not a hidden tab).
  const pathOf = (rId: string) => partPath(reader.workbookRels?.find((r) => r.Id === rId)?.Target);
  const sheets = (reader.model?.sheets ?? []).map((s) => ({ ...s, path: pathOf(s.rId) }));
  const sheet =
    sheets.find((s) => s.name === DATA_SHEET) ??
    sheets.find((s) => !s.state?.toLowerCase().includes('hidden') && /^xl\/worksheets\//i.test(s.path ?? ''));
  const path = sheet?.path;
  const content = path && part(path, Infinity); // streamed, never held whole
  if (!content) throw unreadable();
  const sheetNo = /sheet(\d+)\.xml$/i.exec(path)?.[1] ?? '1';
  const [{ value: worksheet }] = [...reader._parseWorksheet(content, sheetNo)];
  // parse() hands over the rows of each parsed chunk together: one await per chunk, not per row.
  const chunks = (worksheet as unknown as { parse(): AsyncIterable<{ eventType: string; value: ExcelJS.Row }[]> }).parse();
  for await (const events of parsed(chunks)) {
    const batch: SheetRow[] = [];
    for (const { eventType, value: row } of events) {
      if (eventType !== 'row') continue;
      if (!Number.isInteger(row.number)) throw unreadable('文件中有缺少行号的行，请用 Excel 重新保存后再导入');
      if (row.number < 1 || row.number > MAX_ROW) throw outOfRange();
      // Sparse as exceljs holds them: a lone cell in column XFD costs one cell, not 16,384.
      const cells: Cell[] = [];
      (row.values as unknown[]).forEach((value, i) => {
        if (i > 0) cells[i - 1] = cellOf(value);
      });
      if (!isBlank(cells)) batch.push({ row: row.number, cells });
    }
    if (batch.length) yield batch;
  }
}

function* csvRows(bytes: Uint8Array): Generator<SheetRow[]> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decodeImportCsv(bytes), {
      relax_column_count: true,
      trim: true,
      info: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (e) {
    throw invalid([{ field: 'file', message: `CSV 格式错误：${(e as Error).message}` }], '文件无法解析');
  }
  yield records.filter(({ record }) => !isBlank(record)).map(({ record, info }) => ({ row: info.lines, cells: record.map(textCell) }));
}

/**
 * The non-blank rows of an import file (checked beforehand by ledger-import-file.ts), header rows included, in
 * batches as they are parsed.
 */
export function importRows(kind: ImportFileKind, bytes: Uint8Array): AsyncIterable<SheetRow[]> | Iterable<SheetRow[]> {
  return kind === 'xlsx' ? xlsxRows(bytes) : csvRows(bytes);
}
