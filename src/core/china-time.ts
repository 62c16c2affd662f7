// Times as a township reads them: China Standard Time (Asia/Shanghai, UTC+8, no daylight saving since 1991).
// The one place that turns an instant into China's calendar and clock, in the browser and on the server alike,
// whatever time zone the process runs in.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The instant's China wall clock, written as an ISO string: "2022-07-01T01:30:05.000Z" for 2022-06-30T17:30:05Z. */
const chinaClock = (instant: Date | string) =>
  new Date((instant instanceof Date ? instant : new Date(instant)).getTime() + CHINA_OFFSET_MS).toISOString();

/** The calendar day of an instant in China, "2022-07-01": the day a village sees. */
export function chinaDate(instant: Date | string = new Date()): string {
  return chinaClock(instant).slice(0, 10);
}

/** Today in China, "2022-07-01" (the UTC date lags it by one day from 00:00 to 08:00 Beijing time). */
export function chinaToday(): string {
  return chinaDate(new Date());
}

/** "2022-06-16 09:30": an instant as the app shows it, on screen and in its messages. */
export function chinaDateTime(instant: Date | string): string {
  return chinaClock(instant).slice(0, 16).replace('T', ' ');
}

/** "2022-06-16 09:30:05": an instant to the second, for exported spreadsheets, where rows are compared and sorted. */
export function chinaTimestamp(instant: Date | string): string {
  return chinaClock(instant).slice(0, 19).replace('T', ' ');
}

/** The instant a China calendar day (YYYY-MM-DD) begins: 2022-07-01 → 2022-06-30T16:00:00Z. */
export function startOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** A China calendar day at the instant's China time of day: 2022-06-30 at now's 14:05 Beijing time. */
export function onChinaDay(date: string, instant: Date = new Date()): Date {
  return new Date(startOfChinaDay(date).getTime() + (instant.getTime() - startOfChinaDay(chinaDate(instant)).getTime()));
}
