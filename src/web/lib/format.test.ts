import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatPercent } from './format';

describe('formatPercent', () => {
  it('keeps the same decimals on every rate, so a column lines up', () => {
    expect(formatPercent(138)).toBe('138.0%');
    expect(formatPercent(179.14)).toBe('179.1%');
    expect(formatPercent(5.882, 1)).toBe('5.9%');
    expect(formatPercent(64, 0)).toBe('64%');
  });

  it('shows a dash for a missing or undefined rate, never NaN or Infinity', () => {
    for (const v of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) expect(formatPercent(v)).toBe('—');
  });
});

describe('formatNumber', () => {
  it('groups thousands as Chinese forms do', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(null)).toBe('—');
  });
});

describe('formatDateTime', () => {
  it("shows an instant in China time, as the server writes it, whatever the browser's time zone", () => {
    expect(formatDateTime('2022-06-30T17:30:00Z')).toBe('2022-07-01 01:30');
    expect(formatDateTime(null)).toBe('—');
  });
});
