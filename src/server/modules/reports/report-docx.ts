// A rendered report as a Word file laid out as an official document (GB/T 9704-2012): A4, 22 lines of 28
// characters, 方正小标宋简体 title, 仿宋_GB2312 body, 黑体 / 楷体_GB2312 headings, "— 1 —" page numbers outside.
// Everything is carried by named styles (标题, 正文, 标题 1 …), so whoever edits the file in Word keeps the layout.
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { ReportBlock, ReportDocument, Run } from '../../../core/report-document.js';
import { withoutUnsafeCharacters } from '../../../core/safe-text.js';
import { CHARS_PER_LINE, FONTS, LINES_PER_PAGE, PAGE_MM, SIZE_PT, mmToTwips } from './report-layout.js';

type Font = { name: string; fallback?: string };

const page = {
  width: mmToTwips(PAGE_MM.width),
  height: mmToTwips(PAGE_MM.height),
  top: mmToTwips(PAGE_MM.top),
  bottom: mmToTwips(PAGE_MM.bottom),
  left: mmToTwips(PAGE_MM.left),
  right: mmToTwips(PAGE_MM.right),
};
const textWidth = page.width - page.left - page.right;
/** Twips per line: rounded down so that 22 lines always fit the text area (579 = 28.95 pt). */
const linePitch = Math.floor((page.height - page.top - page.bottom) / LINES_PER_PAGE);
/** Word's character grid: (character pitch − size of the Normal font) in points × 4096, rounded down so 28 fit. */
const charSpace = Math.floor((textWidth / CHARS_PER_LINE / 20 - SIZE_PT.body) * 4096);

const halfPoints = (pt: number) => pt * 2;
const twipsOfChars = (chars: number, pt: number) => chars * pt * 20;
const runFont = (font: Font) => ({ ascii: font.name, hAnsi: font.name, eastAsia: font.name, cs: font.name, hint: 'eastAsia' });
const exactLines = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
/** Two characters in from the left, as 200 hundredths of a character (Word) and in twips (other readers). */
const indentTwoChars = { firstLineChars: 200, firstLine: twipsOfChars(2, SIZE_PT.body) };
const noIndent = { firstLineChars: 0, firstLine: 0, left: 0, right: 0 };

function paragraphStyle(
  id: string,
  name: string,
  font: Font,
  pt: number,
  paragraph: IParagraphStyleOptions['paragraph'] = {},
): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: runFont(font), size: halfPoints(pt), bold: false, color: 'auto' },
    paragraph: { spacing: exactLines, ...paragraph },
  };
}

const styles: IParagraphStyleOptions[] = [
  {
    ...paragraphStyle('Normal', 'Normal', FONTS.body, SIZE_PT.body, { indent: indentTwoChars, alignment: AlignmentType.JUSTIFIED }),
    basedOn: undefined,
  },
  paragraphStyle('Title', 'Title', FONTS.title, SIZE_PT.title, { indent: noIndent, alignment: AlignmentType.CENTER, keepNext: true }),
  paragraphStyle('Subtitle', 'Subtitle', FONTS.kai, SIZE_PT.body, { indent: noIndent, alignment: AlignmentType.CENTER, keepNext: true }),
  paragraphStyle('Heading1', 'heading 1', FONTS.hei, SIZE_PT.body, { indent: indentTwoChars, keepNext: true, outlineLevel: 0 }),
  paragraphStyle('Heading2', 'heading 2', FONTS.kai, SIZE_PT.body, { indent: indentTwoChars, keepNext: true, outlineLevel: 1 }),
  paragraphStyle('TableCaption', '表题', FONTS.hei, SIZE_PT.body, { indent: noIndent, alignment: AlignmentType.CENTER, keepNext: true }),
  // Table text stays off the character grid: 小四 characters spread to the 3号 grid pitch would look gapped.
  {
    ...paragraphStyle('TableText', '表格文字', FONTS.body, SIZE_PT.table, {
      indent: noIndent,
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    }),
    run: { font: runFont(FONTS.body), size: halfPoints(SIZE_PT.table), bold: false, color: 'auto', snapToGrid: false },
  },
  {
    ...paragraphStyle('TableHeading', '表头', FONTS.hei, SIZE_PT.table),
    basedOn: 'TableText',
    next: 'TableText',
    paragraph: { keepNext: true },
    run: { font: runFont(FONTS.hei), size: halfPoints(SIZE_PT.table), bold: false, color: 'auto', snapToGrid: false },
  },
  paragraphStyle('Footer', 'footer', FONTS.song, SIZE_PT.pageNumber, {
    indent: noIndent,
    spacing: { line: twipsOfChars(1, SIZE_PT.body), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  }),
];

/** The text of a run as Word runs: line breaks kept, characters XML cannot hold dropped. */
function textRuns(text: string): TextRun[] {
  return withoutUnsafeCharacters(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
}

const runs = (list: Run[]) => list.flatMap((run) => textRuns(run.text));

function tableBlock(block: Extract<ReportBlock, { type: 'table' }>): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (block.caption) out.push(new Paragraph({ style: 'TableCaption', children: textRuns(block.caption) }));
  const columns = Math.max(block.header.length, ...block.rows.map((row) => row.length));
  if (columns === 0) return out;
  const cell = (style: string, children: TextRun[]) =>
    new TableCell({ verticalAlign: VerticalAlignTable.CENTER, children: [new Paragraph({ style, children })] });
  const pad = <T>(list: T[], empty: T) => [...list, ...Array<T>(columns - list.length).fill(empty)];
  const rows: TableRow[] = [];
  if (block.header.length > 0) {
    // tblHeader: Word repeats this row at the top of every page the table runs onto.
    rows.push(
      new TableRow({ tableHeader: true, cantSplit: true, children: pad(block.header, '').map((text) => cell('TableHeading', textRuns(text))) }),
    );
  }
  for (const row of block.rows)
    rows.push(new TableRow({ cantSplit: true, children: pad<Run>(row, { text: '' }).map((value) => cell('TableText', textRuns(value.text))) }));
  const columnWidth = Math.floor(textWidth / columns);
  out.push(new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: Array<number>(columns).fill(columnWidth), rows }));
  // A paragraph after the table keeps two adjacent tables from merging into one.
  out.push(new Paragraph({ children: [] }));
  return out;
}

function bodyOf(doc: ReportDocument): (Paragraph | Table)[] {
  const body: (Paragraph | Table)[] = [new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns(doc.title) })];
  if (doc.subtitle) body.push(new Paragraph({ style: 'Subtitle', children: textRuns(doc.subtitle) }));
  body.push(new Paragraph({ children: [] })); // the blank line between the title and the text
  for (const block of doc.blocks) {
    if (block.type === 'table') body.push(...tableBlock(block));
    else if (block.type === 'heading') {
      body.push(new Paragraph({ heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: runs(block.runs) }));
    } else body.push(new Paragraph({ children: runs(block.runs) }));
  }
  return body;
}

/** "— 1 —", one character in from the outer edge of the text area: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const indent = twipsOfChars(1, SIZE_PT.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        style: 'Footer',
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: indent } : { left: indent },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

const FONT_TABLE_FONTS: Font[] = Object.values(FONTS);

/**
 * docx only writes fonts it embeds into the font table. Word falls back from a font that is not installed to the
 * font table's w:altName, so the table is rewritten to declare each font with its fallback (方正小标宋简体 → 宋体,
 * 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体); charset 86 is GB2312.
 */
function withFontTable(docx: Buffer): Buffer {
  const files = unzipSync(new Uint8Array(docx));
  const path = 'word/fontTable.xml';
  const table = strFromU8(files[path]);
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const fonts = FONT_TABLE_FONTS.map(
    (font) =>
      `<w:font w:name="${escape(font.name)}">${font.fallback ? `<w:altName w:val="${escape(font.fallback)}"/>` : ''}` +
      '<w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>',
  ).join('');
  const rewritten = table.includes('</w:fonts>')
    ? table.replace('</w:fonts>', `${fonts}</w:fonts>`)
    : table.replace(/<w:fonts\b([^>]*?)\s*\/>/, `<w:fonts$1>${fonts}</w:fonts>`);
  if (!rewritten.includes(fonts)) throw new Error('unexpected word/fontTable.xml from docx');
  files[path] = strToU8(rewritten);
  return Buffer.from(zipSync(files, { level: 6 }));
}

export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const title = withoutUnsafeCharacters(doc.title);
  const document = new Document({
    title,
    subject: doc.subtitle ? withoutUnsafeCharacters(doc.subtitle) : undefined,
    creator: '镇务',
    lastModifiedBy: '镇务',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: runFont(FONTS.body), size: halfPoints(SIZE_PT.body), language: { value: 'zh-CN', eastAsia: 'zh-CN' } } } },
      paragraphStyles: styles,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            // The page number's line starts 7 mm below the text area (GB/T 9704 §7.5): footer distance = 35 mm − 7 mm − its line.
            margin: {
              top: page.top,
              bottom: page.bottom,
              left: page.left,
              right: page.right,
              footer: mmToTwips(PAGE_MM.bottom - 7) - twipsOfChars(1, SIZE_PT.body),
              header: mmToTwips(15),
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch, charSpace },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: bodyOf(doc),
      },
    ],
  });
  return withFontTable(await Packer.toBuffer(document));
}
