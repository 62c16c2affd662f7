import type { FormInstance } from 'antd';
import { ApiError } from '../../../lib/api-client';

/**
 * Puts the server's per-field messages under the matching fields, nested ones included ("nodes.0.due" is the
 * first deadline node's date). Returns true when every message found a field, so no separate alert is needed.
 */
export function applyNestedErrors(form: FormInstance, error: unknown, fieldNames: string[]): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const known = error.errors.filter((e) => fieldNames.includes(e.field.split('.')[0]));
  form.setFields(known.map((e) => ({ name: e.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [e.message] })));
  return known.length === error.errors.length;
}
