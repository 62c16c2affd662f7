// How a ledger looks in Excel, shared by the template, the import and the export: one column per field with
// the label cadres know (a * for required, the unit in brackets), org units by name, cells to values and back.
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import type { TownshipUnit } from './ledger-import.repository.js';

export const UNIT_HEADER = '组织单元';
export const PERIOD_HEADER = '期间';

/** Field types an Excel cell cannot carry: files, and users (picked in the browser). */
const NOT_IN_EXCEL = new Set(['photos', 'user']);

export function excelFields(fields: FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => !f.retired && !NOT_IN_EXCEL.has(f.type));
}

export function headerOf(field: FieldDefinition): string {
  return `${field.label}${field.required ? '*' : ''}${field.unit ? `（${field.unit}）` : ''}`;
}

/** A header cell as compared: no spaces, no required mark, no trailing "(unit)". */
export function normalizeHeader(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[*＊]/g, '')
    .replace(/[（(][^（()）]*[)）]$/, '');
}

export interface ColumnMap {
  unit: number;
  period: number;
  /** Column index (0-based) of each field found. */
  fields: { index: number; field: FieldDefinition }[];
  ignored: string[];
}

/** Maps a header row to the ledger's columns: labels tolerate the * and the unit; field keys match too. */
export function mapColumns(header: unknown[], fields: FieldDefinition[]): ColumnMap {
  const byName = new Map<string, FieldDefinition>();
  for (const f of excelFields(fields)) {
    byName.set(f.key, f);
    byName.set(normalizeHeader(f.label), f);
    byName.set(f.label.replace(/\s+/g, ''), f);
  }
  const map: ColumnMap = { unit: -1, period: -1, fields: [], ignored: [] };
  const taken = new Set<string>();
  header.forEach((cell, index) => {
    const raw = cell == null ? '' : String(cell).trim();
    if (!raw) return;
    const name = normalizeHeader(raw);
    if ((name === UNIT_HEADER || name === '组织单元代码' || name === '村（社区）' || name === '村(社区)') && map.unit < 0) map.unit = index;
    else if (name === PERIOD_HEADER && map.period < 0) map.period = index;
    else {
      const field = byName.get(name) ?? byName.get(raw.replace(/\s+/g, ''));
      if (field && !taken.has(field.key)) {
        taken.add(field.key);
        map.fields.push({ index, field });
      } else map.ignored.push(raw);
    }
  });
  return map;
}

/** How many cells of a row look like the ledger's headers (to find the header row under a title row). */
export function headerScore(row: unknown[], fields: FieldDefinition[]): number {
  const map = mapColumns(row, fields);
  return map.fields.length + (map.unit >= 0 ? 1 : 0) + (map.period >= 0 ? 1 : 0);
}

// ---- org units ----------------------------------------------------------------------------------------------

/**
 * The township's units as cells name them: a name where it is unique in the township, else "村名/组名", else
 * "名称（代码）"; a 12–18 digit code always works.
 */
export class UnitDirectory {
  private readonly byCode = new Map<string, TownshipUnit>();
  private readonly byLabel = new Map<string, TownshipUnit>();
  private readonly byName = new Map<string, TownshipUnit[]>();
  private readonly labels = new Map<number, string>();

  constructor(units: TownshipUnit[]) {
    for (const u of units) {
      this.byCode.set(u.code, u);
      const list = this.byName.get(u.name) ?? [];
      list.push(u);
      this.byName.set(u.name, list);
    }
    const live = (list: TownshipUnit[]) => list.filter((u) => !u.validTo);
    const pathCount = new Map<string, number>();
    for (const u of units) {
      const key = `${u.parentName ?? ''}/${u.name}`;
      if (!u.validTo) pathCount.set(key, (pathCount.get(key) ?? 0) + 1);
    }
    for (const u of units) {
      const sameName = live(this.byName.get(u.name)!);
      const pathLabel = `${u.parentName ?? ''}/${u.name}`;
      const label = sameName.length <= 1 ? u.name : u.parentName && pathCount.get(pathLabel) === 1 ? pathLabel : `${u.name}（${u.code}）`;
      this.labels.set(u.id, label);
      if (!u.validTo || !this.byLabel.has(label)) this.byLabel.set(label, u);
    }
  }

  label(unit: { id: number }): string {
    return this.labels.get(unit.id) ?? '';
  }

  unitOfCode(code: string): TownshipUnit | undefined {
    return this.byCode.get(code);
  }

  /** The unit a cell names, or a Chinese reason. Closed units are returned (the caller refuses them by name). */
  resolve(cell: string): { unit?: TownshipUnit; problem?: string } {
    const text = cell.trim().replace(/\s+/g, '');
    if (/^\d{12}(\d{3}){0,2}$/.test(text)) {
      const unit = this.byCode.get(text);
      return unit ? { unit } : { problem: `组织单元代码“${text}”不属于本镇` };
    }
    const coded = /[（(](\d{12}(?:\d{3}){0,2})[)）]$/.exec(text);
    if (coded) return this.resolve(coded[1]);
    const labelled = this.byLabel.get(text) ?? this.byLabel.get(text.replace('／', '/'));
    if (labelled) return { unit: labelled };
    const named = (this.byName.get(text) ?? []).filter((u) => !u.validTo);
    if (named.length === 1) return { unit: named[0] };
    if (named.length > 1) return { problem: `“${text}”对应多个组织单元，请写成“村名/组名”或填写代码` };
    const closed = this.byName.get(text);
    if (closed?.length) return { unit: closed[0] };
    return { problem: `本镇没有名为“${text}”的组织单元` };
  }
}

// ---- cells ------------------------------------------------------------------------------------------------

/** A cell as the readers hand it over; `problem` marks a cell that cannot be used (a formula without result). */
export type Cell = string | number | boolean | Date | null | { problem: string };

const pad = (n: number) => String(n).padStart(2, '0');
// exceljs reads Excel's wall-clock dates as UTC instants.
const dayOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const timeOf = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** 2022/6/5, 2022.6.5, 2022年6月5日, 20220605 → 2022-06-05; anything else unchanged. */
export function normalizeDateText(text: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(.*)$/.exec(text.trim()) ?? /^(\d{4})(\d{2})(\d{2})()$/.exec(text.trim());
  if (!m) return text;
  const rest = m[4].trim();
  return `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}${rest ? ` ${rest}` : ''}`;
}

/** Excel's serial day number (1900 date system) as a date, for date cells that lost their format. */
function serialDate(n: number): Date {
  return new Date(Math.round((n - 25569) * 86_400_000));
}

/**
 * A cell as the value the shared validator expects for the field, or a problem of its own. Empty cells are
 * undefined. Numbers that Excel made of ID numbers have lost digits and are refused, never guessed.
 */
export function cellToValue(field: FieldDefinition, cell: Cell, units: UnitDirectory): { value?: unknown; problem?: string } {
  if (cell === null || cell === '') return {};
  if (typeof cell === 'object' && !(cell instanceof Date)) return { problem: cell.problem };
  switch (field.type) {
    case 'date':
      if (cell instanceof Date) return { value: dayOf(cell) };
      if (typeof cell === 'number' && cell > 0 && cell < 2_958_466) return { value: dayOf(serialDate(cell)) };
      return { value: normalizeDateText(String(cell)) };
    case 'datetime':
      if (cell instanceof Date) return { value: `${dayOf(cell)} ${timeOf(cell)}` };
      if (typeof cell === 'number' && cell > 0 && cell < 2_958_466) {
        const d = serialDate(cell);
        return { value: `${dayOf(d)} ${timeOf(d)}` };
      }
      return { value: normalizeDateText(String(cell)) };
    case 'idcard':
    case 'uscc':
      if (typeof cell === 'number' && cell >= 1e15) return { problem: '被 Excel 存成了数字，末几位已丢失，请把该列设为“文本”格式后重新填写' };
      return { value: cell instanceof Date ? dayOf(cell) : String(cell) };
    case 'boolean':
      if (typeof cell === 'number' && (cell === 0 || cell === 1)) return { value: cell === 1 };
      return { value: typeof cell === 'boolean' ? cell : String(cell) };
    case 'integer':
    case 'decimal':
      return { value: typeof cell === 'number' ? cell : cell instanceof Date ? dayOf(cell) : String(cell) };
    case 'orgunit': {
      const { unit, problem } = units.resolve(String(cell));
      return problem ? { problem } : { value: unit!.code };
    }
    default:
      return { value: cell instanceof Date ? dayOf(cell) : typeof cell === 'number' ? String(cell) : cell };
  }
}

/** A stored value as an export cell: texts for choices and yes/no, unit names for org units. */
export function valueToCell(field: FieldDefinition, value: unknown, units: UnitDirectory): string | number | null {
  if (value === undefined || value === null || value === '') return null;
  switch (field.type) {
    case 'boolean':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'multichoice':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? value : String(value);
    case 'orgunit': {
      const unit = units.unitOfCode(String(value));
      return unit ? units.label(unit) : String(value);
    }
    case 'photos':
      return Array.isArray(value) ? `${value.length}个附件` : null;
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
