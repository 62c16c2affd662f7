#!/usr/bin/env node
// Fails when the Drizzle schema (src/server/db/schema) holds a change that no committed migration makes: runs
// `drizzle-kit generate` against a copy of ./drizzle and looks for a new migration there. Part of `npm test`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'zhenwu-migrations-'));
fs.cpSync(path.join(root, 'drizzle'), copy, { recursive: true });
const before = new Set(fs.readdirSync(copy));
// drizzle-kit prefixes the output folder with './': give it a path relative to the project.
const result = spawnSync(
  process.execPath,
  [
    path.join(root, 'node_modules/drizzle-kit/bin.cjs'),
    'generate',
    '--dialect',
    'postgresql',
    '--schema',
    './src/server/db/schema.ts',
    '--out',
    path.relative(root, copy),
    '--name',
    'pending',
  ],
  { cwd: root, encoding: 'utf8' },
);
const added = fs.readdirSync(copy).filter((f) => !before.has(f) && f.endsWith('.sql'));
fs.rmSync(copy, { recursive: true, force: true });
if (result.status !== 0) {
  console.error(result.stdout, result.stderr);
  console.error('!!! drizzle-kit generate failed (see above)');
  process.exit(1);
}
if (added.length) {
  console.error(`!!! The schema has changes no migration makes. Run: npx drizzle-kit generate --name <what-changed>\n${result.stdout}`);
  process.exit(1);
}
console.log('迁移检查通过 (schema and migrations agree)');
