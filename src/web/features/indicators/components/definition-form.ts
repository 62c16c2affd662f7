// The definition form's flat values and the IndicatorDefinition they stand for, both ways, and where a server
// problem (`source.filters.1.field`) goes in the form.
import type { Aggregate, FilterOp, FilterValue, Scale, Timing } from '../../../../core/indicators';
import type { Indicator, IndicatorInput } from '../api/types';

export type SourceType = 'records' | 'items' | 'formula';

export interface DefinitionFormValues {
  name: string;
  key: string;
  description?: string;
  workLine?: string | null;
  unit?: string;
  decimals: number;
  scale: Scale;
  higherIsBetter: boolean;
  sourceType: SourceType;
  ledger?: string;
  aggregate?: Aggregate;
  field?: string;
  weightField?: string;
  filters?: { field?: string; op?: FilterOp; value?: FilterValue }[];
  statuses?: string[];
  dateField?: string;
  item?: string;
  timing?: Timing;
  since?: string;
  formula?: string;
}

export function initialValues(indicator: Indicator | undefined): DefinitionFormValues {
  if (!indicator) {
    return {
      name: '',
      key: '',
      unit: '',
      decimals: 0,
      scale: 'none',
      higherIsBetter: true,
      sourceType: 'records',
      aggregate: 'count',
      timing: 'flow',
      filters: [],
    };
  }
  const s = indicator.source;
  const base: DefinitionFormValues = {
    name: indicator.name,
    key: indicator.key,
    description: indicator.description ?? undefined,
    workLine: indicator.workLine,
    unit: indicator.unit,
    decimals: indicator.decimals,
    scale: indicator.scale,
    higherIsBetter: indicator.higherIsBetter,
    sourceType: s.type,
  };
  if (s.type === 'formula') return { ...base, formula: s.formula };
  if (s.type === 'items') return { ...base, ledger: s.ledger, item: s.item, aggregate: s.aggregate, timing: s.timing, since: s.since };
  return {
    ...base,
    ledger: s.ledger,
    aggregate: s.aggregate,
    field: s.field,
    weightField: s.weightField,
    filters: s.filters ?? [],
    statuses: s.statuses,
    dateField: s.dateField,
    timing: s.timing,
    since: s.since,
  };
}

const present = <T>(v: T | undefined | null | ''): v is T => v !== undefined && v !== null && v !== '';

export function toDefinition(v: DefinitionFormValues): IndicatorInput {
  const head = {
    ...(present(v.key?.trim()) ? { key: v.key.trim() } : {}),
    name: v.name?.trim(),
    unit: v.unit?.trim() ?? '',
    decimals: v.decimals ?? 0,
    scale: v.scale ?? 'none',
    higherIsBetter: v.higherIsBetter ?? true,
    ...(present(v.description?.trim()) ? { description: v.description!.trim() } : {}),
    workLine: v.workLine ?? null,
  };
  if (v.sourceType === 'formula') return { ...head, source: { type: 'formula', formula: v.formula ?? '' } };
  if (v.sourceType === 'items') {
    return {
      ...head,
      source: {
        type: 'items',
        ledger: v.ledger ?? '',
        item: v.item ?? '',
        aggregate: v.aggregate === 'distinct' ? 'sum' : (v.aggregate ?? 'sum'),
        timing: v.timing ?? 'flow',
        ...(v.timing === 'cumulative' && present(v.since) ? { since: v.since } : {}),
      },
    };
  }
  const aggregate = v.aggregate ?? 'count';
  const timing = v.timing === 'stock' ? 'stock' : 'flow';
  return {
    ...head,
    source: {
      type: 'records',
      ledger: v.ledger ?? '',
      aggregate,
      timing,
      ...(aggregate !== 'count' && present(v.field) ? { field: v.field } : {}),
      ...(aggregate === 'avg' && present(v.weightField) ? { weightField: v.weightField } : {}),
      ...(v.filters?.length
        ? {
            filters: v.filters
              .filter((f) => f.field && f.op)
              .map((f) => ({
                field: f.field!,
                op: f.op!,
                ...(f.op === 'empty' || f.op === 'notEmpty' || !present(f.value) ? {} : { value: f.value }),
              })),
          }
        : {}),
      ...(v.statuses?.length ? { statuses: v.statuses } : {}),
      ...(present(v.dateField) ? { dateField: v.dateField } : {}),
      ...(timing === 'stock' && present(v.since) ? { since: v.since } : {}),
    },
  };
}

/** The form field a server problem belongs to: source.filters.1.field → ['filters', 1, 'field']. */
export function formNameOf(path: string): (string | number)[] {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'source') {
    const rest = parts.slice(1);
    if (rest[0] === 'type') return ['sourceType'];
    if (rest[0] === 'statuses') return ['statuses'];
    return rest.length ? rest : ['sourceType'];
  }
  return parts;
}
