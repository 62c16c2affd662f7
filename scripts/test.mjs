#!/usr/bin/env node
// `npm test`: type check, lint, format check, migrations check, unit + API tests (PGlite; also PostgreSQL when TEST_DATABASE_URL is set), then the
// browser journeys. Ends with one plain "N passed, N failed" line summing both runners.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (command, args, env = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zhenwu-test-'));
const vitestJson = path.join(tmp, 'vitest.json');
const e2eJson = path.join(tmp, 'e2e.json');

let failedSteps = 0;
console.log('\n== 类型检查 (typecheck) ==');
if (run('npx', ['tsc', '--noEmit', '-p', '.']) !== 0) failedSteps++;

console.log('\n== 代码检查 (lint: rules, layer and module boundaries) ==');
if (run('npx', ['eslint', '.', '--max-warnings=0']) !== 0) failedSteps++;

console.log('\n== 格式检查 (prettier --check; npm run format fixes it) ==');
if (run('npx', ['prettier', '--check', '.', '--log-level=warn']) !== 0) failedSteps++;

console.log('\n== 迁移检查 (schema and migrations agree) ==');
if (run('node', ['scripts/check-migrations.mjs']) !== 0) failedSteps++;

console.log('\n== 单元与接口测试 (unit + API) ==');
if (run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]) !== 0) failedSteps++;

console.log('\n== 浏览器端到端测试 (end-to-end) ==');
if (run('node', ['scripts/e2e.mjs'], { E2E_JSON: e2eJson }) !== 0) failedSteps++;

let passed = 0;
let failed = 0;
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
if (fs.existsSync(e2eJson)) {
  const stats = JSON.parse(fs.readFileSync(e2eJson, 'utf8')).stats ?? {};
  passed += stats.expected ?? 0;
  failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
}
if (failedSteps > 0 && failed === 0) failed = failedSteps;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failedSteps > 0 || failed > 0 ? 1 : 0);
