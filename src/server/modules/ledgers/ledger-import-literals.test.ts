// jsonArrayLiteral must write exactly what arrayLiteral writes for JSON texts: the import's records travel in it.
import { describe, expect, it } from 'vitest';
import { arrayLiteral } from '../../db/array-literal.js';
import { jsonArrayLiteral } from './ledger-import.repository.js';

function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('jsonArrayLiteral', () => {
  it('equals arrayLiteral for JSON texts with quotes, backslashes, control characters and any Unicode', () => {
    const values: unknown[] = [
      { name: '张三', note: '他说"好"\\不好', lines: '第一行\n第二行\r\n\t制表', bell: '\u0007', nul: '\u0000' },
      { emoji: '👨‍🌾', lone: '\ud800', separators: '\u2028\u2029', quote: '"', slash: '\\', both: '\\"' },
      ['a', 1, null, true, { nested: ['"x"'] }],
      '只是文字',
      12.5,
      null,
      '',
    ];
    const rand = random(7);
    const alphabet = ['"', '\\', '\n', '\u0001', 'a', '燕', '👍', '\ud83d', ' ', '\u2028', '{', '}', ','];
    for (let i = 0; i < 500; i++) {
      const text = Array.from({ length: Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      values.push({ [text]: text, n: i });
    }
    const texts = values.map((v) => JSON.stringify(v));
    expect(jsonArrayLiteral(texts)).toBe(arrayLiteral(texts));
  });
});
