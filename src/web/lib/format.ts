// Dates and numbers the way Chinese government forms write them.
import dayjs from 'dayjs';
import { chinaDateTime, chinaToday } from '../../core/china-time';

/** An instant in China time, as the server writes it in its messages, whatever the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? chinaDateTime(value) : '—';
}

export function formatDate(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD') : '—';
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('zh-CN');
}

/** A fixed number of decimals, so a column of rates lines up (138.0%, 79.3%). */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${value.toFixed(digits)}%`;
}

/** Today in China, whatever the browser's time zone. */
export function today(): string {
  return chinaToday();
}

/** Validity start of an org unit; 1900-01-01 is the server's "since before records began". */
export function formatValidFrom(value: string | null | undefined): string {
  return value && value > '1900-01-01' ? formatDate(value) : '—';
}

/** 上午好 / 中午好 / 下午好 / 晚上好, by the browser's clock. */
export function greeting(): string {
  const hour = new Date().getHours();
  if (hour < 11) return '上午好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
