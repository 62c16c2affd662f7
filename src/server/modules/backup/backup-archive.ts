// What a backup file is, told from its first bytes: a PGlite data-directory tarball (.tar.gz, made by
// `zhenwu backup` on the embedded database) or a pg_dump custom-format archive (.dump, PostgreSQL). Anything else
// is refused before a restore touches the target. Also the few lines of tar this needs: PGlite dumps the whole
// directory, and Zhenwu's own files in it (the lock, the control channel's token) must not travel in a backup.
import zlib from 'node:zlib';
import { BackupRefusedError as BackupFileError } from './backup-errors.js';

export type BackupKind = 'pglite' | 'pg_dump';

/**
 * Files of DATA_DIR that are not the database: the running process's own (the lock, the control channel's
 * token) and the key that seals two-factor secrets, which is kept apart from the backups (docs/operations.md)
 * so that a stolen backup does not carry it. Never backed up; a restore leaves them where they are.
 */
export const NOT_IN_BACKUP = new Set(['zhenwu.lock', 'zhenwu.lock.takeover', 'zhenwu-control.json', 'two-factor.key']);

const PG_DUMP_MAGIC = Buffer.from('PGDMP');
const BLOCK = 512;

export interface TarEntry {
  /** The path inside the archive without a leading '/', e.g. 'base/1/112'. */
  name: string;
  type: string;
  /** Offset of the header block; the entry with its data spans [offset, end). */
  offset: number;
  end: number;
}

function octal(block: Buffer, start: number, length: number): number {
  const text = block
    .toString('latin1', start, start + length)
    .replace(/\0.*$/s, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new BackupFileError('tar 头部的长度字段无效');
  return text ? parseInt(text, 8) : 0;
}

function isZeroBlock(buffer: Buffer, offset: number): boolean {
  for (let i = offset; i < offset + BLOCK; i++) if (buffer[i] !== 0) return false;
  return true;
}

function cString(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.toString('utf8', 0, end < 0 ? length : end);
}

/** The entries of a tar archive (ustar or plain), checking each header's checksum; throws on anything else. */
export function tarEntries(tar: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length && !isZeroBlock(tar, offset)) {
    const header = tar.subarray(offset, offset + BLOCK);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i];
    if (octal(header, 148, 8) !== sum) throw new BackupFileError('tar 头部校验和不符');
    const size = octal(header, 124, 12);
    const prefix = header.toString('latin1', 257, 262) === 'ustar' ? cString(header, 345, 155) : '';
    const name = (prefix ? `${prefix}/` : '') + cString(header, 0, 100);
    const end = offset + BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    if (end > tar.length) throw new BackupFileError('tar 文件被截断');
    entries.push({ name: name.replace(/^\/+/, ''), type: String.fromCharCode(header[156] || 48), offset, end });
    offset = end;
  }
  if (entries.length === 0) throw new BackupFileError('tar 文件为空');
  return entries;
}

/** The same archive without the entries the predicate rejects, ending in the two zero blocks tar expects. */
export function filterTar(tar: Buffer, keep: (entry: TarEntry) => boolean): Buffer {
  const kept = tarEntries(tar).filter(keep);
  return Buffer.concat([...kept.map((e) => tar.subarray(e.offset, e.end)), Buffer.alloc(2 * BLOCK)]);
}

/** Keeps the database's files and drops the others (lock, control channel, key). */
export const withoutProcessFiles = (tar: Buffer) => filterTar(tar, (e) => !NOT_IN_BACKUP.has(e.name));

/**
 * pg_dump's custom format: 'PGDMP', the archive version (1.x.y), the sizes of an int and an offset, and the
 * format (1 = custom).
 */
function isPgDumpCustom(head: Buffer): boolean {
  return (
    head.length >= 11 &&
    head.subarray(0, 5).equals(PG_DUMP_MAGIC) &&
    head[5] === 1 &&
    head[6] >= 10 &&
    head[6] < 64 &&
    [4, 8].includes(head[8]) &&
    [4, 8].includes(head[9]) &&
    head[10] === 1
  );
}

/** The kind of a backup file from its first 16 bytes (a pg_dump custom header, or gzip), without reading the rest. */
export function sniffBackupKind(head: Buffer): BackupKind | undefined {
  if (isPgDumpCustom(head)) return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return undefined;
}

const NOT_A_BACKUP =
  '该文件不是镇务备份：既不是嵌入式数据库的备份（.tar.gz，内含 PostgreSQL 数据目录），也不是 PostgreSQL 的 pg_dump 自定义格式备份（.dump）。';

/**
 * A PGlite backup's tarball, unpacked and checked: a gzip whose tar holds a PostgreSQL data directory
 * (PG_VERSION, global/, base/). Throws BackupFileError with the reason in Chinese.
 */
export function readPgliteTarball(gzipped: Buffer): { tar: Buffer; pgVersion: string } {
  if (sniffBackupKind(gzipped) !== 'pglite') throw new BackupFileError(NOT_A_BACKUP);
  let tar: Buffer;
  try {
    tar = zlib.gunzipSync(gzipped);
  } catch (error) {
    throw new BackupFileError(`${NOT_A_BACKUP}（gzip 解压失败：${(error as Error).message}）`);
  }
  let entries: TarEntry[];
  try {
    entries = tarEntries(tar);
  } catch (error) {
    throw new BackupFileError(`${NOT_A_BACKUP}（${(error as Error).message}）`);
  }
  const version = entries.find((e) => e.name === 'PG_VERSION');
  const hasDirs = ['global/', 'base/'].every((dir) => entries.some((e) => e.name.startsWith(dir)));
  if (!version || !hasDirs) throw new BackupFileError(`${NOT_A_BACKUP}（压缩包中没有 PostgreSQL 数据目录）`);
  const pgVersion = tar
    .toString('utf8', version.offset + BLOCK, version.end)
    .replace(/\0+$/, '')
    .trim();
  return { tar, pgVersion };
}

/** `zhenwu-backup-20261203-1830.tar.gz` (embedded) or `.dump` (PostgreSQL), in the machine's local time. */
export function defaultBackupFileName(kind: BackupKind, now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}`;
  return `zhenwu-backup-${stamp}${kind === 'pglite' ? '.tar.gz' : '.dump'}`;
}

/** 1.2 MB, 340 KB: sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
