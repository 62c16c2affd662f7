// Indicators (指标): how a figure is computed from ledgers, and how it is shown. Shared by server and browser,
// so that the definition form and the server say the same thing about a definition.
//
// Three sources:
//   records  – count / sum / avg / min / max / distinct count over a register ledger's records, filtered by
//              field values and workflow status, limited to a period by one of its date fields;
//   items    – one data item of a periodic ledger (entered per village and period), summed etc.;
//   formula  – arithmetic over other indicators (core/formula.ts).
// Timing: flow = what happened within the period; stock = the state at the period's end (records dated up to
// the end; for items the latest entered period); cumulative (items) = every period from `since` to the end.

export const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max', 'distinct'] as const;
export type Aggregate = (typeof AGGREGATES)[number];
export const AGGREGATE_NAMES: Record<Aggregate, string> = {
  count: '计数', sum: '求和', avg: '平均', min: '最小值', max: '最大值', distinct: '去重计数',
};

export const FILTER_OPS = ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty', 'contains'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];
export const FILTER_OP_NAMES: Record<FilterOp, string> = {
  eq: '等于', ne: '不等于', in: '属于', notIn: '不属于', gt: '大于', gte: '大于等于', lt: '小于', lte: '小于等于',
  empty: '为空', notEmpty: '不为空', contains: '包含',
};

export type FilterValue = string | number | boolean | (string | number)[];

/** A condition on one field of a record: `{ field: 'land_type', op: 'eq', value: '耕地' }`. */
export interface IndicatorFilter {
  field: string;
  op: FilterOp;
  value?: FilterValue;
}

export type Timing = 'flow' | 'stock' | 'cumulative';
export const TIMING_NAMES: Record<Timing, string> = { flow: '期间发生', stock: '期末状态', cumulative: '累计' };

export interface RecordsSource {
  type: 'records';
  ledger: string;
  aggregate: Aggregate;
  /** The field summed, averaged or counted distinctly; none for count. */
  field?: string;
  /** avg only: weight each record by this numeric field (e.g. average wage weighted by workers). */
  weightField?: string;
  filters?: IndicatorFilter[];
  /** Workflow states counted (e.g. rectified and closed hazards); all when absent. */
  statuses?: string[];
  /** The date field that places a record in a period; without one the ledger is counted as it is now. */
  dateField?: string;
  timing: 'flow' | 'stock';
  /** stock only: count records dated from this day on (ISO date). */
  since?: string;
}

export interface ItemsSource {
  type: 'items';
  ledger: string;
  /** The data item (a numeric field of the periodic ledger). */
  item: string;
  /** count = units that entered the item. */
  aggregate: Exclude<Aggregate, 'distinct'>;
  timing: Timing;
  /** cumulative only: first day counted (ISO date); all earlier periods when absent. */
  since?: string;
}

export interface FormulaSource {
  type: 'formula';
  formula: string;
}

export type IndicatorSource = RecordsSource | ItemsSource | FormulaSource;

export const SCALES = ['none', 'wan', 'yi'] as const;
export type Scale = (typeof SCALES)[number];
const SCALE_DIVISORS: Record<Scale, number> = { none: 1, wan: 1e4, yi: 1e8 };
const SCALE_PREFIXES: Record<Scale, string> = { none: '', wan: '万', yi: '亿' };

/** How a value is shown: unit (亩, 万元, 户, 人, 剂, %), decimals, and 万/亿 scaling of the raw number. */
export interface IndicatorFormat {
  unit: string;
  decimals: number;
  scale: Scale;
}

export interface IndicatorDefinition extends IndicatorFormat {
  key: string;
  name: string;
  description?: string;
  /** The work line (工作条线) by name. */
  workLine?: string;
  /** Rankings order by this: true when more is better (doses, area), false for hazards, complaints. */
  higherIsBetter: boolean;
  source: IndicatorSource;
}

export const INDICATOR_KEY_PATTERN = /^[a-z][a-z0-9_]{1,47}$/;

/**
 * A value for display: 7912.5 亩 → "7,912.5 亩"; 1234567 元 with scale wan → "123.46 万元"; null → "—".
 * The unit is written after the scale prefix unless it already carries it (unit "万元" with scale none).
 */
export function formatValue(value: number | null | undefined, format: IndicatorFormat): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const scaled = value / SCALE_DIVISORS[format.scale];
  const text = scaled.toLocaleString('zh-CN', { minimumFractionDigits: format.decimals, maximumFractionDigits: format.decimals });
  const unit = `${SCALE_PREFIXES[format.scale]}${format.unit}`;
  if (!unit) return text;
  return format.unit === '%' && format.scale === 'none' ? `${text}%` : `${text} ${unit}`;
}

/** Rounds a value to the indicator's shown precision (after scaling), as a number; null stays null. */
export function roundValue(value: number | null, format: IndicatorFormat): number | null {
  if (value === null) return null;
  const factor = 10 ** format.decimals / SCALE_DIVISORS[format.scale];
  return Math.round(value * factor) / factor;
}

/** Completion of a target in %, or null when there is no target (or it is zero). */
export function completion(value: number | null, target: number | null): number | null {
  if (value === null || target === null || target === 0) return null;
  return (value / target) * 100;
}

/** The filter ops that take no value. */
export const VALUELESS_OPS: readonly FilterOp[] = ['empty', 'notEmpty'];

/** Does a filter's value have the shape its op needs? Returns a Chinese reason, or null. */
export function filterShapeProblem(filter: IndicatorFilter): string | null {
  if (VALUELESS_OPS.includes(filter.op)) return filter.value === undefined ? null : `“${FILTER_OP_NAMES[filter.op]}”不需要取值`;
  if (filter.value === undefined || filter.value === '') return `“${FILTER_OP_NAMES[filter.op]}”需要取值`;
  const isList = Array.isArray(filter.value);
  if ((filter.op === 'in' || filter.op === 'notIn') !== isList) {
    return isList ? `“${FILTER_OP_NAMES[filter.op]}”只取一个值` : `“${FILTER_OP_NAMES[filter.op]}”需要一组取值`;
  }
  if (isList && (filter.value as unknown[]).length === 0) return '取值列表不能为空';
  return null;
}
