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

const tooManyRows = (limit: number) =>
  invalid([{ field: 'file', message: `文件超过 ${limit.toLocaleString('en-US')} 行数据，请拆分成多个文件导入` }], '文件行数超过上限');

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

export interface ReadOptions {
  maxRows: number;
  /** Called every few thousand rows with the number read so far. */
  onProgress?: (rows: number) => void;
}

async function readXlsx(bytes: Uint8Array, options: ReadOptions): Promise<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
  });
  let chosen: SheetRow[] | null = null;
  let chosenByName = false;
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name;
    const wanted = !chosenByName && (name === DATA_SHEET || chosen === null);
    const rows: SheetRow[] = [];
    let data = 0;
    for await (const row of sheet) {
      if (!wanted) continue;
      const values = row.values as unknown[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
      if (isBlank(cells)) continue;
      rows.push({ row: row.number, cells });
      // The header row and a title row above it do not count against the limit.
      if (++data > options.maxRows + 10) throw tooManyRows(options.maxRows);
      if (data % 5000 === 0) options.onProgress?.(data);
    }
    if (wanted) {
      chosen = rows;
      chosenByName = name === DATA_SHEET;
    }
  }
  return chosen ?? [];
}

function readCsv(bytes: Uint8Array, options: ReadOptions): SheetRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decodeImportCsv(bytes), { relax_column_count: true, trim: true, info: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    throw invalid([{ field: 'file', message: `CSV 格式错误：${(e as Error).message}` }], '文件无法解析');
  }
  if (records.length > options.maxRows + 10) throw tooManyRows(options.maxRows);
  const rows: SheetRow[] = [];
  for (const { record, info } of records) {
    const cells = record.map((c) => c);
    if (!isBlank(cells)) rows.push({ row: info.lines, cells });
  }
  return rows;
}

export async function readImportRows(kind: ImportFileKind, bytes: Uint8Array, options: ReadOptions): Promise<SheetRow[]> {
  return kind === 'xlsx' ? readXlsx(bytes, options) : readCsv(bytes, options);
}
