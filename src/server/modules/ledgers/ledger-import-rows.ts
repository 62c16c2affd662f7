// Turns the rows of an import file into record values, every problem of every row listed with its row number
// (as Excel shows it), column header, cell value and a Chinese reason. Uniqueness against stored records is the
// service's to check; here: cells, the shared validator, org units in the user's scope, duplicates within the file.
import { FIELD_TYPE_NAMES, validateValues, type FieldDefinition, type RecordValues } from '../../../core/ledger-fields.js';
import { parsePeriod, periodLabel, PERIOD_TYPE_NAMES, type Period, type PeriodType } from '../../../core/periods.js';
import { chinaToday } from '../../../core/china-time.js';
import { invalid } from '../../http/app-error.js';
import {
  cellToValue,
  headerOf,
  headerScore,
  mapColumns,
  PERIOD_HEADER,
  UNIT_HEADER,
  type Cell,
  type ColumnMap,
  type UnitDirectory,
} from './ledger-excel-columns.js';
import type { SheetRow } from './ledger-import-reader.js';
import type { ParsedRow, RowError } from './ledger-import-store.js';
import type { TownshipUnit } from './ledger-import.repository.js';

export interface RowContext {
  fields: FieldDefinition[];
  periodType: PeriodType | null;
  units: UnitDirectory;
  /** Why the user may not enter a record for the unit (in the period, for a periodic ledger), or null. */
  unitProblem: (unit: TownshipUnit, period: Period | null) => string | null;
  maxRows: number;
}

const PERIOD_EXAMPLES: Record<PeriodType, string> = {
  day: '20220615',
  week: '2022W24',
  month: '202206',
  quarter: '2022Q2',
  half: '2022S1',
  year: '2022',
};

const cellText = (cell: Cell): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'object') return '';
  return String(cell);
};

/** A cell the reader could not use (a formula without result, unreadable characters). */
const isProblem = (cell: Cell): cell is { problem: string } => typeof cell === 'object' && cell !== null && !(cell instanceof Date);

/** The header row (within the first ten rows, the one most like the ledger's headers) and the columns it names. */
export function findHeader(rows: SheetRow[], context: RowContext): { index: number; map: ColumnMap } {
  let best = -1;
  let bestScore = 0;
  rows.slice(0, 10).forEach((r, i) => {
    const score = headerScore(r.cells, context.fields);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  if (best < 0) {
    throw invalid([{ field: 'file', row: rows[0]?.row ?? 1, message: '没有找到表头行：请使用本台账的导入模板，第一行为列名' }], '文件表头不正确');
  }
  const map = mapColumns(rows[best].cells, context.fields);
  const missing: string[] = [];
  if (map.unit < 0) missing.push(UNIT_HEADER);
  if (context.periodType && map.period < 0) missing.push(PERIOD_HEADER);
  const present = new Set(map.fields.map((f) => f.field.key));
  for (const f of context.fields) {
    if (f.required && !f.when && !f.retired && !present.has(f.key) && f.type !== 'photos' && f.type !== 'user') missing.push(headerOf(f));
  }
  if (missing.length) {
    throw invalid(
      missing.map((name) => ({ field: 'file', row: rows[best].row, message: `缺少必填列“${name}”` })),
      '文件缺少必填列',
    );
  }
  return { index: best, map };
}

function periodOfCell(cell: Cell, type: PeriodType): { period?: string; problem?: string } {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10).replaceAll('-', '') : cellText(cell).replace(/[\s-]/g, '').toUpperCase();
  const period = parsePeriod(text);
  if (!period || period.type !== type) {
    return { problem: `应为${PERIOD_TYPE_NAMES[type]}期间，例如 ${PERIOD_EXAMPLES[type]}` };
  }
  // As in the grid entry: a period that has not begun cannot have figures yet.
  if (period.start > chinaToday()) return { problem: `${periodLabel(period)}尚未开始，不能填报` };
  return { period: period.id };
}

export interface ValidatedRows {
  rows: ParsedRow[];
  errors: RowError[];
  /** Rows (by number) with at least one error. */
  badRows: Set<number>;
  ignoredColumns: string[];
  dataRows: number;
}

const HEADER_SEARCH_ROWS = 10;

/**
 * Validates every data row as the reader hands over its batches (the file is never held as cells all at once);
 * `onProgress` gets the rows done every 2,000 rows, after yielding to the event loop so that a large file does
 * not hold up other requests. More data rows than `maxRows` stop the reading with a 400.
 */
export async function validateRows(
  source: AsyncIterable<SheetRow[]> | Iterable<SheetRow[]>,
  context: RowContext,
  onProgress?: (done: number) => void,
): Promise<ValidatedRows> {
  const head: SheetRow[] = [];
  let map: ColumnMap | undefined;
  const errors: RowError[] = [];
  const badRows = new Set<number>();
  const rows: ParsedRow[] = [];
  const fail = (row: number, column: string, value: string, message: string) => {
    errors.push({ row, column, value, message });
    badRows.add(row);
  };
  const headers = new Map(context.fields.map((f) => [f.key, headerOf(f)]));
  const unitProblems = new Map<string, string | null>();
  const problemOf = (u: TownshipUnit, period: string | null) => {
    const key = `${u.id}|${period ?? ''}`;
    if (!unitProblems.has(key)) unitProblems.set(key, context.unitProblem(u, period ? parsePeriod(period) : null));
    return unitProblems.get(key)!;
  };
  const firstRowOf = new Map<string, number>();

  let dataRows = 0;
  const check = ({ row, cells }: SheetRow, map: ColumnMap) => {
    const unitCell = cells[map.unit] ?? null;
    let found: TownshipUnit | undefined;
    const unitText = cellText(unitCell);
    if (isProblem(unitCell)) fail(row, UNIT_HEADER, '', `${UNIT_HEADER}${unitCell.problem}`);
    else if (!unitText) fail(row, UNIT_HEADER, '', '请填写组织单元');
    else {
      const resolved = context.units.resolve(unitText);
      if (resolved.problem) fail(row, UNIT_HEADER, unitText, resolved.problem);
      else found = resolved.unit!;
    }
    let period: string | null = null;
    if (context.periodType) {
      const periodCell = cells[map.period] ?? null;
      const text = cellText(periodCell);
      if (isProblem(periodCell)) fail(row, PERIOD_HEADER, '', `${PERIOD_HEADER}${periodCell.problem}`);
      else if (!text && !(periodCell instanceof Date)) fail(row, PERIOD_HEADER, '', '请填写期间');
      else {
        const p = periodOfCell(cells[map.period] ?? null, context.periodType);
        if (p.problem) fail(row, PERIOD_HEADER, text, p.problem);
        else period = p.period!;
      }
    }
    // the unit is checked as the form and the grid check it; a periodic row needs its period for that
    let unit: ParsedRow | undefined;
    if (found && (period || !context.periodType)) {
      const problem = problemOf(found, period);
      if (problem) fail(row, UNIT_HEADER, unitText, problem);
      else unit = { row, unitId: found.id, unitCode: found.code, unitName: found.name, unitPath: found.path, period: null, values: {} };
    }
    const raw: RecordValues = {};
    const cellProblems = new Set<string>();
    for (const { index: col, field } of map.fields) {
      const cell = cells[col] ?? null;
      const { value, problem } = cellToValue(field, cell, context.units);
      if (problem) {
        fail(row, headers.get(field.key)!, cellText(cell), `${field.label}${problem}`);
        cellProblems.add(field.key);
      } else if (value !== undefined) raw[field.key] = value;
    }
    const result = validateValues(context.fields, raw);
    for (const e of result.errors) {
      if (cellProblems.has(e.field)) continue;
      fail(row, headers.get(e.field) ?? e.field, cellText(cells[map.fields.find((c) => c.field.key === e.field)?.index ?? -1] ?? null), e.message);
    }
    for (const { field } of map.fields) {
      if (!field.unique) continue;
      const value = result.values[field.key];
      if (value === undefined) continue;
      const key = `${field.key}\u0000${JSON.stringify(value)}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) fail(row, headers.get(field.key)!, String(value), `${field.label}与第 ${first} 行重复`);
      else firstRowOf.set(key, row);
    }
    if (unit && period) {
      const key = `period\u0000${unit.unitId}|${period}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) fail(row, PERIOD_HEADER, period, `“${unit.unitName}”${period} 与第 ${first} 行重复`);
      else firstRowOf.set(key, row);
    }
    if (unit && !badRows.has(row)) rows.push({ ...unit, period, values: result.values });
  };
  const take = (r: SheetRow, columns: ColumnMap) => {
    if (++dataRows > context.maxRows) {
      throw invalid(
        [{ field: 'file', message: `文件的数据超过 ${context.maxRows.toLocaleString('en-US')} 行的上限，请拆分后导入` }],
        '文件行数超过上限',
      );
    }
    check(r, columns);
  };

  let reported = 0;
  for await (const batch of source) {
    for (const r of batch) {
      if (map) take(r, map);
      else {
        // The header is the most header-like of the first rows; the rows after it are data.
        head.push(r);
        if (head.length < HEADER_SEARCH_ROWS) continue;
        const found = findHeader(head, context);
        map = found.map;
        for (const d of head.slice(found.index + 1)) take(d, map);
      }
    }
    if (dataRows - reported >= 2000) {
      reported = dataRows;
      onProgress?.(dataRows);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (!map) {
    if (head.length === 0) throw invalid([{ field: 'file', message: '文件中没有数据行' }], '文件中没有数据');
    const found = findHeader(head, context);
    map = found.map;
    for (const d of head.slice(found.index + 1)) take(d, map);
  }
  if (dataRows === 0) throw invalid([{ field: 'file', message: '文件中没有数据行' }], '文件中没有数据');
  onProgress?.(dataRows);
  return { rows, errors, badRows, ignoredColumns: map.ignored, dataRows };
}

/** Describes a field for the instructions sheet: type, rules and condition in Chinese. */
export function fieldRules(field: FieldDefinition, fields: FieldDefinition[]): { type: string; rules: string; condition: string } {
  const rules: string[] = [];
  if (field.unique) rules.push('在台账内不能重复');
  if (field.min !== undefined) rules.push(`不小于 ${field.min}${field.unit ?? ''}`);
  if (field.max !== undefined) rules.push(`不大于 ${field.max}${field.unit ?? ''}`);
  if (field.type === 'decimal' && field.decimals !== undefined) rules.push(`最多 ${field.decimals} 位小数`);
  if (field.minDate) rules.push(`不早于 ${field.minDate}`);
  if (field.maxDate) rules.push(`不晚于 ${field.maxDate}`);
  if (field.maxLength) rules.push(`不超过 ${field.maxLength} 个字`);
  if (field.pattern) rules.push(field.patternMessage ?? `格式：${field.pattern}`);
  const formats: Partial<Record<FieldDefinition['type'], string>> = {
    date: '格式 2022-06-15',
    datetime: '格式 2022-06-15 08:30',
    boolean: '填“是”或“否”',
    multichoice: '多个选项用“、”隔开',
    idcard: '18 位，校验位正确；单元格为文本格式',
    mobile: '11 位手机号',
    uscc: '18 位统一社会信用代码',
    orgunit: '填组织单元名称或代码',
  };
  if (formats[field.type]) rules.push(formats[field.type]!);
  let condition = '';
  if (field.when) {
    const target = fields.find((f) => f.key === field.when!.field);
    const values = (Array.isArray(field.when.equals) ? field.when.equals : [field.when.equals]).map((v) =>
      v === true ? '是' : v === false ? '否' : String(v),
    );
    condition = `仅当“${target?.label ?? field.when.field}”为“${values.join('或')}”时填写`;
  }
  return { type: FIELD_TYPE_NAMES[field.type], rules: rules.join('；'), condition };
}
