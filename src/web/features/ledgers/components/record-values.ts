// What the entry form sends: the shared validator of src/core decides, exactly as the server will.
import { isFieldActive, validateValues, type FieldDefinition, type RecordValues } from '../../../../core/ledger-fields';

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The values of the fields the form shows (active, not retired) that hold something. */
export function shownValues(fields: FieldDefinition[], values: RecordValues): RecordValues {
  const kept: RecordValues = {};
  for (const field of fields) {
    if (field.retired || !isFieldActive(field, kept)) continue;
    if (!isEmpty(values[field.key])) kept[field.key] = values[field.key];
  }
  return kept;
}

/** Problems per field key, from the same `validateValues` the server runs. */
export function checkValues(fields: FieldDefinition[], values: RecordValues): { values: RecordValues; errors: Record<string, string> } {
  const result = validateValues(fields, shownValues(fields, values));
  return { values: result.values, errors: Object.fromEntries(result.errors.map((e) => [e.field, e.message])) };
}

/**
 * A PATCH body: the shown values, and null for a stored value the form no longer shows or that was cleared
 * (the server merges what is sent over what it holds). Retired fields are left as they are.
 */
export function patchValues(fields: FieldDefinition[], clean: RecordValues, stored: RecordValues): RecordValues {
  const patch: RecordValues = { ...clean };
  for (const field of fields) {
    if (field.retired) continue;
    if (!(field.key in clean) && !isEmpty(stored[field.key])) patch[field.key] = null;
  }
  return patch;
}

/** Server messages `values.<key>` by field key. */
export function serverFieldErrors(errors: { field: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const key = e.field.startsWith('values.') ? e.field.slice(7) : e.field;
    out[key] ??= e.message;
  }
  return out;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
