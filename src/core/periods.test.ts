import { describe, expect, it } from 'vitest';
import {
  daysIn,
  lastYearChoice,
  lastYearRange,
  matchingDays,
  parsePeriod,
  periodFileTag,
  periodWindow,
  periodLabel,
  periodOf,
  periodsBetween,
  resolveRelative,
  samePeriodLastYear,
  sameRangeLastYear,
  shiftPeriod,
} from './periods.js';

describe('parsePeriod', () => {
  it.each([
    ['2022', 'year', '2022-01-01', '2022-12-31'],
    ['2022S1', 'half', '2022-01-01', '2022-06-30'],
    ['2022S2', 'half', '2022-07-01', '2022-12-31'],
    ['2022Q1', 'quarter', '2022-01-01', '2022-03-31'],
    ['2024Q1', 'quarter', '2024-01-01', '2024-03-31'],
    ['2022Q4', 'quarter', '2022-10-01', '2022-12-31'],
    ['202202', 'month', '2022-02-01', '2022-02-28'],
    ['202402', 'month', '2024-02-01', '2024-02-29'],
    ['20220615', 'day', '2022-06-15', '2022-06-15'],
    ['2022W24', 'week', '2022-06-13', '2022-06-19'],
    // ISO week 1 of 2021 starts on 4 January; 2020 has 53 weeks, ending on 3 January 2021
    ['2021W01', 'week', '2021-01-04', '2021-01-10'],
    ['2020W53', 'week', '2020-12-28', '2021-01-03'],
    // 2025W01 starts in 2024
    ['2025W01', 'week', '2024-12-30', '2025-01-05'],
  ])('%s is a %s from %s to %s', (id, type, start, end) => {
    expect(parsePeriod(id)).toMatchObject({ type, start, end });
  });

  it.each(['2022S3', '2022Q5', '202213', '202200', '20220230', '2021W53', '2022W00', '22', '2022-06', ''])('refuses %s', (id) => {
    expect(parsePeriod(id)).toBeNull();
  });
});

describe('periodOf', () => {
  it('finds the ISO week across year ends', () => {
    expect(periodOf('week', '2021-01-01').id).toBe('2020W53');
    expect(periodOf('week', '2024-12-31').id).toBe('2025W01');
    expect(periodOf('week', '2022-06-15').id).toBe('2022W24');
  });

  it('finds the other period types of a day', () => {
    expect(periodOf('half', '2022-07-01').id).toBe('2022S2');
    expect(periodOf('quarter', '2022-06-30').id).toBe('2022Q2');
    expect(periodOf('month', '2022-06-30').id).toBe('202206');
    expect(periodOf('day', '2022-06-30').id).toBe('20220630');
    expect(periodOf('year', '2022-06-30').id).toBe('2022');
  });
});

describe('shiftPeriod and periodsBetween', () => {
  it('steps over year ends', () => {
    expect(shiftPeriod(parsePeriod('20220101')!, -1).id).toBe('20211231');
    expect(shiftPeriod(parsePeriod('2022Q4')!, 1).id).toBe('2023Q1');
    expect(shiftPeriod(parsePeriod('2020W53')!, 1).id).toBe('2021W01');
    expect(shiftPeriod(parsePeriod('202203')!, -3).id).toBe('202112');
  });

  it('lists the periods of a range', () => {
    expect(periodsBetween('month', '2021-11-15', '2022-02-01').map((p) => p.id)).toEqual(['202111', '202112', '202201', '202202']);
    expect(periodsBetween('day', '2022-02-27', '2022-03-01')).toHaveLength(3);
  });
});

describe('periodLabel', () => {
  it.each([
    ['2022', '2022年'],
    ['2022S1', '2022年上半年'],
    ['2022Q2', '2022年第2季度'],
    ['202206', '2022年6月'],
    ['2022W04', '2022年第4周'],
    ['20220615', '2022年6月15日'],
  ])('%s reads %s', (id, label) => {
    expect(periodLabel(parsePeriod(id)!)).toBe(label);
  });
});

describe('relative periods', () => {
  it.each([
    ['YESTERDAY', '2022-06-16', '2022-06-15', '2022-06-15'],
    ['LAST_7_DAYS', '2022-06-16', '2022-06-09', '2022-06-15'],
    ['LAST_7_DAYS', '2022-01-03', '2021-12-27', '2022-01-02'],
    ['YEAR_TO_DATE', '2022-06-30', '2022-01-01', '2022-06-30'],
    ['THIS_WEEK', '2021-01-01', '2020-12-28', '2021-01-03'],
    ['LAST_MONTH', '2022-01-15', '2021-12-01', '2021-12-31'],
    ['THIS_HALF', '2022-06-30', '2022-01-01', '2022-06-30'],
  ] as const)('%s on %s is %s to %s', (relative, asOf, start, end) => {
    expect(resolveRelative(relative, asOf)).toMatchObject({ start, end });
  });

  it('covers 7 days for the last 7 days', () => {
    expect(daysIn(resolveRelative('LAST_7_DAYS', '2022-03-01'))).toBe(7);
  });

  it('finds the same period last year', () => {
    expect(samePeriodLastYear(parsePeriod('2022S1')!).id).toBe('2021S1');
    expect(samePeriodLastYear(parsePeriod('2022Q2')!).id).toBe('2021Q2');
    expect(samePeriodLastYear(parsePeriod('202206')!).id).toBe('202106');
    expect(samePeriodLastYear(parsePeriod('20240229')!).id).toBe('20230228');
    // 2019 has no week 53: its last week stands in
    expect(samePeriodLastYear(parsePeriod('2020W53')!).id).toBe('2019W52');
    expect(samePeriodLastYear(parsePeriod('2022W24')!).id).toBe('2021W24');
    expect(sameRangeLastYear({ start: '2022-01-01', end: '2022-06-30' })).toEqual({ start: '2021-01-01', end: '2021-06-30' });
  });
});

describe('periodWindow', () => {
  it('caps a running period at the as-of date and labels relative periods with their days', () => {
    expect(periodWindow('2022', '2022-06-30')).toEqual({ id: '2022', start: '2022-01-01', end: '2022-06-30', label: '2022年', future: false });
    expect(periodWindow('2022S1', '2022-08-01')).toMatchObject({ start: '2022-01-01', end: '2022-06-30' });
    expect(periodWindow('LAST_7_DAYS', '2022-06-30')).toEqual({
      id: 'LAST_7_DAYS',
      start: '2022-06-23',
      end: '2022-06-29',
      label: '近7日（6月23日—6月29日）',
      future: false,
    });
    expect(periodWindow('YESTERDAY', '2022-06-30')?.label).toBe('昨日（6月29日）');
    expect(periodWindow('2022S2', '2022-06-30')?.future).toBe(true);
    expect(periodWindow('2022W60', '2022-06-30')).toBeNull();
    expect(periodWindow('yesterday', '2022-06-30')).toBeNull();
  });

  it('moves any period or relative period a year back with LY:, matching the days of a running one', () => {
    expect(periodWindow('LY:2022S1', '2022-08-01')).toEqual({
      id: 'LY:2022S1',
      start: '2021-01-01',
      end: '2021-06-30',
      label: '2021年上半年（上年同期）',
      future: false,
    });
    expect(periodWindow('LY:2022', '2022-06-30')).toMatchObject({ start: '2021-01-01', end: '2021-06-30', label: '2021年（上年同期）' });
    expect(periodWindow('LY:202206', '2022-06-10')).toMatchObject({ start: '2021-06-01', end: '2021-06-10' });
    expect(periodWindow('LY:2021W01', '2021-01-10')).toMatchObject({ start: '2019-12-30', end: '2020-01-05', label: '2020年第1周（上年同期）' });
    expect(periodWindow('LY:20240229', '2024-03-01')).toMatchObject({ start: '2023-02-28', end: '2023-02-28' });
    expect(periodWindow('LY:LAST_7_DAYS', '2022-06-30')).toEqual({
      id: 'LY:LAST_7_DAYS',
      start: '2021-06-23',
      end: '2021-06-29',
      label: '上年同期·近7日（6月23日—6月29日）',
      future: false,
    });
    expect(periodWindow('LY:YEAR_TO_DATE', '2022-06-30')).toMatchObject({ start: '2021-01-01', end: '2021-06-30' });
    expect(periodWindow('LY:2022S2', '2022-06-30')?.future).toBe(true);
    for (const bad of ['LY:', 'LY:LY:2022', 'LY:2022S3', 'ly:2022']) expect(periodWindow(bad, '2022-06-30')).toBeNull();
    expect(periodFileTag('LY:2022S1')).toBe('上年同期-2022S1');
    expect(periodFileTag('2022S1')).toBe('2022S1');
  });

  it('matches a running period with the same dates of another period', () => {
    const p = (id: string) => parsePeriod(id)!;
    expect(matchingDays(p('2020'), p('2021'), '2021-06-30')).toEqual({ start: '2020-01-01', end: '2020-06-30' });
    expect(matchingDays(p('2022Q1'), p('2022Q2'), '2022-05-31')).toEqual({ start: '2022-01-01', end: '2022-02-28' });
    expect(matchingDays(p('202205'), p('202206'), '2022-06-10')).toEqual({ start: '2022-05-01', end: '2022-05-10' });
    expect(matchingDays(p('2022W23'), p('2022W24'), '2022-06-15')).toEqual({ start: '2022-06-06', end: '2022-06-08' });
    expect(matchingDays(p('202205'), p('202206'), '2022-07-01')).toEqual({ start: '2022-05-01', end: '2022-05-31' });
  });

  it('reads last year by the same period: weeks by ISO week, running periods by date, relative periods by date', () => {
    expect(lastYearRange({ id: '2024W24', start: '2024-06-10', end: '2024-06-16' })).toEqual({ start: '2023-06-12', end: '2023-06-18' });
    expect(lastYearRange({ id: '2022', start: '2022-01-01', end: '2022-06-30' })).toEqual({ start: '2021-01-01', end: '2021-06-30' });
    expect(lastYearRange({ id: '20240229', start: '2024-02-29', end: '2024-02-29' })).toEqual({ start: '2023-02-28', end: '2023-02-28' });
    expect(lastYearRange({ id: 'LAST_7_DAYS', start: '2022-06-23', end: '2022-06-29' })).toEqual({ start: '2021-06-23', end: '2021-06-29' });
    expect(lastYearRange(periodWindow('LY:2022S1', '2022-06-30')!)).toEqual({ start: '2020-01-01', end: '2020-06-30' });
    // The browser's last-year choice reads the same days as the server's last_year() of the choice.
    for (const [period, asOf] of [
      ['2024W24', '2024-06-20'],
      ['2022', '2022-06-30'],
      ['202206', '2022-06-10'],
      ['LAST_7_DAYS', '2022-06-30'],
      ['2022W01', '2022-01-05'],
    ]) {
      const choice = lastYearChoice(period, asOf);
      const { start, end } = periodWindow(choice.period, choice.asOf)!;
      expect({ start, end }, period).toEqual(lastYearRange(periodWindow(period, asOf)!));
    }
  });

  it('moves a choice a year back, twice over, with the days last_year() reads', () => {
    expect(lastYearChoice('2022S1', '2022-06-30')).toEqual({ period: 'LY:2022S1', asOf: '2022-06-30' });
    expect(lastYearChoice('LY:2022S1', '2022-06-30')).toEqual({ period: 'LY:2021S1', asOf: '2021-06-30' });
    expect(lastYearChoice('LY:YEAR_TO_DATE', '2024-02-29')).toEqual({ period: 'LY:YEAR_TO_DATE', asOf: '2023-02-28' });
    const twice = lastYearChoice('LY:2022', '2022-06-30');
    expect(periodWindow(twice.period, twice.asOf)).toMatchObject({ start: '2020-01-01', end: '2020-06-30' });
    const week = lastYearChoice('LAST_7_DAYS', '2022-06-30');
    expect(periodWindow(week.period, week.asOf)).toMatchObject(sameRangeLastYear(periodWindow('LAST_7_DAYS', '2022-06-30')!));
  });
});
