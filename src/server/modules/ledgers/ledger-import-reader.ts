// Reads the rows of an import file, checked beforehand by ledger-import-file.ts: .xlsx through exceljs's
// streaming reader (the sheet 填报, else the first sheet), .csv through csv-parse. Formulas are never evaluated:
// a formula cell gives its cached result, and a formula that reads another workbook refuses the file.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { invalid } from '../../http/app-error.js';
import type { Cell } from './ledger-excel-columns.js';
import { decodeImportCsv, type ImportFileKind } from './ledger-import-file.js';

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
 * The rows of the sheet named 填报 (else of the first sheet), one at a time as exceljs's streaming reader parses
 * them, so a large file is never held as cells all at once.
 */
async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  let target: string | undefined | null = null;
  let read = false;
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name;
    if (target === null) {
      // workbook.xml (the sheet names) comes before the sheets in the zip.
      const names = ((reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? []).map((s) => s.name);
      target = names.includes(DATA_SHEET) ? DATA_SHEET : name;
    }
    const wanted = !read && name === target;
    // parse() hands over the rows of each parsed chunk together: one await per chunk, not per row.
    const chunks = (sheet as unknown as { parse(): AsyncIterable<{ eventType: string; value: ExcelJS.Row }[]> }).parse();
    for await (const events of chunks) {
      if (!wanted) continue;
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
    if (wanted) read = true;
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
