import { describe, expect, it } from 'vitest';
import { completion, formatValue, roundValue, shownNumber, shownUnit } from './indicators.js';

const mu = { unit: '亩', decimals: 1, scale: 'none' } as const;
const wanYuan = { unit: '元', decimals: 2, scale: 'wan' } as const;

describe('showing values', () => {
  it('writes a value with grouping, its decimals, the scale prefix and the unit', () => {
    expect(formatValue(7912.5, mu)).toBe('7,912.5 亩');
    expect(formatValue(1234567, wanYuan)).toBe('123.46 万元');
    expect(formatValue(803_000_000, { unit: '元', decimals: 2, scale: 'yi' })).toBe('8.03 亿元');
    expect(formatValue(24.9, { unit: '%', decimals: 1, scale: 'none' })).toBe('24.9%');
    expect(formatValue(12, { unit: '', decimals: 0, scale: 'none' })).toBe('12');
  });

  it('shows a dash, never NaN or Infinity, for a missing value', () => {
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatValue(v, mu)).toBe('—');
    expect(shownNumber(Number.NaN, mu)).toBeNull();
  });

  it('gives spreadsheets the shown number and its unit', () => {
    expect(shownNumber(1234567, wanYuan)).toBe(123.46);
    expect(shownUnit(wanYuan)).toBe('万元');
    expect(shownNumber(7912.46, mu)).toBe(7912.5);
    expect(shownUnit({ unit: '', decimals: 0, scale: 'wan' })).toBe('');
    expect(roundValue(1234567, wanYuan)).toBe(1234600);
  });

  it('computes completion only against a non-zero target', () => {
    expect(completion(820, 1000)).toBe(82);
    expect(completion(5, 0)).toBeNull();
    expect(completion(null, 10)).toBeNull();
  });
});
