// The leader's backup download (系统 › 数据备份). The file is the whole database: every township's households,
// every account, the audit trail. So it goes only to someone who may read all of it: a township leader
// (system.backup) whose scope covers every township the deployment holds — in practice, the leader of a
// deployment that serves his township alone. In a county's shared deployment nobody downloads it from the
// browser; the county's administrator runs `zhenwu backup` on the server. Each download is audited.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.js';
import type { Database } from '../../db/connection.js';
import { AppError, forbidden } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { mayAccess } from '../../policy/access.js';
import { scopesFor } from '../../policy/policy.js';
import { recordAudit } from '../audit/index.js';
import { allTownships } from '../org/index.js';
import { defaultBackupFileName, type BackupKind } from './backup-archive.js';
import { BackupRefusedError } from './backup-errors.js';
import { dumpPglite } from './pglite-backup.js';
import { pgDumpToFile } from './postgres-backup.js';

export interface BackupDownload {
  fileName: string;
  kind: BackupKind;
  size: number;
  /** The file's bytes (embedded) or the path of a temporary file (PostgreSQL), removed by `dispose`. */
  content: Buffer | { path: string };
  dispose(): void;
}

async function requireWholeDeployment(ctx: ServiceContext): Promise<number> {
  if (scopesFor(ctx.principal, 'system.backup').length === 0) {
    throw forbidden('只有镇领导可以下载数据备份；管理员请在服务器上执行 npx zhenwu backup');
  }
  const townships = await allTownships(ctx.db);
  const outside = townships.filter((t) => !mayAccess(ctx, 'system.backup', t));
  if (townships.length === 0 || outside.length > 0) {
    throw forbidden(
      `本系统存有 ${townships.length} 个乡镇的数据，备份文件会包含全部乡镇（含${outside
        .slice(0, 3)
        .map((t) => `“${t.name}”`)
        .join('、')}）的台账和个人信息，因此不能在浏览器中下载。请由服务器管理员在服务器上执行 npx zhenwu backup。`,
    );
  }
  return townships.length;
}

/** One backup at a time per process: each holds the whole database in memory (embedded) or runs a pg_dump. */
let making = false;

export async function downloadBackup(ctx: ServiceContext, deps: { database: Database; config: Config }): Promise<BackupDownload> {
  const townships = await requireWholeDeployment(ctx);
  if (making) throw new AppError('CONFLICT', '已有一个备份正在生成，请稍后再试');
  making = true;
  try {
    return await makeDownload(ctx, deps, townships);
  } catch (error) {
    if (error instanceof BackupRefusedError) throw new AppError('INTERNAL', `无法生成备份：${error.message}`);
    throw error;
  } finally {
    making = false;
  }
}

async function makeDownload(ctx: ServiceContext, { database, config }: { database: Database; config: Config }, townships: number) {
  let download: BackupDownload;
  if (database.kind === 'pglite') {
    const content = await dumpPglite(database.pglite!);
    download = { fileName: defaultBackupFileName('pglite'), kind: 'pglite', size: content.length, content, dispose: () => undefined };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zhenwu-backup-'));
    const file = path.join(dir, 'backup.dump');
    const dispose = () => fs.rmSync(dir, { recursive: true, force: true });
    try {
      // the URL the server's pool was opened with (DATABASE_URL)
      await pgDumpToFile(config.databaseUrl ?? database.pool!.options.connectionString!, file);
    } catch (error) {
      dispose();
      throw error;
    }
    download = { fileName: defaultBackupFileName('pg_dump'), kind: 'pg_dump', size: fs.statSync(file).size, content: { path: file }, dispose };
  }
  await recordAudit(ctx.db, ctx.actor, {
    action: 'system.backup',
    entity: 'backup',
    entityId: download.fileName,
    townshipId: ctx.townshipId,
    after: { fileName: download.fileName, kind: download.kind, size: download.size, townships },
  });
  return download;
}
