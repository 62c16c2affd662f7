import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { MISSING_TEXT, type ReportDocument, type Run } from '../../../core/report-document.js';
import { reportDocx } from './report-docx.js';

// GB/T 9704-2012 in Word's units, worked out here from millimetres rather than copied from the writer.
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);
const A4 = { width: twips(210), height: twips(297) };
const MARGIN = { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) };
const TEXT_HEIGHT = A4.height - MARGIN.top - MARGIN.bottom;
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

function figure(index: number, text: string, missing = false): Run {
  return {
    text: missing ? MISSING_TEXT : text,
    figure: { index, placeholder: `{{value f${index}}}`, source: { kind: 'indicator', target: `f${index}`, value: missing ? null : 1 }, missing },
  };
}

function buildReport(): ReportDocument {
  const rows: Run[][] = Array.from({ length: 40 }, (_, i) => [
    { text: String(i + 1) },
    { text: `第${i + 1}号重点项目` },
    figure(10 + i, `${(i + 1) * 3}%`),
  ]);
  return {
    title: '关于2025年第三季度重点工作推进情况的报告',
    subtitle: '燕塘镇人民政府　2025年10月',
    warnings: [{ index: 2, message: '指标无数据' }],
    blocks: [
      { type: 'heading', level: 1, runs: [{ text: '一、总体情况' }] },
      {
        type: 'paragraph',
        runs: [{ text: '全镇累计完成土地流转' }, figure(0, '1.2万亩'), { text: '，同比增长' }, figure(1, '8.5%'), { text: '。' }],
      },
      { type: 'heading', level: 2, runs: [{ text: '（一）项目建设' }] },
      { type: 'paragraph', runs: [{ text: '新开工项目' }, figure(2, '', true), { text: '个，<script>alert(1)</script>按期推进。' }] },
      { type: 'table', caption: '附表：重点工程项目“龙虎榜”', header: ['序号', '项目', '完成率'], rows },
      { type: 'paragraph', runs: [{ text: '以上情况，特此报告。' }] },
    ],
  };
}

type Parts = Record<string, string>;
let parts: Parts;
let docxBytes: Buffer;

/** The attributes of an XML start tag as a map (prefixes kept: `w:val`). */
function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

/** The first start tag of an element, e.g. first(xml, 'w:pgSz'). */
function first(xml: string, element: string): Record<string, string> {
  const tag = xml.match(new RegExp(`<${element}\\b[^>]*>`))?.[0];
  if (!tag) throw new Error(`no <${element}>`);
  return attrs(tag);
}

function style(id: string): string {
  const found = parts['word/styles.xml'].match(new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's'))?.[0];
  if (!found) throw new Error(`no style ${id}`);
  return found;
}

/** The text of each paragraph of a part, in order. */
function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p\b(?:\s[^>]*)?(?:\/>|>(.*?)<\/w:p>)/gs)].map((p) =>
    [...(p[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1])).join(''),
  );
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The footer part a section's footerReference of a type points to. */
function footer(type: 'default' | 'even'): string {
  const refs = [...parts['word/document.xml'].matchAll(/<w:footerReference\b[^>]*>/g)].map((m) => attrs(m[0]));
  const id = refs.find((ref) => ref['w:type'] === type)!['r:id'];
  const rel = parts['word/_rels/document.xml.rels'].match(new RegExp(`<Relationship [^>]*Id="${id}"[^>]*>`))![0];
  return parts[`word/${attrs(rel).Target}`];
}

beforeAll(async () => {
  docxBytes = await reportDocx(buildReport());
  const files = unzipSync(new Uint8Array(docxBytes));
  parts = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
});

describe('Word report (GB/T 9704)', () => {
  it('is an A4 page with the official margins', () => {
    const doc = parts['word/document.xml'];
    expect(first(doc, 'w:pgSz')).toMatchObject({ 'w:w': String(A4.width), 'w:h': String(A4.height) });
    expect(A4).toEqual({ width: 11906, height: 16838 });
    expect(first(doc, 'w:pgMar')).toMatchObject({
      'w:top': String(MARGIN.top),
      'w:bottom': String(MARGIN.bottom),
      'w:left': String(MARGIN.left),
      'w:right': String(MARGIN.right),
    });
  });

  it('holds 22 lines of 28 characters on the document grid, with exact line spacing to match', () => {
    const grid = first(parts['word/document.xml'], 'w:docGrid');
    expect(grid['w:type']).toBe('linesAndChars');
    const linePitch = Number(grid['w:linePitch']);
    expect(linePitch * 22).toBeLessThanOrEqual(TEXT_HEIGHT);
    expect((linePitch + 1) * 22).toBeGreaterThan(TEXT_HEIGHT);
    // character pitch = Normal font size (16 pt) + charSpace / 4096 points
    const charPitch = (16 + Number(grid['w:charSpace']) / 4096) * 20;
    expect(Math.floor(TEXT_WIDTH / charPitch)).toBe(28);
    expect(first(style('Normal'), 'w:spacing')).toMatchObject({ 'w:line': String(linePitch), 'w:lineRule': 'exact' });
  });

  it('sets the title in 2号 方正小标宋简体 and the subtitle in 楷体_GB2312, both centred', () => {
    const title = style('Title');
    expect(first(title, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '方正小标宋简体', 'w:ascii': '方正小标宋简体', 'w:hAnsi': '方正小标宋简体' });
    expect(first(title, 'w:sz')['w:val']).toBe('44');
    expect(first(title, 'w:jc')['w:val']).toBe('center');
    const subtitle = style('Subtitle');
    expect(first(subtitle, 'w:rFonts')['w:eastAsia']).toBe('楷体_GB2312');
    expect(first(subtitle, 'w:sz')['w:val']).toBe('32');
    expect(first(subtitle, 'w:jc')['w:val']).toBe('center');
    expect(parts['word/document.xml']).toMatch(/<w:pStyle w:val="Title"\/><\/w:pPr><w:r><w:t xml:space="preserve">关于2025年第三季度/);
  });

  it('sets the body in 3号 仿宋_GB2312 indented two characters, headings in 黑体 and 楷体_GB2312, not bold', () => {
    const normal = style('Normal');
    expect(first(normal, 'w:rFonts')).toMatchObject({ 'w:eastAsia': '仿宋_GB2312', 'w:ascii': '仿宋_GB2312', 'w:hAnsi': '仿宋_GB2312' });
    expect(first(normal, 'w:sz')['w:val']).toBe('32');
    expect(first(normal, 'w:ind')['w:firstLineChars']).toBe('200');
    for (const [id, font] of [
      ['Heading1', '黑体'],
      ['Heading2', '楷体_GB2312'],
    ]) {
      const heading = style(id);
      expect(first(heading, 'w:rFonts')['w:eastAsia']).toBe(font);
      expect(first(heading, 'w:sz')['w:val']).toBe('32');
      expect(first(heading, 'w:ind')['w:firstLineChars']).toBe('200');
      expect(heading).not.toMatch(/<w:b\/>|<w:b w:val="(true|1|on)"\/>/);
    }
    const doc = parts['word/document.xml'];
    expect(doc).toMatch(/<w:pStyle w:val="Heading1"\/><\/w:pPr><w:r><w:t xml:space="preserve">一、总体情况/);
    expect(doc).toMatch(/<w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">（一）项目建设/);
  });

  it('declares each preferred font with its fallback in the font table', () => {
    const fonts = parts['word/fontTable.xml'];
    const altName = (name: string) => fonts.match(new RegExp(`<w:font w:name="${name}">(?:(?!</w:font>).)*?<w:altName w:val="([^"]+)"`))?.[1];
    expect(altName('方正小标宋简体')).toBe('宋体');
    expect(altName('仿宋_GB2312')).toBe('仿宋');
    expect(altName('楷体_GB2312')).toBe('楷体');
    expect(fonts).toContain('<w:font w:name="黑体">');
  });

  it('numbers pages "— 1 —" in 4号 宋体, right on odd pages and left on even ones', () => {
    expect(parts['word/settings.xml']).toMatch(/<w:evenAndOddHeaders\/>/);
    const odd = footer('default');
    const even = footer('even');
    for (const part of [odd, even]) {
      expect(part).toMatch(/<w:t xml:space="preserve">— <\/w:t><\/w:r><w:r><w:fldChar w:fldCharType="begin"\/>/);
      expect(part).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
      expect(part).toMatch(/<w:fldChar w:fldCharType="end"\/><\/w:r><w:r><w:t xml:space="preserve"> —<\/w:t>/);
      expect(first(part, 'w:pStyle')['w:val']).toBe('Footer');
    }
    expect(first(odd, 'w:jc')['w:val']).toBe('right');
    expect(first(odd, 'w:ind')['w:right']).toBe(String(14 * 20));
    expect(first(even, 'w:jc')['w:val']).toBe('left');
    expect(first(even, 'w:ind')['w:left']).toBe(String(14 * 20));
    const footerStyle = style('Footer');
    expect(first(footerStyle, 'w:rFonts')['w:eastAsia']).toBe('宋体');
    expect(first(footerStyle, 'w:sz')['w:val']).toBe('28');
  });

  it('writes the table full width with borders, its caption above and its header row repeating on every page', () => {
    const doc = parts['word/document.xml'];
    const table = doc.match(/<w:tbl>.*?<\/w:tbl>/s)![0];
    expect(first(table, 'w:tblW')).toMatchObject({ 'w:type': 'pct', 'w:w': '5000' });
    expect(table).toMatch(/<w:tblBorders><w:top w:val="single"/);
    const rows = [...table.matchAll(/<w:tr>.*?<\/w:tr>/gs)].map((m) => m[0]);
    expect(rows).toHaveLength(41);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows.slice(1).some((row) => row.includes('<w:tblHeader/>'))).toBe(false);
    expect(rows[0]).toContain('<w:pStyle w:val="TableHeading"/>');
    expect(first(style('TableHeading'), 'w:rFonts')['w:eastAsia']).toBe('黑体');
    expect(first(style('TableText'), 'w:rFonts')['w:eastAsia']).toBe('仿宋_GB2312');
    expect(first(style('TableText'), 'w:sz')['w:val']).toBe('24'); // 小四
    expect(doc).toMatch(
      /<w:pStyle w:val="TableCaption"\/><\/w:pPr><w:r><w:t xml:space="preserve">附表：重点工程项目“龙虎榜”<\/w:t><\/w:r><\/w:p><w:tbl>/,
    );
    expect(first(style('TableCaption'), 'w:rFonts')['w:eastAsia']).toBe('黑体');
    expect(first(style('TableCaption'), 'w:jc')['w:val']).toBe('center');
  });

  it('holds every text of the report in order, figures as plain text and the missing one as —', () => {
    const doc = buildReport();
    const table = doc.blocks.find((b) => b.type === 'table')!;
    const expected = [
      doc.title,
      doc.subtitle,
      '一、总体情况',
      '全镇累计完成土地流转1.2万亩，同比增长8.5%。',
      '（一）项目建设',
      `新开工项目${MISSING_TEXT}个，<script>alert(1)</script>按期推进。`,
      table.caption,
      ...table.header,
      ...table.rows.flatMap((row) => row.map((cell) => cell.text)),
      '以上情况，特此报告。',
    ];
    const body = parts['word/document.xml'];
    expect(paragraphTexts(body).filter((t) => t !== '')).toEqual(expected);
    expect(body).toContain('&lt;script&gt;');
    // figures carry no colour, highlight or shading in the Word file
    expect(body).not.toMatch(/<w:color |<w:highlight |<w:shd /);
    expect(parts['docProps/core.xml']).toContain(`<dc:title>${doc.title}</dc:title>`);
  });

  it('drops characters XML cannot hold instead of writing a file Word refuses', async () => {
    const bytes = await reportDocx({ title: '标题\u0001', warnings: [], blocks: [{ type: 'paragraph', runs: [{ text: 'a\u0000b\uFFFFc' }] }] });
    const doc = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml']);
    expect(paragraphTexts(doc).filter((t) => t !== '')).toEqual(['标题', 'abc']);
  });
});
