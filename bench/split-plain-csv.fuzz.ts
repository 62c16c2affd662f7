// Differential check of the division import's CSV fast path against csv-parse, which it replaces only for
// files without quotes or stray whitespace: random small inputs plus the real extract in LF and CRLF.
// Run: npx tsx bench/split-plain-csv.fuzz.ts   (exits 1 on the first difference)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { splitPlainCsv } from '../src/server/modules/org/org-import.service.js';

const OPTIONS = { skip_empty_lines: true, relax_column_count: true, trim: true };
const ALPHABET = [
  'a',
  'b',
  '燕',
  '1',
  ',',
  ',',
  '\n',
  '\n',
  '\r\n',
  '\r',
  ' ',
  '\t',
  '"',
  '\u3000',
  '\u00a0',
  '\ufeff',
  '\u0085',
  '\u200b',
  '\0',
  '\u2028',
  '\x0b',
  '\x0c',
  '𠀀',
];
const PLAIN = ALPHABET.filter((c) => !/["\s]/.test(c) || c === '\n' || c === '\r\n');

function reference(text: string): string {
  try {
    return JSON.stringify(parse(text, OPTIONS));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

let fast = 0;
for (let i = 0; i < 300_000; i++) {
  const pool = i % 2 ? PLAIN : ALPHABET;
  let text = '';
  for (let j = Math.floor(Math.random() * 14); j > 0; j--) text += pool[Math.floor(Math.random() * pool.length)];
  const mine = splitPlainCsv(text);
  if (!mine) continue;
  fast++;
  if (JSON.stringify(mine) !== reference(text)) {
    console.error(`difference on ${JSON.stringify(text)}: csv-parse ${reference(text)}, fast path ${JSON.stringify(mine)}`);
    process.exit(1);
  }
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const csvPath = process.env.DIVISIONS_CSV ?? path.resolve(repoRoot, '../shared/data/divisions/hunan-villages.csv');
if (fs.existsSync(csvPath)) {
  const text = fs.readFileSync(csvPath, 'utf8');
  for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n$/, '')]) {
    const mine = splitPlainCsv(variant);
    if (!mine || JSON.stringify(mine) !== reference(variant)) {
      console.error(`${path.basename(csvPath)}: fast path ${mine ? 'differs' : 'not taken'}`);
      process.exit(1);
    }
  }
}
console.log(`ok: ${fast} random inputs took the fast path and matched csv-parse; the real extract matched in LF and CRLF`);
