// Display masks for personal data shown in lists and exports. They never throw: malformed or partial
// values are masked as far as they go, and short values show fewer characters so little is revealed.

import { normalizeIdCard } from './id-card.js';
import { normalizeMobile } from './phone.js';

/** Keeps `head` leading and `tail` trailing characters, showing at most two thirds of the value. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = Array.from(value);
  const visible = Math.floor((chars.length * 2) / 3);
  const keepTail = Math.min(tail, visible);
  const keepHead = Math.min(head, visible - keepTail);
  return chars.slice(0, keepHead).join('') + '*'.repeat(chars.length - keepHead - keepTail) + chars.slice(chars.length - keepTail).join('');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** '430681199001011234' → '430681********1234' (region and last four kept). */
export function maskIdCard(value: string | null | undefined): string {
  return keepEnds(normalizeIdCard(text(value)), 6, 4);
}

/** '13800001234' → '138****1234'; a leading +86 and separators are dropped first. */
export function maskMobile(value: string | null | undefined): string {
  return keepEnds(normalizeMobile(text(value)), 3, 4);
}

/** '张三丰' → '张**'; only the first character (usually the surname) stays. */
export function maskName(value: string | null | undefined): string {
  const name = typeof value === 'string' ? value.trim() : '';
  return keepEnds(name, 1, 0);
}

/** Field types whose values are personal data, masked for users who may not read them. */
export const PERSONAL_FIELD_TYPES = new Set(['idcard', 'mobile']);

/**
 * A record's values with its ID numbers and mobiles masked. Returns the same object when the ledger has no
 * personal field, so callers can tell by identity whether anything was masked.
 */
export function maskPersonalValues(fields: readonly { key: string; type: string }[], values: Record<string, unknown>): Record<string, unknown> {
  const personal = fields.filter((f) => PERSONAL_FIELD_TYPES.has(f.type) && values[f.key] != null && values[f.key] !== '');
  if (personal.length === 0) return values;
  const masked = { ...values };
  for (const f of personal) masked[f.key] = f.type === 'idcard' ? maskIdCard(values[f.key] as string) : maskMobile(values[f.key] as string);
  return masked;
}

/** Free text (a search box) with every run of seven or more digits masked, as an ID number or a mobile would be. */
export function maskDigitRuns(text: string): string {
  return text.replace(/\d{7,}[Xx]?/g, (run) => (run.length >= 15 ? maskIdCard(run) : keepEnds(run, 3, 4)));
}

/**
 * An audit snapshot as a reader without personal.read may see it: a record's values masked by its ledger's
 * personal fields, and a list filter's values on such fields and its search text masked. A filter is masked in
 * either shape it is recorded in: `fields: [{ type, value }]`, or the list query itself (`f.<key>` and
 * `fieldFilters`, `q`), whose personal keys are the ledger's fields given or the ones the entry lists (`fields`
 * of an export's entry).
 */
export function maskAuditSnapshot(snapshot: unknown, personalFields: readonly { key: string; type: string }[]): unknown {
  if (snapshot == null || typeof snapshot !== 'object' || Array.isArray(snapshot)) return snapshot;
  const entry = { ...(snapshot as Record<string, unknown>) };
  if (entry.values && typeof entry.values === 'object' && !Array.isArray(entry.values)) {
    entry.values = maskPersonalValues(personalFields, entry.values as Record<string, unknown>);
  }
  const filter = entry.filter;
  if (filter && typeof filter === 'object' && !Array.isArray(filter)) {
    const personalKeys = new Set([
      ...personalFields.filter((f) => PERSONAL_FIELD_TYPES.has(f.type)).map((f) => f.key),
      ...(Array.isArray(entry.fields) ? entry.fields.filter((k): k is string => typeof k === 'string') : []),
    ]);
    const masked: Record<string, unknown> = { ...filter };
    for (const [name, value] of Object.entries(masked)) {
      if ((name === 'search' || name === 'q') && typeof value === 'string') masked[name] = maskDigitRuns(value);
      else if (name.startsWith('f.') && personalKeys.has(name.slice(2))) masked[name] = '***';
    }
    if (Array.isArray(masked.fields)) {
      masked.fields = masked.fields.map((f: { type?: string; value?: unknown }) =>
        PERSONAL_FIELD_TYPES.has(f?.type ?? '') ? { ...f, value: '***' } : f,
      );
    }
    if (masked.fieldFilters && typeof masked.fieldFilters === 'object' && !Array.isArray(masked.fieldFilters)) {
      masked.fieldFilters = Object.fromEntries(
        Object.entries(masked.fieldFilters as Record<string, unknown>).map(([key, value]) => [key, personalKeys.has(key) ? '***' : value]),
      );
    }
    entry.filter = masked;
  }
  return entry;
}
