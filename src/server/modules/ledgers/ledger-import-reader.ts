// Reads the rows of an import file, checked beforehand by ledger-import-file.ts: .xlsx through exceljs's
// streaming worksheet reader (the sheet 填报, else the first visible worksheet), .csv through csv-parse. Formulas
// are never evaluated: a formula cell gives its cached result, and a formula that reads another workbook refuses
// the file.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { invalid } from '../../http/app-error.js';
import type { Cell } from './ledger-excel-columns.js';
import { decodeImportCsv, zipEntries, zipEntryStream, type ImportFileKind } from './ledger-import-file.js';

export interface SheetRow {
  /** The row number Excel shows (CSV: the line number). */
  row: number;
  cells: Cell[];
}

export const DATA_SHEET = '填报';

// '[1]Sheet1'!A1, [Book.xlsx]Sheet1!A1, 'C:\dir\[Book.xlsx]Sheet1'!A1: a bracketed workbook before a sheet and '!'.
const EXTERNAL_REFERENCE = /\[[^[\]]+\][^[\]!]*!/;

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim();
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
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join('').trim();
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

const unreadable = () => invalid([{ field: 'file', message: '文件不是有效的 Excel 工作簿' }], '文件无法解析');

/**
 * The rows of the sheet named 填报 (else of the first sheet), one chunk at a time as exceljs parses them, so a
 * large file is never held as cells all at once.
 */
async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<SheetRow[]> {
  const entries = new Map(zipEntries(bytes).map((e) => [e.name.toLowerCase(), e]));
  const part = (name: string) => {
    const entry = entries.get(name.toLowerCase());
    return entry && zipEntryStream(bytes, entry);
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  }) as unknown as WorkbookParts;
  const rels = part('xl/_rels/workbook.xml.rels');
  const book = part('xl/workbook.xml');
  if (!rels || !book) throw unreadable();
  await reader._parseRels(rels);
  await reader._parseWorkbook(book);
  const sharedStrings = part('xl/sharedStrings.xml');
  if (sharedStrings) for await (const _ of reader._parseSharedStrings(sharedStrings)); // fills the reader's cache
  const styles = part('xl/styles.xml'); // number formats tell dates from numbers
  if (styles) await reader._parseStyles(styles);

  // The sheet 填报, else the first visible worksheet in tab order (not a chart sheet, not a hidden tab).
  const pathOf = (rId: string) => partPath(reader.workbookRels?.find((r) => r.Id === rId)?.Target);
  const sheets = (reader.model?.sheets ?? []).map((s) => ({ ...s, path: pathOf(s.rId) }));
  const sheet = sheets.find((s) => s.name === DATA_SHEET)
    ?? sheets.find((s) => !s.state?.toLowerCase().includes('hidden') && /^xl\/worksheets\//i.test(s.path ?? ''));
  const path = sheet?.path;
  const content = path && part(path);
  if (!content) throw unreadable();
  const sheetNo = /sheet(\d+)\.xml$/i.exec(path)?.[1] ?? '1';
  const [{ value: worksheet }] = [...reader._parseWorksheet(content, sheetNo)];
  // parse() hands over the rows of each parsed chunk together: one await per chunk, not per row.
  const chunks = (worksheet as unknown as { parse(): AsyncIterable<{ eventType: string; value: ExcelJS.Row }[]> }).parse();
  for await (const events of chunks) {
    const batch: SheetRow[] = [];
    for (const { eventType, value: row } of events) {
      if (eventType !== 'row') continue;
      const values = row.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
      if (!isBlank(cells)) batch.push({ row: row.number, cells });
    }
    if (batch.length) yield batch;
  }
}

function* csvRows(bytes: Uint8Array): Generator<SheetRow[]> {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decodeImportCsv(bytes), { relax_column_count: true, trim: true, info: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    throw invalid([{ field: 'file', message: `CSV 格式错误：${(e as Error).message}` }], '文件无法解析');
  }
  yield records.filter(({ record }) => !isBlank(record)).map(({ record, info }) => ({ row: info.lines, cells: record }));
}

/**
 * The non-blank rows of an import file (checked beforehand by ledger-import-file.ts), header rows included, in
 * batches as they are parsed.
 */
export function importRows(kind: ImportFileKind, bytes: Uint8Array): AsyncIterable<SheetRow[]> | Iterable<SheetRow[]> {
  return kind === 'xlsx' ? xlsxRows(bytes) : csvRows(bytes);
}
