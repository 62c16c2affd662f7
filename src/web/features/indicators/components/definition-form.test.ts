import { describe, expect, it } from 'vitest';
import { definitionProblems } from '../../../../core/indicators';
import type { Indicator } from '../api/types';
import { formNameOf, initialValues, toDefinition } from './definition-form';

const saved = (source: Indicator['source']): Indicator => ({
  key: 'major_hazards',
  name: '重大隐患',
  description: null,
  unit: '处',
  decimals: 0,
  scale: 'none',
  higherIsBetter: false,
  workLine: '安全生产',
  builtin: false,
  ledgerName: '安全隐患排查整治台账',
  dependsOn: [],
  source,
});

describe('the definition form', () => {
  it('gives back the definition it was opened with', () => {
    const source = {
      type: 'records' as const,
      ledger: 'safety_hazards',
      aggregate: 'count' as const,
      timing: 'flow' as const,
      dateField: 'found_on',
      filters: [
        { field: 'level', op: 'eq' as const, value: '重大隐患' },
        { field: 'rectified_on', op: 'empty' as const },
      ],
      statuses: ['pending'],
    };
    expect(toDefinition(initialValues(saved(source))).source).toEqual(source);
  });

  it('drops what the chosen source does not use', () => {
    const values = {
      ...initialValues(undefined),
      name: '流转面积',
      ledger: 'land_transfer',
      aggregate: 'count' as const,
      field: 'area',
      weightField: 'rent',
      since: '2022-01-01',
    };
    expect(toDefinition(values).source).toEqual({ type: 'records', ledger: 'land_transfer', aggregate: 'count', timing: 'flow' });
    const items = {
      ...values,
      sourceType: 'items' as const,
      ledger: 'vaccination_daily',
      item: 'booster_60',
      aggregate: 'sum' as const,
      timing: 'flow' as const,
    };
    expect(toDefinition(items).source).toEqual({ type: 'items', ledger: 'vaccination_daily', item: 'booster_60', aggregate: 'sum', timing: 'flow' });
  });

  it('leaves a new key to the server unless one is typed, and keeps a saved one', () => {
    const fresh = { ...initialValues(undefined), name: '重大隐患数', sourceType: 'formula' as const, formula: '1 + 1' };
    expect(fresh.key).toBe('');
    expect('key' in toDefinition(fresh)).toBe(false);
    expect(toDefinition({ ...fresh, key: ' major_count ' }).key).toBe('major_count');
    expect(definitionProblems('', { type: 'formula', formula: '1 + 1' }, new Map(), new Map())).toEqual([]);
    expect(toDefinition(initialValues(saved({ type: 'formula', formula: '1 + 1' }))).key).toBe('major_hazards');
  });

  it('puts a server problem under its form field', () => {
    expect(formNameOf('source.filters.1.field')).toEqual(['filters', 1, 'field']);
    expect(formNameOf('source.formula')).toEqual(['formula']);
    expect(formNameOf('source.statuses.0')).toEqual(['statuses']);
    expect(formNameOf('name')).toEqual(['name']);
  });
});
