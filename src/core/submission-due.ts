// When a village's figures for a period are due, and whether a submission was on time. Pure, shared by the
// server (on-time rate, overdue list) and the browser (the due date shown above the grid).
import { chinaDate } from './china-time.js';
import { addDays, type Period, type PeriodType } from './periods.js';

/** Days after a period's last day by which villages submit it, when the ledger sets no due_days of its own. */
export const DEFAULT_DUE_DAYS: Record<PeriodType, number> = { day: 1, week: 2, month: 5, quarter: 10, half: 15, year: 30 };

/** The last day (inclusive) on which a submission of the period is on time. */
export function dueDateOf(period: Pick<Period, 'type' | 'end'>, dueDays?: number | null): string {
  return addDays(period.end, dueDays ?? DEFAULT_DUE_DAYS[period.type]);
}

/** Submitted on or before the due date, by the China-time calendar. */
export function submittedOnTime(submittedAt: Date | string, dueDate: string): boolean {
  return chinaDate(submittedAt) <= dueDate;
}

/** A share in percent with one decimal (66.7), or null when there is nothing to count. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
