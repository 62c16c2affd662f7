import { AlignmentType, Document, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/app-error.js';
import { readReportFile } from './report-upload.js';

/** The AppError a read throws, for its status and Chinese message. */
function refusal(read: () => unknown): AppError {
  try {
    read();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('the file was read');
}

const gb18030 = (text: string): Buffer => {
  // Node's TextEncoder writes UTF-8 only: encode through a table of the characters used, from TextDecoder.
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  return Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!)));
};

describe('readReportFile', () => {
  it('reads a Word document made by the docx package: paragraphs, runs, tabs and entities', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '川山坪镇2022年上半年工作汇报', bold: true })] }),
            new Paragraph({ children: [] }),
            new Paragraph({
              tabStops: [{ type: TabStopType.LEFT, position: 2000 }],
              children: [new TextRun('目前共计流转土地'), new TextRun({ text: '*', bold: true }), new TextRun('亩，A&B <C> “引号”')],
            }),
            new Paragraph({ children: [new TextRun({ children: ['一、', new Tab(), '产业发展'] })] }),
          ],
        },
      ],
    });
    const bytes = await Packer.toBuffer(doc);
    expect(readReportFile('半年报告.docx', undefined, bytes)).toBe(
      '川山坪镇2022年上半年工作汇报\n目前共计流转土地*亩，A&B <C> “引号”\n一、\t产业发展',
    );
  });

  it('reads UTF-8 text with a BOM and GB18030 text from Notepad', () => {
    const text = '2022年，*镇牢牢把握\r\n\r\n开展主题党日活动*次。\r\n';
    expect(readReportFile('报告.txt', 'text/plain', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(
      '2022年，*镇牢牢把握\n开展主题党日活动*次。',
    );
    const gbk = gb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(readReportFile('报告.TXT', undefined, gbk)).toBe('2022年，*镇牢牢把握\n开展主题党日活动*次。');
  });

  it('refuses a zip bomb with 413 before inflating it whole', () => {
    const bomb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(30 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const e = refusal(() => readReportFile('炸弹.docx', undefined, Buffer.from(bomb)));
    expect(e.status).toBe(413);
    expect(e.detail).toContain('压缩炸弹');

    // The same bomb whose header claims 1 KB: the inflater stops at the cap.
    const lying = Buffer.from(bomb);
    const header = lying.indexOf(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04])]), lying.indexOf('word/document.xml') - 30);
    expect(lying.toString('latin1', header + 30, header + 47)).toBe('word/document.xml');
    lying.writeUInt32LE(1024, header + 22);
    const again = refusal(() => readReportFile('炸弹.docx', undefined, lying));
    expect(again.status).toBe(413);
  });

  it('refuses a file over 5 MB with 413', () => {
    const e = refusal(() => readReportFile('大.txt', 'text/plain', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41)));
    expect(e.status).toBe(413);
    expect(e.detail).toContain('5 MB');
  });

  it('refuses a DOCTYPE (XXE) in the document', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
    const e = refusal(() => readReportFile('x.docx', undefined, Buffer.from(zipSync({ 'word/document.xml': strToU8(xml) }))));
    expect(e.status).toBe(400);
    expect(e.errors?.[0].message).toContain('DOCTYPE');
  });

  it('refuses with 415 a non-zip named .docx, a zip without a document, a .pdf and a binary .txt', () => {
    const cases: [string, Buffer, string][] = [
      ['假的.docx', Buffer.from('这不是 Word 文档'), '改了扩展名'],
      ['空包.docx', Buffer.from(zipSync({ 'a.txt': strToU8('x') })), '缺少正文'],
      ['报告.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), '.docx 或 .txt'],
      ['旧版.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), '另存为 .docx'],
      ['图片.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), '不是文本'],
    ];
    for (const [name, bytes, message] of cases) {
      const e = refusal(() => readReportFile(name, undefined, bytes));
      expect(e.status, name).toBe(415);
      expect(e.detail, name).toContain(message);
    }
  });
});
