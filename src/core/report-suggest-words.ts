// The evidence the suggestion engine reads around a figure of a past report (report-suggest.ts): character
// bigrams and common runs for names, the unit written after the figure and how it fits an indicator's unit, and
// the period words before it. Pure.
import { SCALE_WORDS } from './report-template.js';

// ---- text pieces --------------------------------------------------------------------------------------------

export const CANDIDATE = /\*|[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?/g;
export const CLAUSE_END = /[，,。；;：:！!？?、（）()\n\t]/;
export const SENTENCE_END = /[。；;！!？?\n]/;

/** Distinct character bigrams of the Han/Latin runs of a text (punctuation, digits and masks break runs). */
export function bigrams(text: string): string[] {
  const out = new Set<string>();
  const runs = text.split(/[^\u4e00-\u9fa5A-Za-z]+/);
  for (const run of runs) for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return [...out];
}

/** Length of the longest common substring of two short texts. */
export function longestCommon(a: string, b: string): number {
  let best = 0;
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = a[i - 1] === b[j - 1] ? prev + 1 : 0;
      if (row[j] > best) best = row[j];
      prev = keep;
    }
  }
  return best;
}

// ---- units ----------------------------------------------------------------------------------------------

const BASE_UNITS = [
  '平方公里',
  '平方米',
  '立方米',
  '千瓦时',
  '千米',
  '公里',
  '公顷',
  '人次',
  '小时',
  '季度',
  '千斤',
  'km',
  'KM',
  '㎞',
  'm³',
  'm²',
  '㎡',
  'cm',
  'm',
  '米',
  '亩',
  '人',
  '户',
  '次',
  '个',
  '家',
  '座',
  '栋',
  '剂',
  '处',
  '台',
  '份',
  '名',
  '支',
  '项',
  '起',
  '元',
  '%',
  '％',
  '岁',
  '株',
  '斤',
  '吨',
  '场',
  '笔',
  '条',
  '期',
  '类',
  '种',
  '所',
  '间',
  '套',
  '辆',
  '天',
  '周',
  '年',
  '月',
  '日',
  '号',
  '镇',
  '村',
  '组',
  '倍',
  '位',
  '批',
  '只',
  '头',
  '棵',
  '件',
  '篇',
  '轮',
  '届',
  '点',
  '层',
  '宗',
  '例',
  '门',
  '片',
  '块',
];
const UNIT_ALIASES: Record<string, string> = {
  km: '公里',
  KM: '公里',
  '㎞': '公里',
  千米: '公里',
  'm²': '平方米',
  '㎡': '平方米',
  'm³': '立方米',
  '％': '%',
  m: '米',
};
const SCALE_PREFIXES = ['亿', '万', '千', '百'];
/** Units whose figure is wording of the text far more often than data: ages, counts of kinds, dates. */
export const WORDING_UNITS = new Set(['岁', '类', '种', '倍', '届', '号', '年', '月', '日', '季度', '层', '轮', '周', '天']);
const UNIT_FAMILIES = [
  ['人', '名', '位', '人次'],
  ['个', '家', '处', '座', '项', '所', '间', '支', '套', '点', '宗', '片', '块', '台', '只'],
  ['栋', '座', '间', '处'],
  ['次', '场', '起', '轮', '批', '例', '件'],
  ['户', '家'],
  ['份', '件', '笔'],
];

export interface FigureUnit {
  approx: boolean;
  /** 万 / 亿 / 千 / 百 written before the unit ("*万元", "*万余"), '' for none. */
  scale: string;
  /** The base unit, normalised (km → 公里); '' when none follows. */
  unit: string;
  /** Characters the unit takes after the figure. */
  length: number;
}

/** Reads the unit after a figure: "余万元" → approx, 万, 元. */
export function readUnit(after: string): FigureUnit {
  let i = 0;
  let approx = false;
  let scale = '';
  const skipApprox = () => {
    if (after[i] === '余' || after[i] === '多') {
      approx = true;
      i++;
    }
  };
  skipApprox();
  const base = () => BASE_UNITS.find((u) => after.startsWith(u, i));
  let unit = base();
  if (!unit || unit === '千斤') {
    const prefix = SCALE_PREFIXES.find((p) => after.startsWith(p, i));
    if (prefix) {
      scale = prefix;
      i += prefix.length;
      skipApprox();
      unit = base();
    }
  }
  if (unit) i += unit.length;
  // "m*" / "m□": the exponent of m² or m³ was a figure too.
  if (unit === 'm' && (after[i] === '□' || after[i] === '*')) return { approx, scale, unit: 'm^', length: i + 1 };
  return { approx, scale, unit: unit ? (UNIT_ALIASES[unit] ?? unit) : '', length: i };
}

/** An indicator's or field's unit split into its scale and base: 万元 → 万 + 元, 立方米/日 → 立方米. */
function splitUnit(unit: string): { scale: string; unit: string } {
  const main = unit.split('/')[0].trim();
  const direct = UNIT_ALIASES[main] ?? main;
  if (BASE_UNITS.includes(main) && main !== '千斤') return { scale: '', unit: direct };
  const prefix = SCALE_PREFIXES.find((p) => main.startsWith(p) && main.length > p.length);
  if (prefix) return { scale: prefix, unit: UNIT_ALIASES[main.slice(prefix.length)] ?? main.slice(prefix.length) };
  return { scale: '', unit: direct };
}

const SCALE_VALUE: Record<string, number> = { '': 1, 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };
/** 亩 ↔ 平方米 and 公里 ↔ 米: the factor from the target's unit to the written one. */
const CONVERSIONS: Record<string, Record<string, number>> = {
  亩: { 平方米: 666.67, 公顷: 0.0667 },
  平方米: { 亩: 0.0015 },
  公里: { 米: 1000 },
  米: { 公里: 0.001 },
};

export interface UnitFit {
  score: number;
  options: Record<string, string>;
}

/** How well a target's unit fits the unit written after the figure, and the options that show it so. */
export function unitFit(written: FigureUnit, targetUnit: string | undefined): UnitFit {
  if (!targetUnit) return { score: written.unit ? 0.1 : 0.3, options: {} };
  const target = splitUnit(targetUnit);
  const options: Record<string, string> = {};
  let score: number;
  let factor = 1;
  if (!written.unit) score = 0.35;
  else if (written.unit === target.unit) score = 1;
  else if (written.unit === 'm^' && (target.unit === '平方米' || target.unit === '立方米')) score = 0.8;
  else if (CONVERSIONS[target.unit]?.[written.unit]) {
    score = 0.55;
    factor = CONVERSIONS[target.unit][written.unit];
  } else if (UNIT_FAMILIES.some((f) => f.includes(written.unit) && f.includes(target.unit))) score = 0.6;
  else return { score: 0, options };
  const ratio = SCALE_VALUE[written.scale] / SCALE_VALUE[target.scale];
  if (ratio > 1) {
    const word = Object.entries(SCALE_WORDS).find(([, v]) => v === ratio)?.[0];
    if (word) options.scale = word;
    else factor /= ratio;
  } else if (ratio < 1) factor /= ratio;
  if (factor !== 1) options.times = String(Number(factor.toPrecision(6)));
  if (written.approx) options.approx = written.scale || target.scale ? '1' : '10';
  return { score, options };
}

// ---- periods --------------------------------------------------------------------------------------------

/** True when the report's period starts on 1 January (2022, 2022S1, 2022Q1, 202201): 今年 then means the same days. */
function startsTheYear(period: string | undefined): boolean {
  return !!period && /^\d{4}(S1|Q1|01(\d{2})?)?$/.test(period);
}

/** The relative period the words before a figure name, or undefined for the report's own. */
export function periodFromWords(clause: string, reportPeriod?: string): string | undefined {
  const found: { at: number; period: string | undefined }[] = [];
  const look = (re: RegExp, period: string | undefined) => {
    for (const m of clause.matchAll(re)) found.push({ at: m.index + m[0].length, period });
  };
  look(/昨日|昨天/g, 'yesterday');
  look(/近(七|7)(日|天)|近一周|最近一周/g, 'last7');
  look(/(?<![较比同])(去年|上年)(同期)?(?!同期相比)/g, 'ly');
  look(/今年|本年度?|年初以来|年初至今|\d{4}年度/g, startsTheYear(reportPeriod) ? undefined : 'ytd');
  look(/全年/g, 'year');
  look(/上半年/g, reportPeriod?.endsWith('S1') ? undefined : reportPeriod ? `${reportPeriod.slice(0, 4)}S1` : undefined);
  if (/较|比|同比|相比/.test(clause) && /增长|增加|增幅|下降|减少|提高/.test(clause)) return undefined;
  found.sort((a, b) => b.at - a.at);
  return found[0]?.period;
}

const PERIOD_LABELS: Record<string, string> = { yesterday: '昨日', last7: '近7日', ly: '上年同期', year: '全年', ytd: '年初至今' };
export const periodLabel = (p: string | undefined) => (p ? (PERIOD_LABELS[p] ?? p) : '报告期');
