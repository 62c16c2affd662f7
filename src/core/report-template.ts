// The report template language: plain text in lines, with placeholders between {{ and }}.
//
//   # 标题                       the title (first line starting with "# ")
//   ## 一、围绕“方向更明”……        a first-level heading
//   ### （一）……                  a second-level heading
//   {{table projects}}           a line holding only a table placeholder is a table
//   anything else                a paragraph; empty lines are ignored
//
// A placeholder is a kind, a target and options: {{value land_transferred period=ly approx=10}}. Options are
// name=value (the value quoted with "…" or “…” when it holds spaces) or bare flags (sep). Nothing in a template
// runs: the parser only builds this tree, and the renderer looks each kind up in a fixed table. Errors carry
// the line and column of the placeholder so the editor and the API can point at it.

export interface Position {
  /** Offset in the template text (0-based, UTF-16 units as JavaScript counts them). */
  offset: number;
  /** 1-based line and column. */
  line: number;
  column: number;
}

export interface Placeholder extends Position {
  /** Order in the template, 0-based. */
  index: number;
  kind: PlaceholderKind;
  target: string;
  options: Record<string, string>;
  flags: string[];
  /** The placeholder as written, braces included. */
  raw: string;
}

export type Segment = { text: string } | { placeholder: Placeholder };

export type TemplateBlock =
  | { type: 'title'; segments: Segment[]; line: number }
  | { type: 'heading'; level: 1 | 2; segments: Segment[]; line: number }
  | { type: 'paragraph'; segments: Segment[]; line: number }
  | { type: 'table'; placeholder: Placeholder; line: number };

export interface TemplateError extends Position {
  message: string;
  /** The placeholder text (or the start of it) the error is about. */
  placeholder?: string;
}

export interface ParsedTemplate {
  blocks: TemplateBlock[];
  placeholders: Placeholder[];
  errors: TemplateError[];
}

// ---- the kinds -------------------------------------------------------------------------------------------

type OptionCheck = (value: string) => string | null;

const intBetween =
  (min: number, max: number): OptionCheck =>
  (v) =>
    /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? null : `应为 ${min} 到 ${max} 之间的整数`;
const oneOf =
  (...values: string[]): OptionCheck =>
  (v) =>
    values.includes(v) ? null : `应为 ${values.join('、')} 之一`;
const positiveNumber: OptionCheck = (v) => (/^\d+(\.\d+)?$/.test(v) && Number(v) > 0 ? null : '应为正数');
const anyText: OptionCheck = (v) => (v.trim() ? null : '不能为空');

/** Relative periods a placeholder may name; anything else must be a period id (2021S1, 2022 …). */
export const RELATIVE_REPORT_PERIODS = {
  report: '报告期',
  ly: '上年同期',
  year: '报告期所在年',
  ytd: '年初至今',
  yesterday: '昨日',
  last7: '近7日',
} as const;
export type RelativeReportPeriod = keyof typeof RELATIVE_REPORT_PERIODS;

const PERIOD_ID = /^(\d{4}(S[12]|Q[1-4]|W\d{2}|\d{2}(\d{2})?)?|(LY:)?\d{4}(S[12]|Q[1-4]|\d{2})?)$/;
const periodOption: OptionCheck = (v) =>
  v in RELATIVE_REPORT_PERIODS || PERIOD_ID.test(v) ? null : `应为 ${Object.keys(RELATIVE_REPORT_PERIODS).join('、')} 或期间代码（如 2021S1）`;

/** Scale words a figure may be shown in: the value is divided by the factor. */
export const SCALE_WORDS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 十万: 100_000, 百万: 1_000_000, 亿: 100_000_000 };
const scaleOption: OptionCheck = (v) => (v in SCALE_WORDS ? null : `应为 ${Object.keys(SCALE_WORDS).join('、')} 之一`);
/** approx=10 (round down to tens: "7,900余亩" means more than 7,900) or approx=10:nearest. */
const approxOption: OptionCheck = (v) =>
  /^\d+(\.\d+)?(:(floor|nearest))?$/.test(v) && parseFloat(v) > 0 ? null : '应为取整单位，如 10、100 或 10:nearest';
/** where=field:value,field~part (equals / contains), conditions joined with "," */
const whereOption: OptionCheck = (v) => (parseWhere(v) ? null : '应为 字段:值 或 字段~包含的文字，多个条件用逗号分隔');
const keyList: OptionCheck = (v) => (/^[a-z][a-z0-9_]*(,[a-z][a-z0-9_]*)*$/.test(v) ? null : '应为用逗号分隔的键');

const FIGURE_OPTIONS = { dp: intBetween(0, 4), scale: scaleOption, times: positiveNumber, approx: approxOption };
const FIGURE_FLAGS = ['sep'];
const SUBJECT_OPTIONS = { period: periodOption, unit: anyText };

interface KindSpec {
  /** Chinese name shown on chips and in the picker. */
  label: string;
  /** What the target is, for messages; a fixed list when the target is a word of ours. */
  target: string;
  targets?: readonly string[];
  /** Pattern of a free target (indicator key, ledger.field …). */
  targetPattern?: RegExp;
  options: Record<string, OptionCheck>;
  flags?: string[];
  /** Tables stand alone on a line. */
  block?: boolean;
}

const INDICATOR_KEY = /^[a-z][a-z0-9_]{1,47}$/;
const LEDGER_FIELD = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

export const TOWNSHIP_FACTS = {
  /** The report's own unit: the township, or the village whose summary it is. */
  unit: '报告单位名称',
  name: '乡镇全称',
  short: '乡镇简称',
  goal: '工作目标（四词）',
  motto: '工作总方针',
  campaign: '市委行动名称',
} as const;
export const DATE_TARGETS = { asof: '截止日期', period: '报告期', start: '报告期起', end: '报告期止' } as const;
export const DATE_FORMATS = { md: '6月30日', full: '2022年6月30日', year: '2022', month: '6', day: '30', label: '2022年上半年' } as const;
export const MERGE_FACTS = {
  groups_before: '合并前村民小组数',
  groups_planned: '计划合并后小组数',
  groups_now: '现有村民小组数',
  villages: '参与合组的村数',
  villages_done: '已完成合组的村数',
  merged: '已撤并小组数',
  progress: '合组完成比例（%）',
} as const;
export const TABLE_KINDS = { projects: '重点项目附表', grid: '指标分村表', records: '台账记录表' } as const;

export const PLACEHOLDER_KINDS = {
  value: { label: '指标值', target: '指标键', targetPattern: INDICATOR_KEY, options: { ...SUBJECT_OPTIONS, ...FIGURE_OPTIONS }, flags: FIGURE_FLAGS },
  growth: {
    label: '同比',
    target: '指标键',
    targetPattern: INDICATOR_KEY,
    options: { ...SUBJECT_OPTIONS, dp: intBetween(0, 4), form: oneOf('rate', 'amount') },
  },
  top: {
    label: '排名前后列举',
    target: '指标键',
    targetPattern: INDICATOR_KEY,
    options: { ...SUBJECT_OPTIONS, n: intBetween(1, 20), order: oneOf('best', 'worst'), by: oneOf('village', 'cadre_group') },
  },
  rank: { label: '名次', target: '指标键', targetPattern: INDICATOR_KEY, options: { ...SUBJECT_OPTIONS } },
  field: {
    label: '记录字段',
    target: '台账.字段',
    targetPattern: LEDGER_FIELD,
    options: { where: whereOption, ...FIGURE_OPTIONS },
    flags: FIGURE_FLAGS,
  },
  count: { label: '记录条数', target: '台账键', targetPattern: INDICATOR_KEY, options: { where: whereOption, unit: anyText } },
  project: {
    label: '重点项目',
    target: '项目名称或 count',
    targetPattern: /^.+$/,
    options: { figure: anyText, show: oneOf('name', 'village', 'leader', 'group', 'investment') },
    flags: FIGURE_FLAGS,
  },
  task: { label: '督办节点', target: '任务标题', targetPattern: /^.+$/, options: { node: anyText, format: oneOf(...Object.keys(DATE_FORMATS)) } },
  township: { label: '乡镇概况', target: '概况项', targets: Object.keys(TOWNSHIP_FACTS), options: {} },
  date: { label: '日期', target: '日期项', targets: Object.keys(DATE_TARGETS), options: { format: oneOf(...Object.keys(DATE_FORMATS)) } },
  merge: { label: '合组进度', target: '合组数据项', targets: Object.keys(MERGE_FACTS), options: { dp: intBetween(0, 4) } },
  table: {
    label: '表格',
    target: '表格类型',
    targets: Object.keys(TABLE_KINDS),
    options: {
      keys: keyList,
      columns: keyList,
      ledger: anyText,
      where: whereOption,
      by: oneOf('village', 'cadre_group'),
      period: periodOption,
      caption: anyText,
      limit: intBetween(1, 500),
    },
    block: true,
  },
  /** A figure of a past report not yet bound to data: renders as "—" with a warning. */
  unbound: { label: '待绑定', target: '原文', targetPattern: /^.*$/, options: {} },
} satisfies Record<string, KindSpec>;

export type PlaceholderKind = keyof typeof PLACEHOLDER_KINDS;
export const isPlaceholderKind = (k: string): k is PlaceholderKind => Object.hasOwn(PLACEHOLDER_KINDS, k);

// ---- where ----------------------------------------------------------------------------------------------

export interface WhereCondition {
  field: string;
  op: 'eq' | 'contains';
  value: string;
}

/** "type:沥青路面,stage:在建" → conditions; null when malformed. */
export function parseWhere(text: string): WhereCondition[] | null {
  const parts = text.split(/[,，]/).map((p) => p.trim());
  const conditions: WhereCondition[] = [];
  for (const part of parts) {
    const m = /^([a-z][a-z0-9_]*)\s*([:：~])\s*(.+)$/.exec(part);
    if (!m) return null;
    conditions.push({ field: m[1], op: m[2] === '~' ? 'contains' : 'eq', value: m[3].trim() });
  }
  return conditions.length ? conditions : null;
}

// ---- parsing --------------------------------------------------------------------------------------------

const OPEN = '{{';
const CLOSE = '}}';
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」' };

/** Splits a placeholder's inside into words, honouring quotes; null when a quote is not closed. */
function words(inside: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < inside.length) {
    while (i < inside.length && /\s/.test(inside[i])) i++;
    if (i >= inside.length) break;
    let word = '';
    while (i < inside.length && !/\s/.test(inside[i])) {
      const close = QUOTES[inside[i]];
      if (close) {
        const end = inside.indexOf(close, i + 1);
        if (end < 0) return null;
        word += inside.slice(i + 1, end);
        i = end + 1;
      } else {
        word += inside[i++];
      }
    }
    out.push(word);
  }
  return out;
}

const describe = (kind: string) => (isPlaceholderKind(kind) ? `“${PLACEHOLDER_KINDS[kind].label}”` : `“${kind}”`);

/** Parses one placeholder's inside; the errors name what is wrong in Chinese. */
function parsePlaceholder(inside: string): { value?: Omit<Placeholder, keyof Position | 'index' | 'raw'>; error?: string } {
  const list = words(inside);
  if (!list) return { error: '引号没有闭合' };
  if (!list.length) return { error: '占位符是空的' };
  const [kind, ...rest] = list;
  if (!isPlaceholderKind(kind)) return { error: `没有“${kind}”这种占位符（可用：${Object.keys(PLACEHOLDER_KINDS).join('、')}）` };
  const spec: KindSpec = PLACEHOLDER_KINDS[kind];
  const options: Record<string, string> = {};
  const flags: string[] = [];
  const bare: string[] = [];
  for (const word of rest) {
    const eq = word.indexOf('=');
    if (eq > 0) {
      const name = word.slice(0, eq);
      const value = word.slice(eq + 1);
      const check = spec.options[name];
      if (!check)
        return {
          error: `${describe(kind)}没有“${name}”选项${Object.keys(spec.options).length ? `（可用：${Object.keys(spec.options).join('、')}）` : ''}`,
        };
      if (name in options) return { error: `选项“${name}”写了两次` };
      const problem = check(value);
      if (problem) return { error: `选项 ${name}=${value} 有误：${problem}` };
      options[name] = value;
    } else if (spec.flags?.includes(word) && bare.length) {
      flags.push(word);
    } else {
      bare.push(word);
    }
  }
  if (kind === 'unbound') return { value: { kind, target: bare.join(' '), options, flags } };
  if (!bare.length) return { error: `${describe(kind)}缺少${spec.target}` };
  if (bare.length > 1) return { error: `“${bare[1]}”多余：${describe(kind)}只需要一个${spec.target}，其余写成 名称=值` };
  const target = bare[0];
  if (spec.targets && !spec.targets.includes(target))
    return { error: `${describe(kind)}的${spec.target}应为 ${spec.targets.join('、')} 之一，不是“${target}”` };
  if (spec.targetPattern && !spec.targetPattern.test(target)) return { error: `“${target}”不是有效的${spec.target}` };
  return { value: { kind, target, options, flags } };
}

/** Parses a whole template; never throws. */
export function parseTemplate(source: string): ParsedTemplate {
  const blocks: TemplateBlock[] = [];
  const placeholders: Placeholder[] = [];
  const errors: TemplateError[] = [];
  let lineOffset = 0;
  source.split('\n').forEach((rawLine, lineIndex) => {
    const start = lineOffset;
    lineOffset += rawLine.length + 1;
    const at = (column: number): Position => ({ offset: start + column, line: lineIndex + 1, column: column + 1 });
    const line = rawLine.replace(/\r$/, '');
    if (!line.trim()) return;
    const heading = /^(#{1,3})\s+/.exec(line);
    const bodyStart = heading ? heading[0].length : 0;
    const segments: Segment[] = [];
    let i = bodyStart;
    let text = '';
    while (i < line.length) {
      const open = line.indexOf(OPEN, i);
      const stray = line.indexOf(CLOSE, i);
      if (stray >= 0 && (open < 0 || stray < open)) {
        errors.push({ ...at(stray), message: '多余的“}}”：占位符应以“{{”开始' });
      }
      if (open < 0) {
        text += line.slice(i);
        break;
      }
      text += line.slice(i, open);
      const close = line.indexOf(CLOSE, open + OPEN.length);
      const nested = line.indexOf(OPEN, open + OPEN.length);
      if (close < 0 || (nested >= 0 && nested < close)) {
        errors.push({ ...at(open), message: '占位符没有闭合：缺少“}}”', placeholder: line.slice(open, open + 24) });
        text += line.slice(open, nested >= 0 && nested < (close < 0 ? Infinity : close) ? nested : line.length);
        i = nested >= 0 && (close < 0 || nested < close) ? nested : line.length;
        continue;
      }
      const raw = line.slice(open, close + CLOSE.length);
      const position = at(open);
      const parsed = parsePlaceholder(line.slice(open + OPEN.length, close));
      if (parsed.error) {
        errors.push({ ...position, message: parsed.error, placeholder: raw });
      } else {
        if (text) segments.push({ text });
        text = '';
        const placeholder: Placeholder = { ...position, ...parsed.value!, index: placeholders.length, raw };
        placeholders.push(placeholder);
        segments.push({ placeholder });
      }
      i = close + CLOSE.length;
    }
    if (text) segments.push({ text });
    const lineNo = lineIndex + 1;
    const only = segments.length === 1 && 'placeholder' in segments[0] ? segments[0].placeholder : undefined;
    const tables = segments.filter((s): s is { placeholder: Placeholder } => 'placeholder' in s && s.placeholder.kind === 'table');
    if (only?.kind === 'table' && !heading) {
      blocks.push({ type: 'table', placeholder: only, line: lineNo });
      return;
    }
    for (const t of tables) errors.push({ ...at(t.placeholder.column - 1), message: '表格占位符应单独占一行', placeholder: t.placeholder.raw });
    if (heading?.[1] === '#') blocks.push({ type: 'title', segments, line: lineNo });
    else if (heading) blocks.push({ type: 'heading', level: heading[1] === '##' ? 1 : 2, segments, line: lineNo });
    else blocks.push({ type: 'paragraph', segments, line: lineNo });
  });
  if (!blocks.some((b) => b.type === 'title')) errors.push({ offset: 0, line: 1, column: 1, message: '模板缺少标题：第一行写“# 标题”' });
  return { blocks, placeholders, errors };
}

/** A placeholder written back as text, with its options in a stable order (the editor writes chips back so). */
export function placeholderText(p: Pick<Placeholder, 'kind' | 'target' | 'options' | 'flags'>): string {
  const quote = (v: string) => (/[\s"{}]/.test(v) || v === '' ? `“${v}”` : v);
  const parts: string[] = [p.kind];
  if (p.target !== '' || p.kind !== 'unbound') parts.push(quote(p.target));
  for (const [name, value] of Object.entries(p.options)) parts.push(`${name}=${quote(value)}`);
  parts.push(...p.flags);
  return `${OPEN}${parts.join(' ')}${CLOSE}`;
}

/** The message of an error with its position, as the API and the editor show it. */
export function errorText(e: TemplateError): string {
  return `第${e.line}行第${e.column}列${e.placeholder ? `（${e.placeholder}）` : ''}：${e.message}`;
}
