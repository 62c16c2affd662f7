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
import { findCycle, FormulaError, formulaReferences, parseFormula, type FormulaNode } from './formula.js';
import type { FieldDefinition } from './ledger-fields.js';
import { isRealDate } from './periods.js';

export const AGGREGATES = ['count', 'sum', 'avg', 'min', 'max', 'distinct'] as const;
export type Aggregate = (typeof AGGREGATES)[number];
export const AGGREGATE_NAMES: Record<Aggregate, string> = {
  count: '计数',
  sum: '求和',
  avg: '平均',
  min: '最小值',
  max: '最大值',
  distinct: '去重计数',
};

export const FILTER_OPS = ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'empty', 'notEmpty', 'contains'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];
export const FILTER_OP_NAMES: Record<FilterOp, string> = {
  eq: '等于',
  ne: '不等于',
  in: '属于',
  notIn: '不属于',
  gt: '大于',
  gte: '大于等于',
  lt: '小于',
  lte: '小于等于',
  empty: '为空',
  notEmpty: '不为空',
  contains: '包含',
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
  /** Other words cadres use for the figure (流转土地, 流转面积), for matching a past report's text to it. */
  aliases?: string[];
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

/** The unit a value is shown in: 万元 for 元 at scale 万, 亩, %; '' when the indicator has none. */
export function shownUnit(format: IndicatorFormat): string {
  return format.unit ? `${SCALE_PREFIXES[format.scale]}${format.unit}` : '';
}

/** A value as the number shown, in its shown unit and precision (1234567 元 at scale 万 → 123.46): for spreadsheets. */
export function shownNumber(value: number | null | undefined, format: IndicatorFormat): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const factor = 10 ** format.decimals;
  return Math.round((value / SCALE_DIVISORS[format.scale]) * factor) / factor;
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

/** What a definition check needs to know of a ledger. */
export interface LedgerShape {
  name: string;
  kind: 'register' | 'periodic';
  fields: FieldDefinition[];
  /** Workflow state keys; empty without a workflow. */
  states: string[];
}

export interface DefinitionProblem {
  /** Path in the definition, e.g. `source.filters.1.field`, `source.formula`. */
  field: string;
  message: string;
}

const NUMERIC_TYPES = ['integer', 'decimal'];
const DATE_TYPES = ['date', 'datetime'];

/**
 * Everything wrong with a definition's source, given the township's ledgers and the sources of its other
 * indicators (by key): unknown ledgers and fields, unsuitable field types, filter values outside a field's
 * choices, unknown states, formula syntax (with the character position), unknown references and cycles.
 */
export function definitionProblems(
  key: string,
  source: IndicatorSource,
  ledgers: Map<string, LedgerShape>,
  others: Map<string, IndicatorSource>,
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field: `source.${field}`, message });
  if (source.type === 'formula') {
    let node: FormulaNode;
    try {
      node = parseFormula(source.formula);
    } catch (error) {
      if (error instanceof FormulaError) {
        add('formula', error.message);
        return problems;
      }
      throw error;
    }
    for (const ref of formulaReferences(node)) {
      if (ref.key === key && ref.of !== 'target') add('formula', `第 ${ref.at} 个字符处：公式不能引用指标自身“${key}”`);
      else if (ref.key !== key && !others.has(ref.key)) add('formula', `第 ${ref.at} 个字符处：指标“${ref.key}”不存在`);
    }
    if (problems.length) return problems;
    const graph = new Map<string, string[]>();
    for (const [k, s] of [...others, [key, source] as const]) {
      if (s.type !== 'formula') continue;
      try {
        graph.set(
          k,
          formulaReferences(parseFormula(s.formula))
            .filter((r) => r.of !== 'target')
            .map((r) => r.key),
        );
      } catch {
        /* a stored formula that no longer parses adds no edge */
      }
    }
    const cycle = findCycle(graph);
    if (cycle?.includes(key)) {
      // Told from the indicator being saved: a → b → a rather than b → a → b.
      const ring = cycle.slice(0, -1);
      const from = ring.indexOf(key);
      const named = [...ring.slice(from), ...ring.slice(0, from), key];
      add('formula', `指标之间形成循环引用：${named.join(' → ')}`);
    }
    return problems;
  }

  const ledger = ledgers.get(source.ledger);
  if (!ledger) {
    add('ledger', `台账“${source.ledger}”不存在`);
    return problems;
  }
  const fields = new Map(ledger.fields.map((f) => [f.key, f]));
  const needField = (path: string, fieldKey: string | undefined, types: string[] | null, what: string) => {
    if (!fieldKey) {
      add(path, `请选择${what}`);
      return;
    }
    const field = fields.get(fieldKey);
    if (!field) add(path, `台账“${ledger.name}”没有字段“${fieldKey}”`);
    else if (types && !types.includes(field.type)) add(path, `字段“${field.label}”不能作为${what}`);
  };
  if (source.type === 'items') {
    if (ledger.kind !== 'periodic') add('ledger', `“${ledger.name}”不是按期填报的台账，请用“台账记录”来源`);
    needField('item', source.item, NUMERIC_TYPES, '数据项（需为数值字段）');
    if ((source.aggregate as string) === 'distinct') add('aggregate', '按期填报的数据项不能去重计数');
    if (source.since !== undefined && !isRealDate(source.since)) add('since', '起始日期应为存在的日期，格式 YYYY-MM-DD');
    return problems;
  }

  if (ledger.kind !== 'register') add('ledger', `“${ledger.name}”是按期填报的台账，请用“填报数据项”来源`);
  if (source.aggregate !== 'count') {
    needField(
      'field',
      source.field,
      source.aggregate === 'distinct' ? null : NUMERIC_TYPES,
      source.aggregate === 'distinct' ? '去重字段' : '统计字段（需为数值字段）',
    );
  }
  if (source.weightField !== undefined) {
    if (source.aggregate !== 'avg') add('weightField', '只有“平均”可以加权');
    else needField('weightField', source.weightField, NUMERIC_TYPES, '权重字段（需为数值字段）');
  }
  (source.filters ?? []).forEach((filter, i) => {
    const path = `filters.${i}`;
    const field = fields.get(filter.field);
    if (!field) {
      add(`${path}.field`, `台账“${ledger.name}”没有字段“${filter.field}”`);
      return;
    }
    const shape = filterShapeProblem(filter);
    if (shape) {
      add(`${path}.value`, shape);
      return;
    }
    const values = filter.value === undefined ? [] : Array.isArray(filter.value) ? filter.value : [filter.value];
    if (field.choices) {
      const outside = values.filter((v) => !field.choices!.includes(String(v)));
      if (outside.length) add(`${path}.value`, `“${field.label}”没有选项“${outside.join('、')}”`);
    }
    if (['gt', 'gte', 'lt', 'lte'].includes(filter.op)) {
      if (NUMERIC_TYPES.includes(field.type) && values.some((v) => typeof v !== 'number')) add(`${path}.value`, `“${field.label}”应与数字比较`);
      else if (!NUMERIC_TYPES.includes(field.type) && !DATE_TYPES.includes(field.type)) add(`${path}.op`, `“${field.label}”不能比较大小`);
    }
    if (field.type === 'boolean' && values.some((v) => typeof v !== 'boolean')) add(`${path}.value`, `“${field.label}”的取值应为是或否`);
  });
  (source.statuses ?? []).forEach((state, i) => {
    if (!ledger.states.includes(state))
      add(`statuses.${i}`, ledger.states.length ? `台账“${ledger.name}”没有状态“${state}”` : `台账“${ledger.name}”没有流程状态`);
  });
  if (source.dateField !== undefined) needField('dateField', source.dateField, DATE_TYPES, '日期字段');
  else if (source.timing === 'flow') add('dateField', '“期间发生”需要一个日期字段，用来判断记录属于哪个期间');
  if (source.since !== undefined && !isRealDate(source.since)) add('since', '起始日期应为存在的日期，格式 YYYY-MM-DD');
  return problems;
}

/** The indicator keys a formula text reads; none when it does not parse. */
export function formulaKeys(formula: string): string[] {
  try {
    return [...new Set(formulaReferences(parseFormula(formula)).map((r) => r.key))];
  } catch {
    return [];
  }
}

/** The indicators a formula source reads (for "used by" checks); none for ledger sources. */
export function sourceReferences(source: IndicatorSource): string[] {
  return source.type === 'formula' ? formulaKeys(source.formula) : [];
}
