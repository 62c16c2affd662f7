// Personal values of ledger records (field types in PERSONAL_FIELD_TYPES) sealed before they are stored and opened
// when read, at the service boundary: everything above sees plain values and masks them as before.
import { PERSONAL_FIELD_TYPES } from '../../../core/masking.js';
import { isSealed, keyedHash, keyedHashes, open, seal } from './data-cipher.js';
import { dataKeys } from './data-keys.js';

type Field = { key: string; type: string };

const personalOf = (fields: readonly Field[]) => fields.filter((f) => PERSONAL_FIELD_TYPES.has(f.type));

/** Whether a field's values are sealed at rest. */
export const isPersonalField = (field: Field) => PERSONAL_FIELD_TYPES.has(field.type);

/**
 * The values as stored: personal ones sealed, with their keyed hashes by field key (for exact search and
 * uniqueness). Values already sealed are kept as they are, their hash taken from the opened text.
 */
export function sealValues(
  fields: readonly Field[],
  values: Record<string, unknown>,
): { values: Record<string, unknown>; hashes: Record<string, string> } {
  const personal = personalOf(fields).filter((f) => typeof values[f.key] === 'string' && values[f.key] !== '');
  if (personal.length === 0) return { values, hashes: {} };
  const ring = dataKeys();
  const sealed = { ...values };
  const hashes: Record<string, string> = {};
  for (const f of personal) {
    const stored = values[f.key] as string;
    const plain = open(stored);
    sealed[f.key] = isSealed(stored) ? stored : seal(plain, ring);
    hashes[f.key] = keyedHash(f.type, plain, ring.current);
  }
  return { values: sealed, hashes };
}

/** The values with personal ones opened (plain values, not yet migrated, pass as they are). */
export function openValues(fields: readonly Field[], values: Record<string, unknown>): Record<string, unknown> {
  const personal = personalOf(fields).filter((f) => isSealed(values[f.key]));
  if (personal.length === 0) return values;
  const opened = { ...values };
  for (const f of personal) opened[f.key] = open(values[f.key] as string);
  return opened;
}

/** The hashes a value of the field may be stored under (one per key still in use). */
export function hashesOf(field: Field, value: string): string[] {
  return keyedHashes(field.type, value);
}

/**
 * A list query with its filter values on personal fields sealed, for the audit trail (a typed ID number is
 * personal data too): `fieldFilters.<key>` and the query string's own `f.<key>`.
 */
export function sealQueryFilters<Q extends { fieldFilters: Record<string, string> }>(fields: readonly Field[], query: Q): Q {
  const personal = new Set(personalOf(fields).map((f) => f.key));
  const sealed = (key: string, value: unknown) => (personal.has(key) && typeof value === 'string' && value ? seal(value) : value);
  const top = Object.fromEntries(Object.entries(query).map(([name, value]) => [name, name.startsWith('f.') ? sealed(name.slice(2), value) : value]));
  return { ...top, fieldFilters: Object.fromEntries(Object.entries(query.fieldFilters).map(([key, value]) => [key, sealed(key, value)])) } as Q;
}

/**
 * An audit snapshot with every sealed text opened. Snapshots hold sealed values wherever the server put them
 * (record values, filters); a text that looks sealed but does not open (typed by a user into a text field, or
 * altered) is shown as unreadable instead of failing the whole page.
 */
export function openSnapshot(snapshot: unknown): unknown {
  if (typeof snapshot === 'string') {
    if (!isSealed(snapshot)) return snapshot;
    try {
      return open(snapshot);
    } catch {
      return '[无法解密]';
    }
  }
  if (Array.isArray(snapshot)) return snapshot.some(containsSealed) ? snapshot.map(openSnapshot) : snapshot;
  if (snapshot && typeof snapshot === 'object') {
    if (!containsSealed(snapshot)) return snapshot;
    return Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [k, openSnapshot(v)]));
  }
  return snapshot;
}

function containsSealed(value: unknown): boolean {
  if (typeof value === 'string') return isSealed(value);
  if (Array.isArray(value)) return value.some(containsSealed);
  if (value && typeof value === 'object') return Object.values(value).some(containsSealed);
  return false;
}
