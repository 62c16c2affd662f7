// Period ids after DHIS2: 2022 (year), 2022S1 (half year), 2022Q2 (quarter), 202206 (month), 2022W24 (ISO week),
// 20220615 (day). A period is a closed range of calendar days; dates are ISO strings (YYYY-MM-DD), computed in UTC
// so that no time zone shifts a day.

export const PERIOD_TYPES = ['day', 'week', 'month', 'quarter', 'half', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_TYPE_NAMES: Record<PeriodType, string> = { day: '日', week: '周', month: '月', quarter: '季度', half: '半年', year: '年' };

export interface Period {
  id: string;
  type: PeriodType;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
}

// Arithmetic rather than a Date round trip: imports check this 100,000 times per file.
/** A YYYY-MM-DD string naming a day that exists (no 2022-02-30, no 2022-13-01). */
export function isRealDate(s: string): boolean {
  if (s.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);
}

const DAY_MS = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const parseDate = (s: string) => new Date(`${s}T00:00:00Z`);
export const addDays = (date: string, days: number) => isoDate(new Date(parseDate(date).getTime() + days * DAY_MS));
const lastDayOfMonth = (y: number, m: number) => utc(y, m + 1, 0).getUTCDate();

/** Monday of ISO week 1: the week that holds 4 January. */
function isoWeekOneMonday(year: number): Date {
  const jan4 = utc(year, 1, 4);
  return new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS);
}

function isoWeeksIn(year: number): number {
  return Math.round((isoWeekOneMonday(year + 1).getTime() - isoWeekOneMonday(year).getTime()) / (7 * DAY_MS));
}

/** The period with this id, or null if the id does not name a real period. */
export function parsePeriod(id: string): Period | null {
  let m: RegExpMatchArray | null;
  if ((m = id.match(/^(\d{4})$/))) {
    const y = Number(m[1]);
    return { id, type: 'year', start: `${y}-01-01`, end: `${y}-12-31` };
  }
  if ((m = id.match(/^(\d{4})S([12])$/))) {
    const y = m[1];
    return m[2] === '1' ? { id, type: 'half', start: `${y}-01-01`, end: `${y}-06-30` } : { id, type: 'half', start: `${y}-07-01`, end: `${y}-12-31` };
  }
  if ((m = id.match(/^(\d{4})Q([1-4])$/))) {
    const y = Number(m[1]);
    const first = (Number(m[2]) - 1) * 3 + 1;
    return { id, type: 'quarter', start: `${y}-${pad(first)}-01`, end: `${y}-${pad(first + 2)}-${pad(lastDayOfMonth(y, first + 2))}` };
  }
  if ((m = id.match(/^(\d{4})W(\d{1,2})$/))) {
    const y = Number(m[1]);
    const w = Number(m[2]);
    if (w < 1 || w > isoWeeksIn(y)) return null;
    const monday = new Date(isoWeekOneMonday(y).getTime() + (w - 1) * 7 * DAY_MS);
    return { id: `${y}W${pad(w)}`, type: 'week', start: isoDate(monday), end: isoDate(new Date(monday.getTime() + 6 * DAY_MS)) };
  }
  if ((m = id.match(/^(\d{4})(\d{2})$/))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { id, type: 'month', start: `${y}-${pad(mo)}-01`, end: `${y}-${pad(mo)}-${pad(lastDayOfMonth(y, mo))}` };
  }
  if ((m = id.match(/^(\d{4})(\d{2})(\d{2})$/))) {
    const date = `${m[1]}-${m[2]}-${m[3]}`;
    if (isoDate(parseDate(date)) !== date || Number.isNaN(parseDate(date).getTime())) return null;
    return { id, type: 'day', start: date, end: date };
  }
  return null;
}

/** The period of the given type that holds the date. */
export function periodOf(type: PeriodType, date: string): Period {
  const [y, mo] = date.split('-').map(Number);
  switch (type) {
    case 'year':
      return parsePeriod(String(y))!;
    case 'half':
      return parsePeriod(`${y}S${mo <= 6 ? 1 : 2}`)!;
    case 'quarter':
      return parsePeriod(`${y}Q${Math.ceil(mo / 3)}`)!;
    case 'month':
      return parsePeriod(`${y}${pad(mo)}`)!;
    case 'day':
      return parsePeriod(date.replaceAll('-', ''))!;
    case 'week': {
      // The ISO year of a day is the year of its week's Thursday.
      const d = parseDate(date);
      const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
      const weekYear = thursday.getUTCFullYear();
      const week = Math.floor((thursday.getTime() - isoWeekOneMonday(weekYear).getTime()) / (7 * DAY_MS)) + 1;
      return parsePeriod(`${weekYear}W${pad(week)}`)!;
    }
  }
}

/** The period of the same type right after (steps > 0) or before (steps < 0) this one. */
export function shiftPeriod(period: Period, steps: number): Period {
  if (steps === 0) return period;
  const step = steps > 0 ? 1 : -1;
  let p = period;
  for (let i = 0; i !== steps; i += step) {
    p = periodOf(p.type, step > 0 ? addDays(p.end, 1) : addDays(p.start, -1));
  }
  return p;
}

/** Chinese label of a period: 2022年上半年, 2022年第2季度, 2022年6月, 2022年第24周, 2022年6月15日. */
export function periodLabel(period: Period): string {
  const y = period.id.slice(0, 4);
  switch (period.type) {
    case 'year':
      return `${y}年`;
    case 'half':
      return `${y}年${period.id.endsWith('1') ? '上' : '下'}半年`;
    case 'quarter':
      return `${y}年第${period.id.slice(5)}季度`;
    case 'month':
      return `${y}年${Number(period.id.slice(4))}月`;
    case 'week':
      return `${y}年第${Number(period.id.slice(5))}周`;
    case 'day':
      return `${y}年${Number(period.id.slice(4, 6))}月${Number(period.id.slice(6))}日`;
  }
}

/** Every period of the type that overlaps the closed date range, in order. */
export function periodsBetween(type: PeriodType, start: string, end: string): Period[] {
  const list: Period[] = [];
  for (let p = periodOf(type, start); p.start <= end; p = shiftPeriod(p, 1)) list.push(p);
  return list;
}

/** A closed range of days that is not one standard period, such as "the last 7 days". */
export interface DateRange {
  start: string;
  end: string;
}

export const RELATIVE_PERIODS = [
  'YESTERDAY',
  'TODAY',
  'LAST_7_DAYS',
  'THIS_WEEK',
  'THIS_MONTH',
  'LAST_MONTH',
  'THIS_QUARTER',
  'THIS_HALF',
  'THIS_YEAR',
  'YEAR_TO_DATE',
] as const;
export type RelativePeriod = (typeof RELATIVE_PERIODS)[number];

export const RELATIVE_PERIOD_NAMES: Record<RelativePeriod, string> = {
  YESTERDAY: '昨日',
  TODAY: '今日',
  LAST_7_DAYS: '近7日',
  THIS_WEEK: '本周',
  THIS_MONTH: '本月',
  LAST_MONTH: '上月',
  THIS_QUARTER: '本季度',
  THIS_HALF: '本半年',
  THIS_YEAR: '本年',
  YEAR_TO_DATE: '年初至今',
};

/** The days a relative period covers on the as-of date (the day the figures are read for). */
export function resolveRelative(relative: RelativePeriod, asOf: string): DateRange {
  switch (relative) {
    case 'YESTERDAY':
      return { start: addDays(asOf, -1), end: addDays(asOf, -1) };
    case 'TODAY':
      return { start: asOf, end: asOf };
    // The 7 full days before the as-of day: a daily dispatch on the 16th reports the 9th to the 15th.
    case 'LAST_7_DAYS':
      return { start: addDays(asOf, -7), end: addDays(asOf, -1) };
    case 'THIS_WEEK':
      return periodOf('week', asOf);
    case 'THIS_MONTH':
      return periodOf('month', asOf);
    case 'LAST_MONTH':
      return shiftPeriod(periodOf('month', asOf), -1);
    case 'THIS_QUARTER':
      return periodOf('quarter', asOf);
    case 'THIS_HALF':
      return periodOf('half', asOf);
    case 'THIS_YEAR':
      return periodOf('year', asOf);
    case 'YEAR_TO_DATE':
      return { start: `${asOf.slice(0, 4)}-01-01`, end: asOf };
  }
}

/** The same days one year earlier; 29 February becomes 28 February. */
export function sameRangeLastYear(range: DateRange): DateRange {
  const back = (date: string) => {
    const year = Number(date.slice(0, 4)) - 1;
    const monthDay = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
    return `${year}-${monthDay}`;
  };
  return { start: back(range.start), end: back(range.end) };
}

/** The period of the same kind one year earlier (2022S1 → 2021S1, 2022W24 → 2021W24 or the last week of 2021). */
export function samePeriodLastYear(period: Period): Period {
  const year = Number(period.id.slice(0, 4)) - 1;
  switch (period.type) {
    case 'year':
      return parsePeriod(String(year))!;
    case 'week': {
      const week = Math.min(Number(period.id.slice(5)), isoWeeksIn(year));
      return parsePeriod(`${year}W${pad(week)}`)!;
    }
    case 'day': {
      const { start } = sameRangeLastYear(period);
      return periodOf('day', start);
    }
    default:
      return parsePeriod(`${year}${period.id.slice(4)}`)!;
  }
}

/** Number of days of a range, both ends included. */
export function daysIn(range: DateRange): number {
  return Math.round((parseDate(range.end).getTime() - parseDate(range.start).getTime()) / DAY_MS) + 1;
}

/** A period or relative period as read on an as-of date: its days, capped at the as-of date, and its label. */
export interface PeriodWindow extends DateRange {
  id: string;
  label: string;
  /** Starts after the as-of date: nothing has happened in it yet. */
  future: boolean;
}

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8))}日`;
const dayRange = (range: DateRange) => (range.start === range.end ? monthDay(range.start) : `${monthDay(range.start)}—${monthDay(range.end)}`);

/** Prefix of "the same period last year" of a period or relative period: LY:2022S1, LY:YEAR_TO_DATE. */
export const LAST_YEAR_PREFIX = 'LY:';

export const isLastYear = (id: string) => id.startsWith(LAST_YEAR_PREFIX);

/** The period or relative period an id reads (2022S1 for LY:2022S1), and whether it is moved a year back. */
export function splitLastYear(id: string): { base: string; lastYear: boolean } {
  return isLastYear(id) ? { base: id.slice(LAST_YEAR_PREFIX.length), lastYear: true } : { base: id, lastYear: false };
}

/**
 * The days `last_year()` reads for a window: the same period a year back, matched by date while it runs (a week
 * is the same ISO week, so a weekly ledger's figures line up), or for a relative period the same dates. A window
 * of LY:2022S1 (2021S1) reads 2020S1.
 */
export function lastYearRange(window: { id: string } & DateRange): DateRange {
  const period = periodOfWindow(window.id);
  return period ? matchingDays(samePeriodLastYear(period), period, window.end) : sameRangeLastYear(window);
}

/** The period whose days a window id reads (2021S1 for LY:2022S1), or null for a relative period. */
export function periodOfWindow(id: string): Period | null {
  const { base, lastYear } = splitLastYear(id);
  const parsed = parsePeriod(base);
  return parsed && (lastYear ? samePeriodLastYear(parsed) : parsed);
}

/**
 * A choice of period and as-of date moved a year back: LY:2022S1 for 2022S1, and for LY:2022S1 itself LY:2021S1
 * read a year earlier. Its window holds the days the server's last_year() reads for the choice (`lastYearRange`).
 */
export function lastYearChoice(period: string, asOf: string): { period: string; asOf: string } {
  const { base, lastYear } = splitLastYear(period);
  if (!lastYear) return { period: `${LAST_YEAR_PREFIX}${period}`, asOf };
  const parsed = parsePeriod(base);
  return { period: `${LAST_YEAR_PREFIX}${parsed ? samePeriodLastYear(parsed).id : base}`, asOf: sameRangeLastYear({ start: asOf, end: asOf }).end };
}

/** The same day some months away, kept within the month (31 May one month back is 30 April). */
function addMonths(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${pad(m)}-${pad(Math.min(Number(date.slice(8)), lastDayOfMonth(y, m)))}`;
}

/** A period id for a file name: LY:2022S1 → 上年同期-2022S1 (":" is not allowed in Windows file names). */
export const periodFileTag = (id: string) => id.replace(LAST_YEAR_PREFIX, '上年同期-');

/**
 * The days of another period of the same type (the one before, or last year's) that match a period read up to
 * `end`: all of it when the period is complete, else up to the same date (2022 to 30 June → 2021 to 30 June, in
 * a leap year too) or, for weeks, as many days.
 */
export function matchingDays(other: Period, period: Period, end: string): DateRange {
  if (end >= period.end) return { start: other.start, end: other.end };
  const months =
    (Number(other.start.slice(0, 4)) - Number(period.start.slice(0, 4))) * 12 + Number(other.start.slice(5, 7)) - Number(period.start.slice(5, 7));
  const same =
    period.type === 'week' || period.type === 'day' ? addDays(other.start, daysIn({ start: period.start, end }) - 1) : addMonths(end, months);
  return { start: other.start, end: same < other.end ? same : other.end };
}

/**
 * Resolves a period id (2022S1), relative period (LAST_7_DAYS) or either a year back (LY:2022S1) against an
 * as-of date, or null when the id names none of them. A period still running on the as-of date ends on it: 2022
 * as of 2022-06-30 is the first half, and LY:2022 then is 2021 to 30 June.
 */
export function periodWindow(id: string, asOf: string): PeriodWindow | null {
  const { base, lastYear } = splitLastYear(id);
  if (lastYear) {
    const now = isLastYear(base) ? null : periodWindow(base, asOf);
    if (!now) return null;
    const range = lastYearRange(now);
    const before = periodOfWindow(id);
    const label = before ? `${periodLabel(before)}（上年同期）` : `上年同期·${now.label.replace(/（.*）$/, '')}（${dayRange(range)}）`;
    return { id, ...range, label, future: now.future };
  }
  if ((RELATIVE_PERIODS as readonly string[]).includes(id)) {
    const range = resolveRelative(id as RelativePeriod, asOf);
    return { id, ...range, label: `${RELATIVE_PERIOD_NAMES[id as RelativePeriod]}（${dayRange(range)}）`, future: range.start > asOf };
  }
  const period = parsePeriod(id);
  if (!period) return null;
  return { id: period.id, start: period.start, end: period.end < asOf ? period.end : asOf, label: periodLabel(period), future: period.start > asOf };
}
