// Turning a past report into a template: every "*" (a figure typed by hand) and every number of the text becomes
// a candidate with ranked placeholder suggestions in the report-template.ts grammar, plus "保留原文" (leave as
// text). Pure: the evidence is the words around the candidate — the unit after it, the clause before and after
// it, period words, the figure before it in the same sentence — weighed against the township's catalogue.
//
// Rules a reviewer needs to know (docs/reports.md, "Turning a past report into a template"):
// - names: IDF-weighted character-bigram coverage of an indicator's name or alias by the words near the figure
//   (its clause before 1.0, the words it counts after 0.9, earlier clauses of the sentence 0.6, the paragraph
//   before 0.3), so a rare shared word (耕地) weighs more than a common one (面积);
// - "余" (approx): the step is 10 for plain figures and 1 when the figure is shown in 万/亿 ("*余万元"); a star
//   carries no magnitude, so this is a rule, not a guess. A written number takes a step of a hundredth of it;
// - 今年 / 本年度 / 年初以来 read the report's period when it starts on 1 January (a half year or quarter one,
//   the same days as the year to date), else ytd; 去年 (not after 较/比/同比) reads ly, 昨日 yesterday, 近七日 last7.
import { parseTemplate, placeholderText, type PlaceholderKind } from './report-template.js';
import {
  bigrams,
  CANDIDATE,
  CLAUSE_END,
  FigureUnit,
  longestCommon,
  periodFromWords,
  periodLabel,
  readUnit,
  SENTENCE_END,
  unitFit,
  WORDING_UNITS,
} from './report-suggest-words.js';

export interface SuggestIndicator {
  key: string;
  name: string;
  unit: string;
  aliases?: string[];
  workLine?: string;
}
export interface SuggestLedgerField {
  key: string;
  label: string;
  type: string;
  unit?: string;
  choices?: string[];
}
export interface SuggestLedger {
  key: string;
  name: string;
  fields: SuggestLedgerField[];
}
export interface SuggestTask {
  title: string;
  nodes?: string[];
}
export interface SuggestCatalogue {
  indicators: SuggestIndicator[];
  ledgers: SuggestLedger[];
  /** The key projects' names (重点工程项目). */
  projects: string[];
  tasks?: SuggestTask[];
  villages: string[];
  /** 川山坪; the full name (川山坪镇) when known. */
  townshipShort: string;
  townshipName?: string;
  /** The report's period id (2022S1) and as-of date (2022-06-30), when known. */
  period?: string;
  asOf?: string;
}

export interface Suggestion {
  /** The full {{…}} text, valid under parseTemplate; '' for 保留原文. */
  placeholder: string;
  label: string;
  score: number;
}
export interface Candidate {
  index: number;
  offset: number;
  line: number;
  column: number;
  /** '*' or the number as written. */
  original: string;
  before: string;
  after: string;
  suggestions: Suggestion[];
}

export { bigrams, longestCommon, periodFromWords, readUnit, unitFit } from './report-suggest-words.js';
export const KEEP_TEXT = '保留原文';
const MAX_SUGGESTIONS = 6;

// ---- the context of one figure ----------------------------------------------------------------------------

interface Context {
  start: number;
  end: number;
  original: string;
  unit: FigureUnit;
  clauseBefore: string;
  clauseAfter: string;
  /** The rest of the clause from the next figure on. */
  clauseRest: string;
  earlierClauses: string;
  sentence: string;
  sentenceAfter: string;
  paragraphBefore: string;
  /** Bigram → weight of the nearest window it appears in. */
  words: Map<string, number>;
  /** The same without the sentence after the figure (what a more specific name must find). */
  wordsBefore: Map<string, number>;
  /** The bigrams of the figure's own clause, for how much of it a name explains. */
  near: string[];
  /** Directly preceded by a Latin letter (S308, m³ written m*): a code or an exponent. */
  afterLetter: boolean;
  rangeFirst: boolean;
  rangeSecond: boolean;
}

function lastIndexOfRe(text: string, re: RegExp, from: number): number {
  for (let i = from - 1; i >= 0; i--) if (re.test(text[i])) return i;
  return -1;
}
function indexOfRe(text: string, re: RegExp, from: number): number {
  for (let i = from; i < text.length; i++) if (re.test(text[i])) return i;
  return text.length;
}

function contextOf(masked: string, start: number, end: number, original: string): Context {
  const lineStart = masked.lastIndexOf('\n', start - 1) + 1;
  const clauseStart = lastIndexOfRe(masked, CLAUSE_END, start) + 1;
  const sentenceStart = lastIndexOfRe(masked, SENTENCE_END, start) + 1;
  const clauseEnd = indexOfRe(masked, CLAUSE_END, end);
  const sentenceEnd = indexOfRe(masked, SENTENCE_END, end);
  const unit = readUnit(masked.slice(end, end + 8));
  const clauseBefore = masked.slice(clauseStart, start);
  const whole = masked.slice(end, Math.max(clauseEnd, end));
  // The words after the next figure of the clause are that figure's ("*个村民小组合并为*个").
  const nextFigure = whole.indexOf('□', unit.length);
  const clauseAfter = nextFigure > 0 ? whole.slice(0, nextFigure) : whole;
  const clauseRest = nextFigure > 0 ? whole.slice(nextFigure) : '';
  const earlierClauses = masked.slice(sentenceStart, clauseStart);
  const paragraphBefore = masked.slice(Math.max(lineStart, start - 160), sentenceStart);
  const sentenceAfter = masked.slice(clauseEnd, sentenceEnd);
  const enumeration = clauseBefore.lastIndexOf('、');
  const lastEarlier = lastIndexOfRe(earlierClauses, CLAUSE_END, earlierClauses.length - 1) + 1;
  const words = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const b of bigrams(text)) if ((words.get(b) ?? 0) < weight) words.set(b, weight);
  };
  add(clauseBefore.slice(enumeration + 1), 1);
  add(clauseBefore.slice(0, Math.max(enumeration, 0)), 0.75);
  add(clauseAfter, 0.9);
  add(clauseRest, 0.5);
  add(earlierClauses.slice(lastEarlier), 0.6);
  add(earlierClauses.slice(0, lastEarlier).slice(-60), 0.45);
  add(paragraphBefore, 0.2);
  const wordsBefore = new Map(words);
  add(sentenceAfter.slice(0, 30), 0.25);
  return {
    start,
    end,
    original,
    unit,
    clauseBefore,
    clauseAfter,
    clauseRest,
    earlierClauses,
    sentence: masked.slice(sentenceStart, sentenceEnd),
    sentenceAfter,
    paragraphBefore,
    words,
    wordsBefore,
    near: bigrams(clauseBefore.slice(enumeration + 1) + '□' + clauseAfter.slice(unit.length)),
    afterLetter: /[A-Za-z]/.test(masked[start - 1] ?? ''),
    rangeFirst: /^[-－—~～至到]□/.test(masked.slice(end, end + 2)),
    rangeSecond: /□[-－—~～至到]$/.test(masked.slice(Math.max(0, start - 2), start)),
  };
}

// ---- scoring names ---------------------------------------------------------------------------------------

class NameIndex {
  private idf = new Map<string, number>();
  private mean = 1;
  constructor(documents: string[][]) {
    const df = new Map<string, number>();
    for (const texts of documents) for (const b of new Set(texts.flatMap(bigrams))) df.set(b, (df.get(b) ?? 0) + 1);
    const n = Math.max(documents.length, 1);
    for (const [b, d] of df) this.idf.set(b, Math.log(1 + n / d));
    const values = [...this.idf.values()];
    this.mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1;
  }
  private weight(gram: string): number {
    return this.idf.get(gram) ?? this.mean;
  }
  /**
   * How much of the best-covered text the figure's words cover, weighted by rarity and smoothed for short texts
   * (recall), with a little of how much of the figure's own clause the text explains (precision).
   */
  score(texts: string[], words: Map<string, number>, near: string[] = []): number {
    let best = 0;
    const nearTotal = near.reduce((a, g) => a + this.weight(g), 0);
    for (const text of texts) {
      const grams = bigrams(text);
      if (!grams.length) continue;
      let total = this.mean * 0.8;
      let got = 0;
      for (const g of grams) {
        total += this.weight(g);
        got += this.weight(g) * (words.get(g) ?? 0);
      }
      const set = new Set(grams);
      const explained = nearTotal ? near.filter((g) => set.has(g)).reduce((a, g) => a + this.weight(g), 0) / nearTotal : 0;
      best = Math.max(best, 0.8 * (got / total) + 0.2 * explained);
    }
    return best;
  }
}

// ---- the engine -----------------------------------------------------------------------------------------

interface Scored extends Suggestion {
  /** Indicator key and period of a value suggestion, to tell the next figure of the sentence apart. */
  subject?: string;
}

const MERGE_TOPIC = /村民小组|合组|撤并|并组|合并/;
const MERGE_TARGETS: { fact: string; name: string; unit: string; aliases: string[] }[] = [
  { fact: 'groups_before', name: '合并前村民小组数', unit: '个', aliases: ['全镇村民小组', '现有村民小组'] },
  { fact: 'groups_planned', name: '计划合并后小组数', unit: '个', aliases: ['合并为', '撤并为', '合并后'] },
  { fact: 'villages', name: '参与合组的村数', unit: '个', aliases: ['个村中', '参与合组村'] },
  { fact: 'villages_done', name: '已完成合组的村数', unit: '个', aliases: ['完成全部合组', '完成合组工作'] },
  { fact: 'merged', name: '已撤并小组数', unit: '个', aliases: ['总完成进度', '已合并小组'] },
  { fact: 'progress', name: '合组完成比例', unit: '%', aliases: ['完成进度占比', '合组占比'] },
];
const PLAN_WORDS = /计划|拟|力争|预计|还要|后续|将要|争取|下一步|下阶段/;
const RECORD_CUE = /“[^”]{2,16}”(项目|工程)|该项目|该工程|此项目|这个项目|第一条|这条/;
const AS_OF_WORDS = /截止|截至|截止到|截至到|至$/;
const NOUN_FOLLOW = /^([、，。；！？,.;!?）)”的]|全体|上下|人民|$)/;

function indicatorLabel(name: string, unit: string, period: string | undefined, options: Record<string, string>, village?: string): string {
  const extras = [periodLabel(period)];
  if (village) extras.push(village);
  if (options.scale) extras.push(`按${options.scale}显示`);
  if (options.times) extras.push(`乘以${options.times}`);
  if (options.approx) extras.push(`取整到${options.approx}`);
  return `指标 ${name}（${unit}），${extras.join('，')}`;
}

function figureText(clause: string): string {
  return (
    clause
      .replace(/□/g, '')
      .replace(/^(截至目前|截止目前|目前|其中|已|共计|累计|共|达|为)+/, '')
      .replace(/(已达|达到|已经|达|为|共计|共|约|超过|超)+$/, '')
      .trim() || '数字'
  );
}

export function suggestBindings(text: string, catalogue: SuggestCatalogue): Candidate[] {
  const matches = [...text.matchAll(CANDIDATE)];
  let masked = text;
  for (const m of matches) masked = masked.slice(0, m.index) + '□'.repeat(m[0].length) + masked.slice(m.index + m[0].length);

  const names = new NameIndex([
    ...catalogue.indicators.map((i) => [i.name, ...(i.aliases ?? [])]),
    ...catalogue.ledgers.flatMap((l) => l.fields.map((f) => [f.label])),
    ...MERGE_TARGETS.map((m) => [m.name, ...m.aliases]),
  ]);
  const vocabulary = new Map(catalogue.ledgers.map((l) => [l.key, ledgerVocabulary(l)]));
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);

  let sentence = { end: -1, subjects: new Set<string>(), last: undefined as Scored | undefined };
  return matches.map((m, index) => {
    const original = m[0];
    const start = m.index;
    const end = start + original.length;
    const c = contextOf(masked, start, end, original);
    const sentenceEnd = indexOfRe(masked, SENTENCE_END, end);
    if (sentence.end !== sentenceEnd) sentence = { end: sentenceEnd, subjects: new Set(), last: undefined };
    const suggestions = [
      ...nameSuggestions(c, masked, catalogue, names, vocabulary),
      ...dateSuggestions(c, catalogue),
      ...figureSuggestions(c, catalogue, names, vocabulary, sentence),
    ];
    const ranked = rank(suggestions, keepScore(c));
    const top = ranked[0];
    if (top?.subject) sentence.subjects.add(top.subject);
    if (top?.placeholder) sentence.last = top;
    const line = lineStarts.filter((s) => s <= start).length;
    return {
      index,
      offset: start,
      line,
      column: start - lineStarts[line - 1] + 1,
      original,
      before: text.slice(Math.max(0, start - 20), start),
      after: text.slice(end, end + 12),
      suggestions: ranked.map(({ placeholder, label, score }) => ({ placeholder, label, score: Math.round(score * 1000) / 1000 })),
    };
  });
}

/** Option values come from the report's words: quotes and braces would end the placeholder early. */
const cleanOption = (value: string) => value.replace(/[“”"「」{}\s]/g, '');

function suggestion(kind: PlaceholderKind, target: string, options: Record<string, string>, label: string, score: number, subject?: string): Scored {
  const clean = Object.fromEntries(
    Object.entries(options)
      .map(([k, v]) => [k, cleanOption(v)])
      .filter(([, v]) => v),
  );
  return { placeholder: placeholderText({ kind, target, options: clean, flags: [] }), label, score, subject };
}

/** How strongly the words say the figure is wording: codes, exponents, years, ordinals, ages, plans. */
function keepScore(c: Context): number {
  const star = c.original === '*';
  let keep = 0.33;
  if (c.afterLetter) keep = 0.95;
  if (!star && c.unit.unit === '年' && /^(19|20)\d\d$/.test(c.original)) keep = 0.95;
  if (/第$/.test(c.clauseBefore)) keep = 0.9;
  if (!star && /^[“"（(]?$/.test(c.clauseBefore) && /^[、.．]/.test(c.clauseAfter)) keep = 0.9;
  if (WORDING_UNITS.has(c.unit.unit)) keep = Math.max(keep, 0.7);
  if (PLAN_WORDS.test(c.clauseBefore) || PLAN_WORDS.test(c.earlierClauses.slice(-12))) keep += 0.12;
  return keep;
}

/** A star that is a name: the township ("*镇"), a village ("*村"), the 市委's campaign ("“*”"). */
function nameSuggestions(c: Context, masked: string, catalogue: SuggestCatalogue, names: NameIndex, vocabulary: Map<string, Set<string>>): Scored[] {
  if (c.original !== '*') return [];
  const out: Scored[] = [];
  const short = catalogue.townshipShort;
  const next = masked[c.end];
  if (next === '镇') return [suggestion('township', 'short', {}, `乡镇简称（${short}）`, 0.97)];
  if (next === '村') {
    const subject = /“([^”]{2,16})”/.exec(c.sentence)?.[1];
    const ledgers = catalogue.ledgers.map((l) => ({ l, r: ledgerRelevance(vocabulary.get(l.key)!, c.words) })).sort((a, b) => b.r - a.r);
    for (const { l, r } of ledgers.slice(0, 2))
      out.push(
        suggestion('field', `${l.key}.village`, whereFor(l, subject), `台账 ${l.name} 记录所在村${subject ? `（${subject}）` : ''}`, 0.5 + 0.4 * r),
      );
    for (const p of relatedProjects(catalogue.projects, c, 0.5))
      out.push(suggestion('project', p.name, { show: 'village' }, `重点项目 ${p.name} 所在村`, 0.35 + 0.4 * p.relevance));
    return out;
  }
  const followedBy = masked.slice(c.end, c.end + 4);
  if (!c.unit.unit && !c.unit.scale && NOUN_FOLLOW.test(followedBy) && !/[□\d]$/.test(c.clauseBefore)) {
    const quoted = /“$/.test(c.clauseBefore) && next === '”';
    if (quoted && /市委|市政府|上级/.test(c.clauseBefore + c.earlierClauses)) out.push(suggestion('township', 'campaign', {}, '市委行动名称', 0.85));
    out.push(suggestion('township', 'short', {}, `乡镇简称（${short}）`, quoted ? 0.55 : 0.75));
    if (catalogue.townshipName) out.push(suggestion('township', 'name', {}, `乡镇全称（${catalogue.townshipName}）`, quoted ? 0.45 : 0.6));
  }
  // The township's name inside a project's name: "*中学运动场" is 川山坪中学运动场.
  if (!c.unit.unit) {
    const tail = c.clauseAfter;
    for (const name of catalogue.projects) {
      if (name.length > short.length && name.startsWith(short) && tail.startsWith(name.slice(short.length))) {
        out.push(suggestion('township', 'short', {}, `乡镇简称（${short}，与后文合为“${name}”）`, 0.8));
        out.push(suggestion('project', name, { show: 'name' }, `重点项目 ${name} 的名称（替换“*${name.slice(short.length)}”整段时用）`, 0.6));
      }
    }
  }
  return out;
}

/** "*月*日": the as-of date after 截止, else a task's deadline node named after it, else wording. */
function dateSuggestions(c: Context, catalogue: SuggestCatalogue): Scored[] {
  const unit = c.unit.unit;
  if (unit !== '月' && unit !== '日' && unit !== '号' && unit !== '年') return [];
  const format = unit === '月' ? 'month' : unit === '年' ? 'year' : 'day';
  const label = `截止日期（${format === 'month' ? '月' : format === 'day' ? '日' : '年'}）`;
  if (AS_OF_WORDS.test(c.clauseBefore.replace(/□月$/, ''))) return [suggestion('date', 'asof', { format }, label, 0.85)];
  const out = [suggestion('date', 'asof', { format }, label, 0.3)];
  const around = c.clauseAfter + c.clauseRest + c.sentenceAfter.slice(0, 20);
  for (const task of catalogue.tasks ?? []) {
    for (const node of [...(task.nodes ?? []), task.title]) {
      const overlap = longestCommon(node, around);
      if (overlap < 4) continue;
      const options: Record<string, string> = node === task.title ? { format } : { node, format };
      const score = 0.6 + 0.35 * Math.min(1, overlap / Math.min(node.length, 8));
      out.push(suggestion('task', task.title, options, `督办任务 ${task.title}${node === task.title ? '' : `·${node}`} 的时限`, score));
    }
  }
  return out;
}

interface SentenceState {
  subjects: Set<string>;
  last: Scored | undefined;
}

/** A figure: indicator values, growth, record fields, the merge campaign, key projects. */
function figureSuggestions(
  c: Context,
  catalogue: SuggestCatalogue,
  names: NameIndex,
  vocabulary: Map<string, Set<string>>,
  sentence: SentenceState,
): Scored[] {
  const unit = c.unit;
  if (WORDING_UNITS.has(unit.unit) || unit.unit === '镇' || unit.unit === '村' || c.afterLetter) return [];
  const out: Scored[] = [];
  const written = c.original === '*' ? undefined : Number(c.original.replace(/,/g, ''));
  const period = periodFromWords(c.clauseBefore, catalogue.period);
  const village = catalogue.villages.find((v) => c.clauseBefore.endsWith(v));
  const nearWords = new Map([...c.words].filter(([, w]) => w >= 0.6));
  const rangeWords = (name: string) => ((c.rangeFirst && /最高|上限|最大/.test(name)) || (c.rangeSecond && /最低|下限|最小/.test(name)) ? 0.7 : 1);
  const fitFor = (target: string | undefined) => {
    const fit = unitFit(unit, target);
    if (written !== undefined && fit.options.approx) fit.options.approx = approxStep(written);
    return fit;
  };
  // A clause with no words of its own ("在去年*亩的基础上", "近七日累计*剂") speaks of the previous figure.
  const inherited = sentence.last?.subject?.startsWith('value:') ? sentence.last.subject.split(':')[1].split('@')[0] : undefined;

  const values: (Scored & { fit: number; texts: string[] })[] = [];
  for (const ind of catalogue.indicators) {
    const fit = fitFor(ind.unit);
    if (fit.score === 0) continue;
    const texts = [ind.name, ...(ind.aliases ?? [])];
    const name = names.score(texts, c.words, c.near);
    let score = (0.3 * fit.score + 0.7 * name) * rangeWords(ind.name);
    if (names.score(texts, nearWords) === 0) score *= 0.6;
    const subject = `value:${ind.key}@${period ?? ''}@${village ?? ''}`;
    if (sentence.subjects.has(subject)) score *= 0.6;
    else if (ind.key === inherited && names.score(texts, nearWords) < 0.2) score += 0.3;
    const options: Record<string, string> = { ...(period ? { period } : {}), ...(village ? { unit: village } : {}), ...fit.options };
    values.push({
      ...suggestion('value', ind.key, options, indicatorLabel(ind.name, ind.unit, period, fit.options, village), score, subject),
      fit: fit.score,
      texts,
    });
  }
  preferSpecific(values, c.wordsBefore);
  out.push(...values);

  // Growth of the previous figure's indicator: "同比增长*%".
  if (/同比|增长|增幅|增加|减少|下降|提高/.test(c.clauseBefore) && inherited) {
    const base = catalogue.indicators.find((i) => i.key === inherited)!;
    const form = unit.unit === '%' ? 'rate' : 'amount';
    if (form === 'rate' || unitFit(unit, base.unit).score > 0)
      out.push(suggestion('growth', base.key, { form }, `同比 ${base.name}${form === 'rate' ? '增幅（%）' : `增加量（${base.unit}）`}`, 0.45));
  }

  // Record fields: a figure of one record ("“氢-农业”项目，总投资计划*万元", "该项目一期投入*万元").
  const recordCue = RECORD_CUE.test(c.sentence) ? 1.1 : 0.45;
  const subjectName = /“([^”]{2,16})”/.exec(c.sentence)?.[1];
  for (const l of catalogue.ledgers) {
    const relevance = ledgerRelevance(vocabulary.get(l.key)!, c.words);
    for (const f of l.fields) {
      if (f.type !== 'integer' && f.type !== 'decimal') continue;
      const fit = fitFor(f.unit);
      if (fit.score === 0) continue;
      const name = Math.max(names.score([f.label], c.words, c.near), 0.5 * relevance);
      const options = { ...whereFor(l, subjectName), ...fit.options };
      const subject = `field:${l.key}.${f.key}`;
      const score = (0.3 * fit.score + 0.7 * name) * recordCue * (sentence.subjects.has(subject) ? 0.6 : 1);
      out.push(
        suggestion(
          'field',
          `${l.key}.${f.key}`,
          options,
          `台账 ${l.name}·${f.label}${f.unit ? `（${f.unit}）` : ''}${subjectName ? `，${subjectName}` : ''}`,
          score,
          subject,
        ),
      );
    }
  }

  // The villager-group merge campaign.
  if (MERGE_TOPIC.test(c.sentence) || MERGE_TOPIC.test(c.paragraphBefore)) {
    for (const t of MERGE_TARGETS) {
      const fit = unitFit(unit, t.unit);
      if (fit.score === 0) continue;
      const subject = `merge:${t.fact}`;
      const score = (0.2 + 0.3 * fit.score + 0.6 * names.score([t.name, ...t.aliases], c.words, c.near)) * (sentence.subjects.has(subject) ? 0.6 : 1);
      out.push(suggestion('merge', t.fact, {}, `合组进度：${t.name}`, score, subject));
    }
  }

  // Key projects: their count, or a figure of a named project's description.
  const around = c.clauseAfter + c.clauseBefore;
  if ((unit.unit === '项' || unit.unit === '个') && /项目|工程/.test(around))
    out.push(suggestion('project', 'count', {}, '重点项目个数', /重点/.test(around) ? 0.85 : 0.6));
  const figure = figureText(c.clauseBefore);
  for (const p of relatedProjects(catalogue.projects, c, 0.6))
    out.push(suggestion('project', p.name, { figure }, `重点项目 ${p.name}：${figure}`, 0.12 + 0.3 * p.relevance));
  return out;
}

/**
 * A more specific indicator whose name holds a more general one's (疫情防控专题会议次数 ⊃ 专题会议次数) wins when
 * the words before the figure also name what it adds.
 */
function preferSpecific(values: (Scored & { fit: number; texts: string[] })[], words: Map<string, number>): void {
  const grams = values.map((v) => new Set(bigrams(v.texts[0])));
  const lifted = values.map((v) => v.score);
  values.forEach((general, i) => {
    const g = grams[i];
    if (!g.size) return;
    values.forEach((specific, j) => {
      const s = grams[j];
      if (i === j || specific.fit < general.fit || lifted[j] >= general.score || s.size <= g.size || ![...g].every((x) => s.has(x))) return;
      const extra = [...s].filter((x) => !g.has(x));
      if (extra.filter((x) => (words.get(x) ?? 0) >= 0.2).length * 2 >= extra.length) lifted[j] = Math.max(lifted[j], general.score * 1.02);
    });
  });
  values.forEach((v, i) => (v.score = lifted[i]));
}

/** The words of a ledger: its name (without 台账), its fields' labels and their choices. */
function ledgerVocabulary(l: SuggestLedger): Set<string> {
  return new Set(bigrams([l.name.replace(/台账$/, ''), ...l.fields.flatMap((f) => [f.label, ...(f.choices ?? [])])].join('|')));
}
function ledgerRelevance(vocabulary: Set<string>, words: Map<string, number>): number {
  let hits = 0;
  for (const g of vocabulary) hits += words.get(g) ?? 0;
  return Math.min(1, hits / 3);
}
function whereFor(l: SuggestLedger, subject: string | undefined): Record<string, string> {
  const nameField = l.fields.find((f) => f.type === 'text' && /名称|主体|名$/.test(f.label));
  return subject && nameField && !/[,，:：~]/.test(subject) ? { where: `${nameField.key}~${subject}` } : {};
}

/** A written number's rounding step: a hundredth of it, at least 1 (7,900 → 100; 320 → 1). */
function approxStep(value: number): string {
  const magnitude = Math.floor(Math.log10(Math.max(value, 1)));
  return String(10 ** Math.max(0, magnitude - 1));
}

/** Key projects named shortly before the figure: the longest run of a name's characters found, nearer is better. */
function relatedProjects(projects: string[], c: Context, min: number): { name: string; relevance: number }[] {
  const window = c.paragraphBefore + c.earlierClauses + c.clauseBefore;
  return projects
    .map((name) => {
      for (let len = Math.min(name.length, 8); len >= 4; len--) {
        let at = -1;
        for (let i = 0; i + len <= name.length; i++) at = Math.max(at, window.lastIndexOf(name.slice(i, i + len)));
        if (at >= 0) return { name, relevance: Math.min(1, len / Math.min(name.length, 6)) * (0.5 + (0.5 * (at + len)) / window.length) };
      }
      return { name, relevance: 0 };
    })
    .filter((p) => p.relevance >= min)
    .sort((a, b) => b.relevance - a.relevance)
    .slice(0, 2);
}

/** Best first, one per placeholder, at most MAX_SUGGESTIONS, and 保留原文 first when it scores highest, else last. */
function rank(suggestions: Scored[], keep: number): Scored[] {
  const best = new Map<string, Scored>();
  for (const s of suggestions) if (!best.has(s.placeholder) || best.get(s.placeholder)!.score < s.score) best.set(s.placeholder, s);
  const valid = [...best.values()].filter((s) => parseTemplate(`# 模板\n${s.placeholder}`).errors.length === 0);
  const sorted = valid.sort((a, b) => b.score - a.score).slice(0, MAX_SUGGESTIONS);
  const keepScore = Math.min(1, keep);
  if (!sorted.length || keepScore >= sorted[0].score) return [{ placeholder: '', label: KEEP_TEXT, score: keepScore }, ...sorted];
  return [...sorted, { placeholder: '', label: KEEP_TEXT, score: Math.min(keepScore, sorted[sorted.length - 1].score) }];
}
