import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCycle, formulaReferences, parseFormula } from '../../../../core/formula.js';
import { definitionProblems, INDICATOR_KEY_PATTERN, SCALES, type LedgerShape } from '../../../../core/indicators.js';
import { indicators, workLines } from '../../../db/schema.js';
import { buildTownship } from '../../../testing/builders.js';
import { buildTestApp, type TestApp } from '../../../testing/test-app.js';
import { findByCode } from '../../org/org.repository.js';
import { BUILTIN_LEDGERS, builtinLedger } from '../../ledgers/library/index.js';
import { installBuiltinLedgers } from '../../ledgers/library/install-library.js';
import { INDICATOR_ALIASES } from './aliases.js';
import { BUILTIN_INDICATORS, builtinIndicator } from './index.js';
import { installBuiltinIndicators } from './install-library.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
const mappingRows = fs
  .readFileSync(path.join(root, 'docs/report-mapping.md'), 'utf8')
  .split('\n')
  .filter((line) => /^\| \d+ \|/.test(line));
const WORK_LINES = ['疫情防控', '安全生产', '防汛抗旱', '生态环保', '人居环境', '乡村振兴', '民生保障', '教育', '党建', '产业发展'];
const NUMERIC = ['integer', 'decimal'];

const shapes = new Map<string, LedgerShape>(
  BUILTIN_LEDGERS.map((l) => [l.key, { name: l.name, kind: l.kind, fields: l.fields, states: l.workflow?.states.map((s) => s.key) ?? [] }]),
);
const sources = new Map(BUILTIN_INDICATORS.map((d) => [d.key, d.source]));

describe('built-in indicator library', () => {
  it('has unique, well-formed keys and unique names', () => {
    for (const d of BUILTIN_INDICATORS) expect(d.key, d.key).toMatch(INDICATOR_KEY_PATTERN);
    expect(new Set(BUILTIN_INDICATORS.map((d) => d.key)).size).toBe(BUILTIN_INDICATORS.length);
    expect(new Set(BUILTIN_INDICATORS.map((d) => d.name)).size).toBe(BUILTIN_INDICATORS.length);
    expect(BUILTIN_INDICATORS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(BUILTIN_INDICATORS.map((d) => [d.key, d] as const))("%s passes the definition check a user's indicator passes", (_key, d) => {
    const others = new Map([...sources].filter(([k]) => k !== d.key));
    expect(definitionProblems(d.key, d.source, shapes, others)).toEqual([]);
    expect(d.name).toMatch(/[\u4e00-\u9fa5]/);
    expect(d.unit).not.toBe('');
    expect(SCALES).toContain(d.scale);
    expect(Number.isInteger(d.decimals) && d.decimals >= 0 && d.decimals <= 4).toBe(true);
    expect(WORK_LINES).toContain(d.workLine);
  });

  it.each(BUILTIN_INDICATORS.filter((d) => d.source.type !== 'formula').map((d) => [d.key, d] as const))(
    '%s reads suitable fields of its ledger',
    (_key, d) => {
      if (d.source.type === 'formula') return;
      const ledger = builtinLedger(d.source.ledger)!;
      const field = (key: string | undefined) => ledger.fields.find((f) => f.key === key);
      expect(d.workLine, 'the work line of its ledger').toBe(ledger.workLine);
      if (d.source.type === 'items') {
        expect(ledger.kind).toBe('periodic');
        expect(NUMERIC).toContain(field(d.source.item)?.type);
        if (d.source.timing === 'cumulative') expect(d.source.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        return;
      }
      const s = d.source;
      expect(ledger.kind).toBe('register');
      if (['sum', 'avg', 'min', 'max'].includes(s.aggregate)) expect(NUMERIC, `${s.field}`).toContain(field(s.field)?.type);
      if (s.aggregate === 'distinct') expect(field(s.field)).toBeDefined();
      if (s.aggregate === 'count') expect(s.field).toBeUndefined();
      if (s.weightField) expect(NUMERIC).toContain(field(s.weightField)?.type);
      if (s.dateField) expect(field(s.dateField)?.type).toBe('date');
      if (s.timing === 'flow') expect(s.dateField, 'a flow needs a date').toBeDefined();
      const states = ledger.workflow?.states.map((x) => x.key) ?? [];
      for (const state of s.statuses ?? []) expect(states).toContain(state);
      for (const filter of s.filters ?? []) {
        const f = field(filter.field);
        expect(f, filter.field).toBeDefined();
        const values = filter.value === undefined ? [] : Array.isArray(filter.value) ? filter.value : [filter.value];
        if (f!.choices) for (const v of values) expect(f!.choices, filter.field).toContain(v);
        if (f!.type === 'boolean') for (const v of values) expect(typeof v).toBe('boolean');
      }
    },
  );

  it('has formulas that parse, read only library indicators and form no cycle', () => {
    const graph = new Map<string, string[]>();
    for (const d of BUILTIN_INDICATORS) {
      if (d.source.type !== 'formula') continue;
      const refs = formulaReferences(parseFormula(d.source.formula));
      for (const ref of refs) expect(builtinIndicator(ref.key), `${d.key} reads ${ref.key}`).toBeDefined();
      graph.set(
        d.key,
        refs.filter((r) => r.of !== 'target').map((r) => r.key),
      );
    }
    expect(graph.size).toBeGreaterThan(5);
    expect(findCycle(graph)).toBeNull();
  });

  it('has aliases only for library indicators, in Chinese, carried on the definitions', () => {
    for (const [key, aliases] of Object.entries(INDICATOR_ALIASES)) {
      expect(builtinIndicator(key)?.aliases, key).toEqual(aliases);
      for (const alias of aliases) expect(alias, key).toMatch(/^[\u4e00-\u9fa5“”、A-Za-z0-9-]{2,16}$/);
    }
    expect(Object.keys(INDICATOR_ALIASES).length).toBeGreaterThanOrEqual(120);
  });

  it('reads every built-in ledger', () => {
    const read = new Set(BUILTIN_INDICATORS.flatMap((d) => (d.source.type === 'formula' ? [] : [d.source.ledger])));
    expect(BUILTIN_LEDGERS.map((l) => l.key).filter((k) => !read.has(k))).toEqual([]);
  });
});

describe('docs/report-mapping.md', () => {
  const indicatorRows = mappingRows.filter((row) => /^ indicator\b/.test(row.split('|')[3]));

  it('has no row left waiting for an indicator', () => {
    for (const row of mappingRows) expect(row, row).not.toContain('issue 4');
  });

  it('names a library indicator and a period for every indicator row', () => {
    expect(indicatorRows.length).toBe(98);
    for (const row of indicatorRows) {
      const cell = row.split('|')[3];
      expect(cell, row).not.toContain('issue 4');
      const keys = [...cell.matchAll(/indicator \*\*([a-z][a-z0-9_]*)\*\*/g)].map((m) => m[1]);
      expect(keys.length, row).toBeGreaterThan(0);
      for (const key of keys) expect(builtinIndicator(key), `${key} in: ${row}`).toBeDefined();
      expect(cell, row).toMatch(/, period (\d{4}(S[12])?|YESTERDAY|LAST_7_DAYS)(, [\u4e00-\u9fa5]+村)? $/);
    }
  });
});

describe('installing the library', () => {
  let t: TestApp;
  let townshipId: number;
  const installed = async () =>
    (
      await t.db
        .select({ key: indicators.key, builtin: indicators.builtin, workLineId: indicators.workLineId })
        .from(indicators)
        .where(eq(indicators.townshipId, townshipId))
    ).sort((a, b) => a.key.localeCompare(b.key));

  beforeAll(async () => {
    t = await buildTestApp();
    await buildTownship(t.system);
    townshipId = (await findByCode(t.db, '430681105000'))!.id;
    await t.db.insert(workLines).values([
      { townshipId, name: '产业发展' },
      { townshipId, name: '疫情防控' },
    ]);
  });
  afterAll(() => t?.close());

  it('installs a chosen formula with what it reads, only over installed ledgers', async () => {
    await installBuiltinLedgers(t.db, townshipId, null, ['land_transfer']);
    // taxable_area reads village_basics, not installed: the share is skipped, not an error.
    const ids = await installBuiltinIndicators(t.db, townshipId, null, ['land_transferred_growth', 'land_transferred_taxable_share']);
    expect([...ids.keys()].sort()).toEqual(['land_transferred', 'land_transferred_growth']);
    const rows = await installed();
    expect(rows.map((r) => r.key)).toEqual(['land_transferred', 'land_transferred_growth']);
    expect(rows.every((r) => r.builtin && r.workLineId !== null)).toBe(true);
  });

  it('installs everything its ledgers allow, once', async () => {
    await installBuiltinLedgers(t.db, townshipId, null, ['village_basics', 'vaccination_daily', 'vaccination_targets']);
    const first = await installBuiltinIndicators(t.db, townshipId, null);
    const expected = BUILTIN_INDICATORS.filter((d) => {
      const ledgersRead = (key: string): string[] => {
        const s = builtinIndicator(key)!.source;
        return s.type === 'formula' ? formulaReferences(parseFormula(s.formula)).flatMap((r) => ledgersRead(r.key)) : [s.ledger];
      };
      return ledgersRead(d.key).every((l) => ['land_transfer', 'village_basics', 'vaccination_daily', 'vaccination_targets'].includes(l));
    })
      .map((d) => d.key)
      .sort();
    expect([...first.keys()].sort()).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['booster_doses', 'vaccination_60_completion', 'land_transferred_taxable_share']));
    const again = await installBuiltinIndicators(t.db, townshipId, null);
    expect(again).toEqual(first);
    expect((await installed()).map((r) => r.key)).toEqual(expected);
    const [share] = await t.db
      .select()
      .from(indicators)
      .where(and(eq(indicators.townshipId, townshipId), eq(indicators.key, 'land_transferred_taxable_share')));
    expect(share).toMatchObject({ name: '耕地流转面积占计税总面积比例', unit: '%', decimals: 1, scale: 'none', builtin: true });
  });
});
