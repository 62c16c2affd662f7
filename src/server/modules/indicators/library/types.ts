// Small builders for the built-in indicators, so each library file reads as a list of figures rather than as
// JSON. An indicator over a ledger takes the work line of that ledger (ledger library); formulas name theirs.
import type {
  Aggregate,
  FilterValue,
  IndicatorDefinition,
  IndicatorFilter,
  IndicatorSource,
  ItemsSource,
  RecordsSource,
  Scale,
} from '../../../../core/indicators.js';
import { builtinLedger } from '../../ledgers/index.js';

export interface IndicatorOptions {
  decimals?: number;
  scale?: Scale;
  /** Default true: more is better (doses, area, households helped). */
  higherIsBetter?: boolean;
  description?: string;
  /** Formulas only: the work line; ledger sources take their ledger's. */
  workLine?: string;
}

export function indicator(key: string, name: string, unit: string, source: IndicatorSource, options: IndicatorOptions = {}): IndicatorDefinition {
  const workLine = options.workLine ?? (source.type === 'formula' ? undefined : builtinLedger(source.ledger)?.workLine);
  return {
    key,
    name,
    unit,
    decimals: options.decimals ?? 0,
    scale: options.scale ?? 'none',
    higherIsBetter: options.higherIsBetter ?? true,
    ...(options.description ? { description: options.description } : {}),
    ...(workLine ? { workLine } : {}),
    source,
  };
}

type RecordsOptions = Partial<Omit<RecordsSource, 'type' | 'ledger' | 'aggregate'>>;

/**
 * Records of a register ledger. With a date field the default timing is flow (events of the period); without one
 * the ledger is read as it stands (stock).
 */
export function records(ledger: string, aggregate: Aggregate, options: RecordsOptions = {}): RecordsSource {
  const { timing, ...rest } = options;
  return { type: 'records', ledger, aggregate, ...rest, timing: timing ?? (rest.dateField ? 'flow' : 'stock') };
}

/** A data item of a periodic ledger, summed over the ledger periods inside the period unless told otherwise. */
export function items(ledger: string, item: string, options: Partial<Omit<ItemsSource, 'type' | 'ledger' | 'item'>> = {}): ItemsSource {
  return {
    type: 'items',
    ledger,
    item,
    aggregate: options.aggregate ?? 'sum',
    timing: options.timing ?? 'flow',
    ...(options.since ? { since: options.since } : {}),
  };
}

export const formula = (text: string): IndicatorSource => ({ type: 'formula', formula: text });

export const eq = (field: string, value: FilterValue): IndicatorFilter => ({ field, op: 'eq', value });
export const oneOf = (field: string, values: (string | number)[]): IndicatorFilter => ({ field, op: 'in', value: values });

/** The closed-loop states of the rectification workflow (core/ledger-workflow.ts): rectified and closed. */
export const RECTIFIED = ['rectified', 'closed'];
/** Its open states: waiting and being rectified. */
export const OPEN = ['pending', 'rectifying'];
