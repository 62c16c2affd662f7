// The period and as-of date a screen shows its figures for: kept in the address (?period=2022S1&asOf=2022-06-30)
// so a link or a refresh shows the same figures, and remembered for the session so the next screen opens on it.
import { useSearchParams } from 'react-router';
import {
  isRealDate,
  parsePeriod,
  periodWindow,
  RELATIVE_PERIODS,
  splitLastYear,
  type PeriodType,
  type RelativePeriod,
} from '../../../../core/periods';
import { useMe } from '../../../app/auth';
import { today } from '../../../lib/format';

export interface PeriodChoice {
  /** A period id (2022S1), a relative period (LAST_7_DAYS), or either a year back (LY:2022S1). */
  period: string;
  /** The day the figures are read for (YYYY-MM-DD). */
  asOf: string;
}

/** The demo township's synthetic records end here: its screens open on this day, not on an empty today. */
export const DEMO_AS_OF = '2022-06-30';

const STORE = 'zhenwu.periodChoice';

export function isRelative(period: string): period is RelativePeriod {
  return (RELATIVE_PERIODS as readonly string[]).includes(period);
}

/** Targets are set per standard period: relative periods and last year's (LY:) have none. */
export function hasTargets(period: string): boolean {
  return !isRelative(period) && !splitLastYear(period).lastYear;
}

/** The kind of a period id (of LY:2022S1 too): a period type, 'relative', or null when it names nothing. */
export function periodKind(period: string): PeriodType | 'relative' | null {
  const { base, lastYear } = splitLastYear(period);
  if (lastYear && splitLastYear(base).lastYear) return null;
  if (isRelative(base)) return 'relative';
  return parsePeriod(base)?.type ?? null;
}

export function useDefaultAsOf(): string {
  const me = useMe();
  return me.township?.demo ? DEMO_AS_OF : today();
}

function remembered(): Partial<PeriodChoice> {
  try {
    return JSON.parse(sessionStorage.getItem(STORE) ?? '{}') as Partial<PeriodChoice>;
  } catch {
    return {};
  }
}

/**
 * The screen's period choice. `fallback` gives the period when neither the address nor the session names one;
 * `accept` refuses periods the screen cannot show (targets need a standard period, the dispatch a day range).
 */
export function usePeriodChoice(
  options: { fallback?: (asOf: string) => string; accept?: (period: string) => boolean; remember?: boolean } = {},
): [PeriodChoice, (next: PeriodChoice) => void] {
  const [search, setSearch] = useSearchParams();
  const defaultAsOf = useDefaultAsOf();
  const { fallback = (asOf: string) => asOf.slice(0, 4), accept = () => true, remember = true } = options;
  const stored = remember ? remembered() : {};
  const valid = (p: string | null | undefined): p is string => !!p && periodKind(p) !== null && accept(p);
  const asOfParam = search.get('asOf');
  const asOf = asOfParam && isRealDate(asOfParam) ? asOfParam : stored.asOf && isRealDate(stored.asOf) ? stored.asOf : defaultAsOf;
  const periodParam = search.get('period');
  const period = valid(periodParam) ? periodParam : valid(stored.period) ? stored.period : fallback(asOf);
  const set = (next: PeriodChoice) => {
    if (remember) sessionStorage.setItem(STORE, JSON.stringify(next));
    setSearch(
      (prev) => {
        const params = new URLSearchParams(prev);
        params.set('period', next.period);
        params.set('asOf', next.asOf);
        return params;
      },
      { replace: true },
    );
  };
  return [{ period, asOf }, set];
}

/** 2022年上半年 / 近7日（6月23日—6月29日）: the label of a choice, as the server would write it. */
export function choiceLabel(choice: PeriodChoice): string {
  return periodWindow(choice.period, choice.asOf)?.label ?? choice.period;
}
