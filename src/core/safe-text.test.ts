import { describe, expect, it } from 'vitest';
import { hasUnsafeCharacter, unsafeTextPath, withoutUnsafeCharacters } from './safe-text.js';

describe('unsafe characters', () => {
  it.each(['a\u0000b', '\u0001', '\u000B', '\u001F', 'x\uFFFE', '\uFFFF', '\uD800', 'a\uDC00b', '\uDBFFx'])('refuses %j', (text) => {
    expect(hasUnsafeCharacter(text)).toBe(true);
  });
  it.each(['张三丰', 'tab\there', 'line\nbreak\r\n', '😀 emoji (a surrogate pair)', '\uD83D\uDE00', '\u007F', '\uFFFD'])('takes %j', (text) => {
    expect(hasUnsafeCharacter(text)).toBe(false);
  });
  it('removes them for files written from old values, keeping pairs and text', () => {
    expect(withoutUnsafeCharacters('张\u0000三\uFFFF丰\uD800😀')).toBe('张三丰😀');
  });
  it('names the first string that holds one, keys too', () => {
    expect(unsafeTextPath({ values: { name: 'ok', note: 'bad\u0000' } })).toBe('values.note');
    expect(unsafeTextPath({ rows: [{ values: { a: 1 } }, { values: { b: '\uDC00' } }] })).toBe('rows.1.values.b');
    expect(unsafeTextPath({ ['k\u0000']: 1 })).toBe('k\u0000');
    expect(unsafeTextPath({ a: [1, true, null, 'fine'] })).toBeNull();
  });
});
