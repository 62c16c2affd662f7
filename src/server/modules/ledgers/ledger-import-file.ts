// Checks an uploaded import file before any parser sees it: its type by extension and content, and, for
// .xlsx, the zip's central directory (entry sizes and compression ratios, external-link parts), the real
// inflated size of every entry and the absence of DTDs, so that a zip bomb or an entity trick is refused without
// being unpacked by exceljs. Then hands the reader each part as text, decoded whole.
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { AppError, invalid } from '../../http/app-error.js';

export type ImportFileKind = 'xlsx' | 'csv';

/** Limits on what an .xlsx may unpack to. */
export interface ZipLimits {
  /** All entries together, uncompressed. */
  maxTotalBytes: number;
  /** One entry's uncompressed size over its compressed size, for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  // Sheet XML measured at ~9 times its compressed size: a workbook within the default 20 MB upload
  // (ZHENWU_IMPORT_MAX_BYTES) unpacks to ~200 MB; more is a bomb, and costs parse time even though sheets stream.
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 2000,
};

const fileError = (message: string, detail = message) => invalid([{ field: 'file', message }], detail);

const bombError = () => fileError('文件解压后大小异常（疑似压缩炸弹），已拒绝导入', '文件异常，已拒绝导入');

const dtdError = () => fileError('文件含有 XML 文档类型声明（DOCTYPE），可能是恶意构造的文件，已拒绝导入', '文件异常，已拒绝导入');

/** The file's kind from its name and its first bytes; anything else is refused with a Chinese reason. */
export function importFileKind(fileName: string, bytes: Uint8Array): ImportFileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'xls' || ext === 'et') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入', [
      { field: 'file', message: '请另存为 .xlsx' },
    ]);
  }
  if (ext !== 'xlsx' && ext !== 'csv') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '只支持导入 .xlsx 或 .csv 文件', [{ field: 'file', message: '文件类型不正确' }]);
  }
  if (bytes.length === 0) throw fileError('文件是空的');
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (ext === 'xlsx' && !isZip) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件内容不是 .xlsx 格式（可能是改了扩展名的其他文件），请用 Excel 另存为 .xlsx', [
      { field: 'file', message: '文件内容不是 xlsx' },
    ]);
  }
  if (ext === 'csv' && (isZip || bytes.subarray(0, 8192).includes(0))) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件内容不是 CSV 文本，请用 Excel 另存为“CSV UTF-8”或直接导入 .xlsx', [
      { field: 'file', message: '文件内容不是 CSV' },
    ]);
  }
  return ext;
}

/**
 * CSV text: UTF-8 (with or without BOM), else GB18030/GBK as Excel on Chinese Windows saves "CSV (逗号分隔)".
 * Bytes valid in neither are refused.
 */
export function decodeImportCsv(bytes: Uint8Array): string {
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      // try the next encoding
    }
  }
  throw fileError('文件编码无法识别（既不是 UTF-8 也不是 GBK），请在 Excel 中另存为“CSV UTF-8”后再导入', '文件编码不正确');
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Entries listed in the zip's central directory; throws on anything that is not a plain (non-ZIP64) zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw fileError('文件已损坏或不完整，无法读取', '文件无法解析');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  // ZIP64 markers: no spreadsheet within the import limits needs them.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw bombError();
  if (offset + size > eocd) throw fileError('文件已损坏或不完整，无法读取', '文件无法解析');
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) throw fileError('文件已损坏或不完整，无法读取', '文件无法解析');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry = {
      name: Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString('utf8'),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff) throw bombError();
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Refuses by the central directory alone: too many entries, too large in total, too high a ratio, external links. */
export function checkZipDirectory(entries: ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
  if (entries.length > limits.maxEntries) throw bombError();
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > limits.ratioFloorBytes && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) throw bombError();
    if (e.method !== 0 && e.method !== 8) throw fileError('文件使用了不支持的压缩方式，请用 Excel 重新保存为 .xlsx', '文件无法解析');
  }
  if (total > limits.maxTotalBytes) throw bombError();
  if (entries.some((e) => /^xl\/externalLinks\//i.test(e.name))) {
    throw fileError('文件中的公式引用了其他工作簿（外部链接），请在 Excel 中“编辑链接 → 断开链接”或粘贴为数值后再导入', '文件含外部链接');
  }
  if (!entries.some((e) => /^xl\/workbook\.xml$/i.test(e.name))) throw fileError('文件不是有效的 Excel 工作簿', '文件无法解析');
}

/**
 * Excel never writes a DTD, and one is how entity tricks (billion laughs, external entities) start: any
 * `<!DOCTYPE` or `<!ENTITY` in an XML part refuses the file. Searched in the raw bytes, which for these ASCII
 * markers is the same in UTF-8; a part in another encoding fails the XML parser instead. Media (an SVG logo may
 * carry a DOCTYPE) are not searched here; whatever part the reader opens is, by `zipEntryText`.
 */
class DtdScan {
  private static readonly MARKERS = ['<!DOCTYPE', '<!ENTITY'].map((m) => Buffer.from(m));
  private tail = Buffer.alloc(0);

  /** Throws on a marker, also one split between this chunk and the previous. */
  push(chunk: Buffer) {
    const window = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    if (DtdScan.MARKERS.some((m) => window.includes(m))) throw dtdError();
    this.tail = Buffer.from(window.subarray(Math.max(0, window.length - 8)));
  }
}

/**
 * Inflates an entry without keeping its output, refusing it as soon as it passes its declared size or shows a
 * DTD.
 */
function inflatedSize(data: Uint8Array, limit: number, scan?: DtdScan): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      try {
        if (total > limit) throw bombError();
        scan?.push(chunk);
      } catch (error) {
        inflate.destroy();
        reject(error);
      }
    });
    inflate.on('error', () => reject(fileError('文件已损坏或不完整，无法读取', '文件无法解析')));
    inflate.on('end', () => resolve(total));
    inflate.end(data);
  });
}

/**
 * The sizes a central directory declares can lie: every entry is inflated (output counted, not kept) and
 * refused as soon as it exceeds what it declared; every XML part, stored or inflated, is searched for a DTD.
 */
export async function checkInflatedSizes(bytes: Uint8Array, entries: ZipEntry[]) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    const start = entryDataStart(view, bytes, e);
    const data = bytes.subarray(start, start + e.compressedSize);
    const scan = /\.(xml|rels)$/i.test(e.name) ? new DtdScan() : undefined;
    if (e.method === 0) {
      if (e.compressedSize !== e.uncompressedSize) throw bombError();
      scan?.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
      continue;
    }
    await inflatedSize(data, e.uncompressedSize, scan);
  }
}

/** The start of an entry's stored data, after its local header. */
function entryDataStart(view: DataView, bytes: Uint8Array, e: ZipEntry): number {
  const at = e.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) throw fileError('文件已损坏或不完整，无法读取', '文件无法解析');
  return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
}

// Characters XML 1.0 does not allow (C0 controls but tab, LF and CR; U+FFFE, U+FFFF).
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const tooMuchText = (maxChars: number) =>
  fileError(
    `文件中的文字总量过大（超过 ${Math.floor(maxChars / 10_000).toLocaleString('en-US')} 万字），疑似恶意构造的文件，已拒绝导入；如确为正常数据，请拆分成多个文件导入`,
    '文件异常，已拒绝导入',
  );

/**
 * One entry's content as text (the entry was checked by `checkInflatedSizes`), for exceljs's XML parser, which
 * decodes every Buffer chunk on its own and so would break a character split between two inflate chunks: the
 * UTF-8 is decoded here across chunks and handed over as strings. Characters XML forbids are replaced by U+FFFD,
 * which the reader refuses in cell text with a row error, instead of failing the whole parse; invalid UTF-8 becomes
 * U+FFFD too. A DTD, or more than `maxChars` characters, refuse the file as they are read.
 */
export function zipEntryText(bytes: Uint8Array, e: ZipEntry, maxChars = Infinity): Readable {
  const start = entryDataStart(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes, e);
  const data = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset + start, e.compressedSize)]);
  const content = e.method === 0 ? data : data.pipe(zlib.createInflateRaw());
  return Readable.from(
    (async function* decode() {
      const decoder = new TextDecoder('utf-8');
      const scan = new DtdScan();
      let chars = 0;
      const text = (s: string) => {
        chars += s.length;
        if (chars > maxChars) throw tooMuchText(maxChars);
        return s.replace(XML_ILLEGAL, '\uFFFD');
      };
      for await (const chunk of content) {
        scan.push(chunk as Buffer);
        const s = decoder.decode(chunk as Buffer, { stream: true });
        if (s) yield text(s);
      }
      const rest = decoder.decode();
      if (rest) yield text(rest);
    })(),
  );
}

/** All checks of an .xlsx before exceljs opens it. */
export async function checkXlsx(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS) {
  const entries = zipEntries(bytes);
  checkZipDirectory(entries, limits);
  await checkInflatedSizes(bytes, entries);
}
