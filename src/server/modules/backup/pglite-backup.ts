// Backup and restore of the embedded database (PGlite). A backup is PGlite's own dump of its data directory, made
// inside the database's queue: PGlite runs every statement of the process through one transaction lock, so while
// the dump holds it no other statement runs, and a CHECKPOINT first writes every committed change into the data
// files. The copy is therefore the database as of one instant between two transactions, as a stopped server
// would leave it. The dump holds the whole directory in memory (a demo township: ~75 MB, ~1 s on 2 cores) and
// pauses the server's requests for that time.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { wrapPglite, type Database } from '../../db/connection.js';
import { acquireDataDirLock, DataDirLockedError } from '../../db/data-dir-lock.js';
import { NOT_IN_BACKUP, readPgliteTarball, withoutProcessFiles } from './backup-archive.js';
import { BackupRefusedError } from './backup-errors.js';

const gzip = promisify(zlib.gzip);

/** A consistent copy of an open PGlite database: a gzipped tar of its data directory. */
export async function dumpPglite(client: PGlite): Promise<Buffer> {
  const file = await client.transaction(async (tx) => {
    // The transaction holds PGlite's queue; the dump itself takes the statement lock, free between statements.
    await tx.exec('CHECKPOINT');
    return client.dumpDataDir('none');
  });
  return gzip(withoutProcessFiles(Buffer.from(await file.arrayBuffer())), { level: 6 });
}

/** What a data directory holds besides Zhenwu's own process files and keys. */
export function dataDirContents(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => !NOT_IN_BACKUP.has(name));
}

/** Whether a directory holds a PostgreSQL data directory (PGlite's files). */
export const holdsDatabase = (dir: string) => fs.existsSync(path.join(dir, 'PG_VERSION'));

function stamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

export interface PgliteRestoreResult {
  /** The restored database, open, holding the directory's lock until closed. */
  database: Database;
  dir: string;
  /** Where the directory's earlier content went (--force), if it had any. */
  movedAside?: string;
  pgVersion: string;
}

/**
 * Restores a backup into DATA_DIR: refuses while a process holds the directory (the running server), refuses a
 * directory that already holds anything unless `force`, which moves the old content aside rather than deleting
 * it. Keys (two-factor.key) already in the directory stay where they are.
 */
export async function restorePglite(dir: string, gzipped: Buffer, opts: { force?: boolean } = {}): Promise<PgliteRestoreResult> {
  const { tar, pgVersion } = readPgliteTarball(gzipped);
  const resolved = path.resolve(dir);
  fs.mkdirSync(resolved, { recursive: true });
  let lock;
  try {
    lock = acquireDataDirLock(resolved);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new BackupRefusedError(`镇务服务器（或另一条命令）正在使用数据目录，不能在运行中恢复。请先停止服务器再执行 restore。\n${error.message}`);
  }
  try {
    const existing = dataDirContents(resolved);
    let movedAside: string | undefined;
    if (existing.length > 0) {
      if (!opts.force) {
        throw new BackupRefusedError(
          `数据目录 ${resolved} 不是空的（${existing.length} 项，如 ${existing.slice(0, 3).join('、')}）。恢复会替换其中的数据库；` +
            `如确认替换，请加 --force（原有内容会移到 ${resolved}.before-restore-<时间> 保留，不会删除）。`,
        );
      }
      movedAside = `${resolved}.before-restore-${stamp()}`;
      fs.mkdirSync(movedAside);
      for (const name of existing) fs.renameSync(path.join(resolved, name), path.join(movedAside, name));
    }
    // PGlite unpacks the archive into the empty directory and opens it.
    const client = await PGlite.create(resolved, { loadDataDir: new Blob([new Uint8Array(tar)]) });
    return { database: wrapPglite(client, lock.release), dir: resolved, movedAside, pgVersion };
  } catch (error) {
    lock.release();
    throw error;
  }
}
