// The text a record is found by: its org unit's name and its text-like values, each followed by its pinyin
// initials, so that "yts" finds 燕塘村 and "ytc" finds 燕塘村 as well. Stored with the record, lowercased.
// Personal numbers (ID card, phone) are left out, so a search box cannot be used to probe them.
import { pinyin } from 'pinyin-pro';
import type { FieldDefinition, RecordValues } from './ledger-fields.js';

const SEARCHABLE = new Set(['text', 'longtext', 'choice', 'multichoice', 'uscc']);
const HAN = /\p{Script=Han}/u;

/** Pinyin initials of the Han characters of a text (other characters kept): 燕塘村 → yts. */
export function pinyinInitials(text: string): string {
  if (!HAN.test(text)) return '';
  let initials = initialsCache.get(text);
  if (initials === undefined) {
    initials = pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, '').toLowerCase();
    // Unit names, choices and common names repeat across a ledger import's rows; the cache stays bounded.
    if (initialsCache.size >= 50_000) initialsCache.clear();
    initialsCache.set(text, initials);
  }
  return initials;
}

const initialsCache = new Map<string, string>();

export function searchTextOf(fields: FieldDefinition[], values: RecordValues, unitName: string): string {
  const parts: string[] = [unitName, pinyinInitials(unitName)];
  for (const field of fields) {
    if (!SEARCHABLE.has(field.type)) continue;
    const value = values[field.key];
    const texts = Array.isArray(value) ? value.map(String) : value == null ? [] : [String(value)];
    for (const text of texts) {
      // Long texts are searched by their words, not their initials: initials of a paragraph match anything.
      parts.push(field.type === 'longtext' ? text.slice(0, 500) : `${text} ${pinyinInitials(text)}`);
    }
  }
  return parts.filter(Boolean).join(' ').toLowerCase();
}
