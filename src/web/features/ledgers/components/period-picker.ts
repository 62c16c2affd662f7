import type { PeriodType } from '../../../../core/periods';

/** The antd DatePicker mode that picks a period of each type (a half year is picked by one of its months). */
export const PERIOD_PICKERS: Record<PeriodType, 'date' | 'week' | 'month' | 'quarter' | 'year'> = {
  day: 'date',
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  half: 'month',
  year: 'year',
};
