// How a report writes its figures, the way township documents do: plain digits ("7912.5"), 千分位 only when the
// office asks for it, approximate figures rounded down ("7900余亩" means more than 7,900), growth as a phrase
// ("同比增长12.3%"), lists joined with "、" and "和", dates as "6月30日".
import { SCALE_WORDS } from './report-template.js';
import { parsePeriod, periodLabel } from './periods.js';

export interface FigureFormat {
  /** Decimal places; trailing zeros are dropped ("120.0" → "120"). */
  dp: number;
  /** 千分位: 12,345. */
  sep?: boolean;
  /** Divide by this (万 → 10,000) after multiplying by `times`. */
  divide?: number;
  times?: number;
  /** Round to a multiple of the step: down by default (余), or to the nearest. */
  approx?: { step: number; mode: 'floor' | 'nearest' };
}

/** Reads the figure options of a placeholder (dp, scale, times, approx, sep); dp defaults to the indicator's. */
export function figureFormat(options: Record<string, string>, flags: string[], defaultDp: number): FigureFormat {
  const format: FigureFormat = { dp: options.dp !== undefined ? Number(options.dp) : defaultDp, sep: flags.includes('sep') };
  if (options.scale) format.divide = SCALE_WORDS[options.scale];
  if (options.times) format.times = Number(options.times);
  if (options.approx) {
    const [step, mode] = options.approx.split(':');
    format.approx = { step: Number(step), mode: mode === 'nearest' ? 'nearest' : 'floor' };
    // an approximate figure has no decimals finer than its step
    if (options.dp === undefined) format.dp = Math.max(0, -Math.floor(Math.log10(format.approx.step)));
  }
  return format;
}

/** A figure as the report writes it; null when there is no value (the renderer shows "—" and warns). */
export function formatFigure(value: number | null | undefined, format: FigureFormat): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  let v = value * (format.times ?? 1);
  if (format.divide) v /= format.divide;
  if (format.approx) {
    const { step, mode } = format.approx;
    // a small epsilon so that 7900.0000001 (float noise) still floors to 7900
    v = mode === 'floor' ? Math.floor(v / step + 1e-9) * step : Math.round(v / step) * step;
  }
  const fixed = roundTo(v, format.dp);
  const text = fixed.toLocaleString('en-US', { useGrouping: !!format.sep, minimumFractionDigits: 0, maximumFractionDigits: format.dp });
  return text === '-0' ? '0' : text;
}

function roundTo(v: number, dp: number): number {
  const f = 10 ** dp;
  return Math.round((v + Number.EPSILON * Math.sign(v)) * f) / f;
}

export interface GrowthOptions {
  /** rate: 同比增长12.3%; amount: 同比增加120亩 */
  form: 'rate' | 'amount';
  dp: number;
  /** The unit written after an amount (亩, 人 …). */
  unit?: string;
}

/**
 * "同比增长12.3%" / "同比下降4.5%" / "与去年同期持平"; null when last year has no value, or is zero for a rate
 * (a growth rate from nothing is not a number the report should invent).
 */
export function growthPhrase(current: number | null, previous: number | null, options: GrowthOptions): string | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  if (options.form === 'amount') {
    const diff = current - previous;
    const text = formatFigure(Math.abs(diff), { dp: options.dp });
    if (text === '0') return '与去年同期持平';
    return `同比${diff > 0 ? '增加' : '减少'}${text}${options.unit ?? ''}`;
  }
  if (previous === 0) return current === 0 ? '与去年同期持平' : null;
  const rate = ((current - previous) / Math.abs(previous)) * 100;
  const text = formatFigure(Math.abs(rate), { dp: options.dp });
  if (text === '0') return '与去年同期持平';
  return `同比${rate > 0 ? '增长' : '下降'}${text}%`;
}

/** ["甲村"] → 甲村; ["甲村","乙村"] → 甲村和乙村; three or more → 甲村、乙村和丙村. */
export function joinChinese(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join('、')}和${names[names.length - 1]}`;
}

/** A rank as the report writes it: 第3. */
export const rankText = (rank: number) => `第${rank}`;

export type DateFormat = 'md' | 'full' | 'year' | 'month' | 'day' | 'label';

/** 2022-06-30 → 6月30日 (md), 2022年6月30日 (full), 2022, 6, 30; label is the same as full for a day. */
export function chineseDate(iso: string, format: DateFormat = 'md'): string {
  const [y, m, d] = iso.split('-').map(Number);
  switch (format) {
    case 'year':
      return String(y);
    case 'month':
      return String(m);
    case 'day':
      return String(d);
    case 'md':
      return `${m}月${d}日`;
    case 'full':
    case 'label':
      return `${y}年${m}月${d}日`;
  }
}

/** 2022S1 → 2022年上半年, 2022 → 2022年, 202206 → 2022年6月; null when the id is not a period. */
export function periodPhrase(id: string): string | null {
  const period = parsePeriod(id);
  return period ? periodLabel(period) : null;
}
