// Reads an uploaded past report (.txt or .docx) into plain text, one paragraph a line, for turning it into a
// template. A .docx is unzipped entry by entry with a cap on what word/document.xml inflates to (a zip bomb stops
// at the cap, not at the end of memory), and its XML is read with a small tokenizer that knows <w:p>, <w:t> and
// <w:tab/> only; a DOCTYPE is refused, so no entity of the file is ever expanded.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { AppError, invalid } from '../../http/app-error.js';

export const MAX_REPORT_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENT_XML_BYTES = 20 * 1024 * 1024;
/** Compressed bytes pushed to the inflater at a time: deflate expands ~1,000×, so one step stays ~16 MB. */
const PUSH_BYTES = 16 * 1024;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const unsupported = (detail: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', detail, [{ field: 'file', message: detail }]);
const tooLarge = (detail: string) => new AppError('PAYLOAD_TOO_LARGE', detail, [{ field: 'file', message: detail }]);

/** The report's text: paragraphs one a line, without empty ones. */
export function readReportFile(filename: string, mime: string | undefined, bytes: Buffer): string {
  if (bytes.length > MAX_REPORT_FILE_BYTES) throw tooLarge(`文件超过 ${MAX_REPORT_FILE_BYTES / 1024 / 1024} MB 的上限，请只上传报告正文`);
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? (mime === DOCX_MIME ? 'docx' : mime?.startsWith('text/plain') ? 'txt' : '');
  if (ext === 'doc' || ext === 'wps') throw unsupported('不支持旧版 .doc 文件，请在 Word 中另存为 .docx 后再上传');
  if (ext !== 'txt' && ext !== 'docx') throw unsupported('只支持上传 .docx 或 .txt 格式的报告');
  if (bytes.length === 0) throw invalid([{ field: 'file', message: '文件是空的' }], '文件是空的');
  return ext === 'txt' ? readText(bytes) : readDocx(bytes);
}

/** UTF-8 (BOM stripped), else GB18030 as Windows Notepad in China saves it. */
function readText(bytes: Buffer): string {
  if (bytes.subarray(0, 8192).includes(0)) throw unsupported('文件内容不是文本，请上传 .txt 文本或 .docx 文档');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return paragraphs(text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/));
}

const paragraphs = (lines: string[]) =>
  lines
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim())
    .join('\n');

function readDocx(bytes: Buffer): string {
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) throw unsupported('文件内容不是 .docx 格式（可能是改了扩展名的其他文件），请用 Word 另存为 .docx');
  const xml = documentXml(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw invalid([{ field: 'file', message: '文件含有 XML 文档类型声明（DOCTYPE），可能是恶意构造的文件' }], '文件异常，已拒绝读取');
  }
  return paragraphs(wordParagraphs(xml));
}

/** word/document.xml, inflated in steps and abandoned once it passes the cap. */
function documentXml(bytes: Buffer): string {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let found = false;
  let done = false;
  let tooBig = false;
  let failed = false;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file: UnzipFile) => {
    if (file.name !== 'word/document.xml') return;
    found = true;
    if ((file.originalSize ?? 0) > MAX_DOCUMENT_XML_BYTES) {
      tooBig = true;
      return;
    }
    file.ondata = (err, chunk, final) => {
      if (err) failed = true;
      if (err || tooBig) return;
      total += chunk.length;
      if (total > MAX_DOCUMENT_XML_BYTES) {
        tooBig = true;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) done = true;
    };
    file.start();
  };
  try {
    for (let at = 0; at < bytes.length && !tooBig && !done; at += PUSH_BYTES) {
      const end = Math.min(at + PUSH_BYTES, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    failed = true;
  }
  if (tooBig) throw tooLarge(`文档正文解压后超过 ${MAX_DOCUMENT_XML_BYTES / 1024 / 1024} MB（疑似压缩炸弹），已拒绝读取`);
  if (failed || !found || !done) throw unsupported('文件不是有效的 Word 文档（缺少正文 word/document.xml 或已损坏），请用 Word 另存为 .docx');
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five XML entities and character references; any other entity is left as written. */
function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/** The text of each <w:p>: its <w:t> runs and <w:tab/>s; everything else (properties, fields, drawings) is skipped. */
function wordParagraphs(xml: string): string[] {
  const out: string[] = [];
  const open: string[] = [];
  let inText = false;
  let inProperties = false;
  const token = /<(\/?)(w:p|w:pPr|w:t|w:tab)(?=[\s/>])[^>]*?(\/?)>|<[^>]*>|[^<]+/g;
  for (const m of xml.matchAll(token)) {
    const [whole, closing, tag, selfClosing] = m;
    if (!tag) {
      if (inText && whole[0] !== '<' && open.length) open[open.length - 1] += decodeXml(whole);
      continue;
    }
    if (tag === 'w:p') {
      if (selfClosing) out.push('');
      else if (closing) out.push(open.pop() ?? '');
      else open.push('');
    } else if (tag === 'w:pPr') {
      // Tab stops (<w:tabs><w:tab …/>) are layout, not text.
      inProperties = !closing && !selfClosing;
    } else if (tag === 'w:t') {
      inText = !closing && !selfClosing;
    } else if (tag === 'w:tab' && !closing && !inProperties && open.length) {
      open[open.length - 1] += '\t';
    }
  }
  return out;
}
