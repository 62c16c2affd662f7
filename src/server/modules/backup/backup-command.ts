// `zhenwu backup [--out FILE]` and `zhenwu restore FILE [--force]` (docs/operations.md). A backup of the embedded
// database is made by whoever holds DATA_DIR: this command when no server runs, else the running server, asked
// through its control channel. A restore never runs beside a server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.js';
import { openDatabase, queryRows, runMigrations, type Database } from '../../db/connection.js';
import { DataDirLockedError } from '../../db/data-dir-lock.js';
import { sql } from 'drizzle-orm';
import { defaultBackupFileName, formatSize, sniffBackupKind, type BackupKind } from './backup-archive.js';
import { BackupRefusedError } from './backup-errors.js';
import { requestLiveBackup } from './control-channel.js';
import { dumpPglite, holdsDatabase, restorePglite } from './pglite-backup.js';
import { pgDumpToFile, restorePostgres } from './postgres-backup.js';

/** The embedded database's backup, by this process or by the server that holds the directory. */
async function backupEmbedded(dataDir: string): Promise<Buffer> {
  if (!holdsDatabase(dataDir)) throw new BackupRefusedError(`数据目录 ${dataDir} 中没有数据库，请检查 DATA_DIR。`);
  let database: Database;
  try {
    database = await openDatabase({ dataDir });
  } catch (error) {
    if (!(error instanceof DataDirLockedError) || error.holder.hostname !== os.hostname()) throw error;
    return requestLiveBackup(error.dir, error.holder.pid);
  }
  try {
    return await dumpPglite(database.pglite!);
  } finally {
    await database.close();
  }
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) throw new BackupRefusedError(`${name} 后面需要一个文件名`);
  return value;
}

export async function backupCommand(config: Config, args: string[]): Promise<string> {
  const kind: BackupKind = config.databaseUrl ? 'pg_dump' : 'pglite';
  const target = path.resolve(option(args, '--out') ?? defaultBackupFileName(kind));
  if (fs.existsSync(target)) throw new BackupRefusedError(`文件 ${target} 已存在，不会覆盖；请用 --out 指定另一个文件名。`);
  // Written beside the target and renamed at the end: a failed backup never leaves a file that looks whole.
  const partial = `${target}.partial`;
  const started = Date.now();
  try {
    if (config.databaseUrl) await pgDumpToFile(config.databaseUrl, partial);
    else fs.writeFileSync(partial, await backupEmbedded(config.dataDir));
    // The file holds every household's data: its owner only.
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  const size = fs.statSync(target).size;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return `备份完成 (backup written): ${target}  ${formatSize(size)}（${size} 字节，${seconds} 秒）`;
}

async function summary(database: Database): Promise<string> {
  const [row] = await queryRows<{ townships: number; users: number; records: number; last: string | null }>(
    database.db,
    sql`select (select count(*)::int from org_units where level = 'town') as townships,
               (select count(*)::int from users) as users,
               (select count(*)::int from ledger_records) as records,
               (select max(at)::text from audit_log) as last`,
  );
  return `乡镇 ${row.townships} 个，用户 ${row.users} 个，台账记录 ${row.records} 条，最后一条审计记录于 ${row.last ?? '—'}`;
}

const KEY_REMINDER =
  '提醒：密钥不在备份中。若原系统使用了数据密钥文件（ZHENWU_DATA_KEY_FILE，默认在数据目录旁的 zhenwu-data.key）' +
  '或两步验证密钥（数据目录中的 two-factor.key / ZHENWU_TWO_FACTOR_KEY），请在启动前把原来的密钥放回原处，否则加密的身份证号、手机号和两步验证无法使用。';

/**
 * Restores the file into DATA_DIR or DATABASE_URL, checking its kind first; answers the restored database, open,
 * with this version's migrations applied, and where it is.
 */
export async function restoreBackup(config: Config, file: string, force: boolean): Promise<{ database: Database; where: string }> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupRefusedError(`找不到备份文件 ${file}`);
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const kind = sniffBackupKind(head);
  if (!kind) {
    throw new BackupRefusedError(
      `${file} 不是镇务备份文件：既不是嵌入式数据库的备份（.tar.gz），也不是 PostgreSQL 的 pg_dump 自定义格式备份（.dump）。未做任何改动。`,
    );
  }
  let database: Database;
  let where: string;
  if (config.databaseUrl) {
    if (kind !== 'pg_dump') {
      throw new BackupRefusedError(`${file} 是嵌入式数据库（PGlite）的备份，不能恢复到 PostgreSQL；请去掉 DATABASE_URL，恢复到 DATA_DIR。`);
    }
    await restorePostgres(config.databaseUrl, file, { force });
    database = await openDatabase({ url: config.databaseUrl });
    where = `PostgreSQL 数据库 ${new URL(config.databaseUrl).pathname.slice(1)}`;
  } else {
    if (kind !== 'pglite') {
      throw new BackupRefusedError(`${file} 是 PostgreSQL 的 pg_dump 备份，不能恢复到嵌入式数据库；请设置 DATABASE_URL 指向一个空数据库后再恢复。`);
    }
    const result = await restorePglite(config.dataDir, fs.readFileSync(file), { force });
    database = result.database;
    where = `数据目录 ${result.dir}${result.movedAside ? `（原有内容已移到 ${result.movedAside}）` : ''}`;
  }
  try {
    // An older backup opens in a newer Zhenwu.
    await runMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { database, where };
}

export async function restoreCommand(config: Config, args: string[]): Promise<string> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new BackupRefusedError('用法 (usage): zhenwu restore <备份文件> [--force]');
  const { database, where } = await restoreBackup(config, file, args.includes('--force'));
  try {
    return `恢复完成 (restored) 到 ${where}：${await summary(database)}。\n${KEY_REMINDER}`;
  } finally {
    await database.close();
  }
}
