// The shape of a built-in ledger and small builders for its fields, so each library file reads as a list of
// ledgers rather than as JSON. The builders only fill in `type`; everything else is the field definition.
import type { FieldDefinition } from '../../../../core/ledger-fields.js';
import type { Workflow } from '../../../../core/ledger-workflow.js';
import type { PeriodType } from '../../../../core/periods.js';

export interface BuiltinLedger {
  key: string;
  name: string;
  kind: 'register' | 'periodic';
  periodType?: PeriodType;
  /** The work line (工作条线) the ledger belongs to, by name within the township. */
  workLine: string;
  description: string;
  fields: FieldDefinition[];
  workflow?: Workflow;
}

type Extra = Omit<FieldDefinition, 'key' | 'label' | 'type'>;
const make =
  (type: FieldDefinition['type']) =>
  (key: string, label: string, extra: Extra = {}): FieldDefinition => ({ key, label, type, ...extra });

export const text = make('text');
export const longtext = make('longtext');
export const date = make('date');
export const idcard = make('idcard');
export const mobile = make('mobile');
export const uscc = make('uscc');
export const photos = make('photos');
export const boolean = make('boolean');
export const integer = (key: string, label: string, unit: string, extra: Extra = {}): FieldDefinition => ({
  key,
  label,
  type: 'integer',
  unit,
  min: 0,
  ...extra,
});
export const decimal = (key: string, label: string, unit: string, decimals: number, extra: Extra = {}): FieldDefinition => ({
  key,
  label,
  type: 'decimal',
  unit,
  decimals,
  min: 0,
  ...extra,
});
export const choice = (key: string, label: string, choices: string[], extra: Extra = {}): FieldDefinition => ({
  key,
  label,
  type: 'choice',
  choices,
  ...extra,
});
export const multichoice = (key: string, label: string, choices: string[], extra: Extra = {}): FieldDefinition => ({
  key,
  label,
  type: 'multichoice',
  choices,
  ...extra,
});

/** Dates of the ledgers' events: not before the township's digital records, not in the future of a form. */
export const EVENT_DATE: Extra = { required: true, minDate: '2000-01-01' };

export { rectificationWorkflow } from '../../../../core/ledger-workflow.js';
