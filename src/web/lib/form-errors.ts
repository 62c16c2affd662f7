import type { FormInstance } from 'antd';
import { ApiError } from './api-client';

/**
 * Puts the server's per-field messages under the matching form fields.
 * Returns true when every message found a field (so no separate alert is needed).
 */
export function applyServerErrors(form: FormInstance, error: unknown, fieldNames: string[]): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const known = error.errors.filter((e) => fieldNames.includes(e.field.split('.')[0]));
  form.setFields(known.map((e) => ({ name: e.field.split('.')[0], errors: [e.message] })));
  return known.length === error.errors.length;
}
