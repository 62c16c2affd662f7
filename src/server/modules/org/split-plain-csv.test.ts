import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { splitPlainCsv } from './org-import.service.js';
import { seededRandom } from '../../../../demo/seeded-random.js';

// The import's fast path must read a file exactly as csv-parse does, or decline it.
const OPTIONS = { skip_empty_lines: true, relax_column_count: true, trim: true };
const ALPHABET = ['a', '燕', '1', ',', ',', '\n', '\n', '\r\n', '\r', ' ', '\t', '"', '\u3000', '\ufeff', '𠀀'];

describe('splitPlainCsv', () => {
  it('reads the demo division extract exactly as csv-parse does, with LF and CRLF', () => {
    const text = fs.readFileSync(new URL('../../../../demo/divisions-chuanshanping.csv', import.meta.url), 'utf8');
    for (const variant of [text, text.replaceAll('\n', '\r\n')]) {
      expect(splitPlainCsv(variant)).toEqual(parse(variant, OPTIONS));
    }
  });

  it('declines quoted fields and agrees with csv-parse on every input it accepts', () => {
    expect(splitPlainCsv('code,name\n"1",x\n')).toBeNull();
    const random = seededRandom(7);
    let accepted = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let j = random.int(0, 12); j > 0; j--) text += random.pick(ALPHABET);
      const mine = splitPlainCsv(text);
      if (!mine) continue;
      accepted++;
      expect(mine, JSON.stringify(text)).toEqual(parse(text, OPTIONS));
    }
    expect(accepted).toBeGreaterThan(100);
  });
});
