// A rendered report as one HTML page, to read on screen and to print to PDF from the browser with the same
// official-document layout as the Word file (GB/T 9704-2012): A4, 22 lines of 28 characters, the same fonts.
import type { ReportBlock, ReportDocument, Run } from '../../../core/report-document.js';
import { CHARS_PER_LINE, LINES_PER_PAGE, PAGE_MM, SIZE_PT } from './report-layout.js';

// Font stacks: the GB/T 9704 font by its Windows and Chinese names, then what Windows, macOS and Linux have.
const STACK = {
  title: `'方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'FZXBSJW--GB1-0', 'SimSun', '宋体', 'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif`,
  body: `'FangSong_GB2312', '仿宋_GB2312', 'FangSong', '仿宋', 'STFangsong', 'Noto Serif CJK SC', 'Source Han Serif SC', serif`,
  kai: `'KaiTi_GB2312', '楷体_GB2312', 'KaiTi', '楷体', 'STKaiti', 'Kaiti SC', 'Noto Serif CJK SC', serif`,
  hei: `'SimHei', '黑体', 'STHeiti', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif`,
  song: `'SimSun', '宋体', 'Songti SC', 'STSong', 'Noto Serif CJK SC', serif`,
};

const textWidth = `${PAGE_MM.width - PAGE_MM.left - PAGE_MM.right}mm`;
const textHeight = `${PAGE_MM.height - PAGE_MM.top - PAGE_MM.bottom}mm`;
/** One line of the 22-line grid (10.23 mm ≈ 28.9 pt). */
const line = `calc(${textHeight} / ${LINES_PER_PAGE})`;
/** One character of the 28-character grid. */
const grid = `calc(${textWidth} / ${CHARS_PER_LINE})`;

function pageNumber(side: 'right' | 'left'): string {
  const box = side === 'right' ? 'bottom-right' : 'bottom-left';
  return `@page :${side} { @${box} { content: "— " counter(page) " —"; font-family: ${STACK.song}; font-size: ${SIZE_PT.pageNumber}pt;
    vertical-align: top; text-align: ${side}; padding-top: 7mm; padding-${side}: 1em; } }`;
}

const CSS = `
@page { size: A4; margin: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; }
/* "— 1 —" 7 mm under the text area, outside: right on odd pages, left on even ones. Page margin boxes are drawn
   by Chromium 131 and later and by paged-media engines; older browsers ignore them and print no page number. */
${pageNumber('right')}
${pageNumber('left')}
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: #000; font-family: ${STACK.body}; font-size: ${SIZE_PT.body}pt; line-height: ${line}; }
h1, h2, h3, p { margin: 0; font-size: ${SIZE_PT.body}pt; font-weight: normal; }
/* 28 characters to the line: each 16 pt character is drawn at the grid pitch of 156 mm / 28 (a hair less, so
   rounding never pushes the 28th character onto the next line). */
p, h2, h3 { text-indent: calc(2 * ${grid}); text-align: justify; letter-spacing: calc(${grid} - ${SIZE_PT.body}pt - 0.01pt); }
h1 { font-family: ${STACK.title}; font-size: ${SIZE_PT.title}pt; text-align: center; }
.subtitle { font-family: ${STACK.kai}; text-align: center; text-indent: 0; letter-spacing: normal; }
header { margin-bottom: ${line}; }
h2 { font-family: ${STACK.hei}; break-after: avoid; }
h3 { font-family: ${STACK.kai}; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin-bottom: ${line}; font-size: ${SIZE_PT.table}pt; line-height: 1.5; }
caption { caption-side: top; font-family: ${STACK.hei}; font-size: ${SIZE_PT.body}pt; line-height: ${line}; text-align: center; break-after: avoid; }
th, td { border: 0.5pt solid #000; padding: 1mm 1.5mm; text-align: center; vertical-align: middle; }
th { font-family: ${STACK.hei}; font-weight: normal; }
/* The header row repeats at the top of every printed page the table runs onto. */
thead { display: table-header-group; }
tr { break-inside: avoid; }
@media screen {
  body { background: #eceef1; padding: 16px 0; }
  main { box-sizing: content-box; width: ${textWidth}; min-height: ${textHeight}; margin: 0 auto; background: #fff;
    padding: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }
  .figure { background: #e6f4ff; border-bottom: 1px dashed #1677ff; cursor: pointer; }
  .figure.missing { background: #fff1f0; border-bottom-color: #ff4d4f; color: #cf1322; }
}`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** Text of the report as HTML: markup characters escaped, line breaks kept. */
const textHtml = (text: string) => escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>');

function runHtml(run: Run, preview: boolean): string {
  const text = textHtml(run.text);
  if (!preview || !run.figure) return text;
  const index = Number.isInteger(run.figure.index) ? run.figure.index : -1;
  return `<span class="figure${run.figure.missing ? ' missing' : ''}" data-index="${index}">${text}</span>`;
}

function blockHtml(block: ReportBlock, preview: boolean): string {
  if (block.type === 'table') {
    const caption = block.caption ? `<caption>${textHtml(block.caption)}</caption>` : '';
    const head = block.header.length ? `<thead><tr>${block.header.map((h) => `<th>${textHtml(h)}</th>`).join('')}</tr></thead>` : '';
    const rows = block.rows.map((row) => `<tr>${row.map((cell) => `<td>${runHtml(cell, preview)}</td>`).join('')}</tr>`).join('\n');
    return `<table>${caption}${head}<tbody>\n${rows}\n</tbody></table>`;
  }
  const inner = block.runs.map((run) => runHtml(run, preview)).join('');
  if (block.type === 'heading') return block.level === 1 ? `<h2>${inner}</h2>` : `<h3>${inner}</h3>`;
  return `<p>${inner}</p>`;
}

/** The report as a complete HTML page; `preview` marks each figure (`span.figure[data-index]`, `.missing`). */
export function reportHtml(doc: ReportDocument, opts: { preview?: boolean } = {}): string {
  const preview = opts.preview === true;
  const subtitle = doc.subtitle ? `\n<p class="subtitle">${textHtml(doc.subtitle)}</p>` : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}
</style>
</head>
<body>
<main>
<header>
<h1>${textHtml(doc.title)}</h1>${subtitle}
</header>
${doc.blocks.map((block) => blockHtml(block, preview)).join('\n')}
</main>
</body>
</html>
`;
}
