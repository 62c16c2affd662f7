// A past report turned into a template's text: each candidate figure replaced by the placeholder chosen for it
// (or left as written), the first line made the title and the 一、/（一） lines made headings.
import { placeholderText } from '../../../../core/report-template';

export interface ChosenCandidate {
  offset: number;
  /** '*' or the number as written. */
  original: string;
  /** The placeholder chosen; '' keeps the original text. */
  placeholder: string;
}

const LEVEL_1 = /^[一二三四五六七八九十百]+、/;
const LEVEL_2 = /^[（(][一二三四五六七八九十百]+[）)]/;
/** A first line longer than this, or ending like a sentence, is body text: the template's name becomes the title. */
const TITLE_MAX = 50;

/** A star kept as written would print "*": it becomes 待绑定 ("—" with a warning) so the editor shows it in red. */
export function keptText(original: string): string {
  return original === '*' ? placeholderText({ kind: 'unbound', target: '', options: {}, flags: [] }) : original;
}

export function buildTemplateBody(text: string, chosen: ChosenCandidate[], name: string): string {
  let out = text.replace(/\r\n?/g, '\n');
  // from the end, so earlier offsets stay right
  for (const c of [...chosen].sort((a, b) => b.offset - a.offset)) {
    if (out.slice(c.offset, c.offset + c.original.length) !== c.original) continue;
    out = out.slice(0, c.offset) + (c.placeholder || keptText(c.original)) + out.slice(c.offset + c.original.length);
  }
  const lines = out.split('\n').map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  let titled = false;
  const body = lines.map((line) => {
    if (!line || line.startsWith('#')) {
      if (line.startsWith('# ')) titled = true;
      return line;
    }
    if (!titled) {
      titled = true;
      if (line.length <= TITLE_MAX && !/[。；;！!？?：:，,]$/.test(line) && !LEVEL_1.test(line) && !LEVEL_2.test(line)) return `# ${line}`;
      return `# ${name.trim() || '工作汇报'}\n\n${headingOf(line)}`;
    }
    return headingOf(line);
  });
  return `${body
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function headingOf(line: string): string {
  if (LEVEL_1.test(line)) return `## ${line}`;
  if (LEVEL_2.test(line)) return `### ${line}`;
  return line;
}
