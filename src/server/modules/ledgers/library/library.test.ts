import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fieldList } from '../../../../core/ledger-fields.js';
import { workflowDefinition } from '../../../../core/ledger-workflow.js';
import { PERIOD_TYPES } from '../../../../core/periods.js';
import { createLedgerBody } from '../ledgers.schemas.js';
import { BUILTIN_LEDGERS } from './index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const mapping = fs.readFileSync(path.join(root, 'docs/report-mapping.md'), 'utf8');
const mappingRows = mapping.split('\n').filter((line) => /^\| \d+ \|/.test(line));
const WORK_LINES = ['疫情防控', '安全生产', '防汛抗旱', '生态环保', '人居环境', '乡村振兴', '民生保障', '教育', '党建', '产业发展'];

describe('built-in ledger library', () => {
  it.each(BUILTIN_LEDGERS.map((l) => [l.key, l] as const))('%s is a valid definition', (_key, ledger) => {
    expect(fieldList.safeParse(ledger.fields).error?.issues).toBeUndefined();
    if (ledger.workflow) expect(workflowDefinition.safeParse(ledger.workflow).error?.issues).toBeUndefined();
    // The same check a ledger created in the browser passes (periodic: figures only, a period type, no workflow).
    const body = {
      key: ledger.key,
      name: ledger.name,
      kind: ledger.kind,
      description: ledger.description,
      periodType: ledger.periodType,
      workflow: ledger.workflow,
      fields: ledger.fields,
    };
    expect(createLedgerBody.safeParse(body).error?.issues).toBeUndefined();
    if (ledger.kind === 'periodic') expect(PERIOD_TYPES).toContain(ledger.periodType);
    expect(WORK_LINES).toContain(ledger.workLine);
  });

  it('has unique keys and names', () => {
    expect(new Set(BUILTIN_LEDGERS.map((l) => l.key)).size).toBe(BUILTIN_LEDGERS.length);
    expect(new Set(BUILTIN_LEDGERS.map((l) => l.name)).size).toBe(BUILTIN_LEDGERS.length);
  });

  it('gives every register ledger of events a date to count "in a period" by', () => {
    // The reservoir directory is a stock, counted as it stands (its reinforcement has its own date); beautiful
    // hamlets are counted by their plan year.
    const stocks = new Set(['reservoirs', 'beautiful_hamlets']);
    for (const ledger of BUILTIN_LEDGERS.filter((l) => l.kind === 'register' && !stocks.has(l.key))) {
      expect(
        ledger.fields.some((f) => f.type === 'date' && f.required),
        ledger.key,
      ).toBe(true);
    }
  });
});

describe('docs/report-mapping.md', () => {
  it('maps every * of the half-year report, in order', () => {
    const report = fs.readFileSync(path.join(root, '../shared/seed/half-year-report-2022.txt'), 'utf8');
    const stars = [...report].filter((c) => c === '*').length;
    expect(stars).toBe(155);
    expect(mappingRows.map((row) => Number(row.split('|')[1]))).toEqual(Array.from({ length: stars }, (_, i) => i + 1));
    for (const row of mappingRows) expect(row.split('|')[3].trim(), row).not.toBe('');
  });

  it('names only ledgers and fields that exist in the library', () => {
    const fieldsOf = new Map(BUILTIN_LEDGERS.map((l) => [l.key, new Set(l.fields.map((f) => f.key))]));
    const named = mappingRows.flatMap((row) => [...row.split('|')[3].matchAll(/`([a-z][a-z0-9_]*)(?:\.([a-z][a-z0-9_]*))?`/g)]);
    expect(named.length).toBeGreaterThan(100);
    for (const [, ledger, field] of named) {
      expect(fieldsOf.has(ledger), `ledger ${ledger}`).toBe(true);
      if (field) expect(fieldsOf.get(ledger)!.has(field), `field ${ledger}.${field}`).toBe(true);
    }
  });

  it('uses every built-in ledger for at least one figure', () => {
    const used = new Set(mappingRows.flatMap((row) => [...row.matchAll(/`([a-z][a-z0-9_]*)[.`]/g)].map((m) => m[1])));
    expect(BUILTIN_LEDGERS.map((l) => l.key).filter((k) => !used.has(k))).toEqual([]);
  });
});
