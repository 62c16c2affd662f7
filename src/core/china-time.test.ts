import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaDate, chinaDateTime, chinaTimestamp, chinaToday, onChinaDay, startOfChinaDay } from './china-time.js';

// 01:30 on 1 July in Beijing, while the UTC date is still 30 June.
const BEIJING_0130_ON_1_JULY = '2022-06-30T17:30:00Z';

afterEach(() => vi.useRealTimers());

describe('chinaDate', () => {
  it('gives the China calendar day of an instant, across the date line of UTC', () => {
    expect(chinaDate(BEIJING_0130_ON_1_JULY)).toBe('2022-07-01');
    expect(chinaDate(new Date('2022-06-30T15:59:59.999Z'))).toBe('2022-06-30');
    expect(chinaDate('2022-06-30T16:00:00Z')).toBe('2022-07-01');
    expect(chinaDate('2022-12-31T16:00:00Z')).toBe('2023-01-01');
    expect(chinaDate('2022-07-01T01:30:00+08:00')).toBe('2022-07-01');
  });

  it('is today in China by default, whatever the clock of the process says in UTC', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(BEIJING_0130_ON_1_JULY) });
    expect(new Date().toISOString().slice(0, 10)).toBe('2022-06-30');
    expect(chinaDate()).toBe('2022-07-01');
    expect(chinaToday()).toBe('2022-07-01');
  });
});

describe('chinaDateTime and chinaTimestamp', () => {
  it('write an instant in China Standard Time, to the minute for display and to the second for exports', () => {
    expect(chinaDateTime('2022-01-15T02:00:00.000Z')).toBe('2022-01-15 10:00');
    expect(chinaDateTime(new Date('2022-06-16T01:30:00Z'))).toBe('2022-06-16 09:30');
    expect(chinaDateTime(new Date('2022-06-30T16:30:05Z'))).toBe('2022-07-01 00:30');
    expect(chinaTimestamp('2022-01-15T02:00:00.000Z')).toBe('2022-01-15 10:00:00');
    expect(chinaTimestamp(new Date('2022-06-30T16:30:05Z'))).toBe('2022-07-01 00:30:05');
    expect(chinaTimestamp('2022-01-15T10:00:00+08:00')).toBe('2022-01-15 10:00:00');
  });
});

describe('startOfChinaDay', () => {
  it('is midnight in Beijing, 16:00 UTC the day before', () => {
    expect(startOfChinaDay('2022-07-01').toISOString()).toBe('2022-06-30T16:00:00.000Z');
    expect(chinaDate(startOfChinaDay('2022-07-01'))).toBe('2022-07-01');
    expect(chinaDate(new Date(startOfChinaDay('2022-07-01').getTime() - 1))).toBe('2022-06-30');
  });
});

describe('onChinaDay', () => {
  it('puts a China day at the instant’s Beijing time of day, across the UTC date line', () => {
    // 2026-12-03T17:30Z is 01:30 on 4 December in Beijing.
    expect(onChinaDay('2022-06-30', new Date('2026-12-03T17:30:00Z')).toISOString()).toBe('2022-06-29T17:30:00.000Z');
    expect(chinaDateTime(onChinaDay('2022-06-30', new Date('2026-12-03T17:30:00Z')))).toBe('2022-06-30 01:30');
    expect(chinaDateTime(onChinaDay('2022-06-30', new Date('2026-12-03T06:05:00Z')))).toBe('2022-06-30 14:05');
  });
});
