// How the template editor shows placeholders as chips: the text cut into plain runs and {{…}} tokens (as the
// parser cuts them), each token with its parsed placeholder or its error, and a short Chinese label.
import {
  DATE_TARGETS,
  MERGE_FACTS,
  parseTemplate,
  PLACEHOLDER_KINDS,
  TABLE_KINDS,
  TOWNSHIP_FACTS,
  type ParsedTemplate,
  type Placeholder,
  type TemplateError,
} from '../../../../core/report-template';

/** A {{…}} token: from "{{" to the first "}}" with no "{{" in between, on one line (the parser's rule). */
const TOKEN = /\{\{(?:(?!\{\{)[^\n])*?\}\}/g;

export interface ChipToken {
  raw: string;
  offset: number;
  placeholder?: Placeholder;
  error?: TemplateError;
}
export type TextPiece = { text: string } | { chip: ChipToken };

/** The template cut into text and chips, with the parse behind it. */
export function templatePieces(body: string, parsed: ParsedTemplate = parseTemplate(body)): TextPiece[] {
  const byOffset = new Map(parsed.placeholders.map((p) => [p.offset, p]));
  const errors = new Map(parsed.errors.filter((e) => e.placeholder).map((e) => [e.offset, e]));
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of body.matchAll(TOKEN)) {
    if (m.index > at) pieces.push({ text: body.slice(at, m.index) });
    pieces.push({ chip: { raw: m[0], offset: m.index, placeholder: byOffset.get(m.index), error: errors.get(m.index) } });
    at = m.index + m[0].length;
  }
  if (at < body.length) pieces.push({ text: body.slice(at) });
  return pieces;
}

/** Whether a text holds a complete {{…}} (typed by hand): the editor then turns it into a chip. */
export const holdsToken = (text: string) => /\{\{(?:(?!\{\{)[^\n])*?\}\}/.test(text);

/** Names the chips show instead of keys; each returns undefined when it does not know the key. */
export interface NameBook {
  indicator: (key: string) => string | undefined;
  ledger: (key: string) => string | undefined;
}

const FIXED_TARGETS: Partial<Record<string, Record<string, string>>> = {
  township: TOWNSHIP_FACTS,
  date: DATE_TARGETS,
  merge: MERGE_FACTS,
  table: TABLE_KINDS,
};

/** "指标值·土地流转面积", "乡镇概况·乡镇简称", "记录条数·安全隐患台账". */
export function chipLabel(p: Pick<Placeholder, 'kind' | 'target' | 'options'>, names: NameBook): string {
  const kind = PLACEHOLDER_KINDS[p.kind].label;
  let target = p.target;
  const fixed = FIXED_TARGETS[p.kind];
  if (fixed) target = fixed[p.target] ?? p.target;
  else if (p.kind === 'value' || p.kind === 'growth' || p.kind === 'top' || p.kind === 'rank') target = names.indicator(p.target) ?? p.target;
  else if (p.kind === 'count') target = names.ledger(p.target) ?? p.target;
  else if (p.kind === 'field') {
    const [ledger, field] = p.target.split('.');
    target = `${names.ledger(ledger) ?? ledger}.${field}`;
  } else if (p.kind === 'project' && p.target === 'count') target = '项目个数';
  else if (p.kind === 'unbound') target = p.target || '*';
  if (p.kind === 'table' && p.options.keys) target += `（${p.options.keys.split(',').length}项）`;
  return `${kind}·${target}`;
}

/** A known name is missing: the chip is shown in red before the preview says so. */
export function unknownName(p: Placeholder, names: NameBook, loaded: boolean): string | undefined {
  if (!loaded) return undefined;
  if ((p.kind === 'value' || p.kind === 'growth' || p.kind === 'top' || p.kind === 'rank') && !names.indicator(p.target))
    return `指标“${p.target}”不存在`;
  if (p.kind === 'count' && !names.ledger(p.target)) return `台账“${p.target}”不存在`;
  if (p.kind === 'field' && !names.ledger(p.target.split('.')[0])) return `台账“${p.target.split('.')[0]}”不存在`;
  if (p.kind === 'unbound') return '尚未绑定数据';
  return undefined;
}
