// Times as a township reads them: China Standard Time (UTC+8, no daylight saving since 1991).
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** "2022-01-15 10:00:00" for an instant (an ISO string or a Date), in China Standard Time. */
export function chinaDateTime(value: string | Date): string {
  const instant = typeof value === 'string' ? new Date(value) : value;
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
