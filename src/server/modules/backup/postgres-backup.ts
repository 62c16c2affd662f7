// Backup and restore on PostgreSQL, through the server's own tools: pg_dump --format=custom makes a consistent
// snapshot while Zhenwu runs (one repeatable-read transaction), pg_restore loads it. The password travels in the
// environment (PGPASSWORD), never on the command line where `ps` shows it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { BackupRefusedError } from './backup-errors.js';

/** Every Zhenwu connection names itself so (connection.ts; the server's presence connection: 'zhenwu-server'). */
export const ZHENWU_APPLICATION_NAMES = "application_name like 'zhenwu%'";

type Tool = 'pg_dump' | 'pg_restore';

function toolPath(tool: Tool): string {
  const dir = process.env.ZHENWU_PG_BINDIR;
  return dir ? path.join(dir, tool) : tool;
}

/** The URL without its password, and the environment that carries it. */
function connectionOf(url: string, applicationName: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: applicationName };
  if (password) env.PGPASSWORD = password;
  return { dbname: parsed.toString(), env };
}

function run(tool: Tool, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(toolPath(tool), args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

async function toolMajor(tool: Tool, serverMajor: number): Promise<number> {
  try {
    const { stdout } = await run(tool, ['--version']);
    const match = /(\d+)(?:\.\d+)?/.exec(stdout);
    if (match) return Number(match[1]);
    throw new Error(stdout);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new BackupRefusedError(
      `未找到 ${tool}（${toolPath(tool)}）。请在本机安装 PostgreSQL 客户端工具，主版本不低于数据库服务器的 ${serverMajor}` +
        `（如 Debian/Ubuntu 上的 postgresql-client-${serverMajor}），或用环境变量 ZHENWU_PG_BINDIR 指定其所在目录。`,
    );
  }
}

/** A short-lived connection for the checks around a backup or restore. */
async function withClient<T>(url: string, applicationName: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function serverMajorOf(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ major: number }>(`select current_setting('server_version_num')::int / 10000 as major`);
  return rows[0].major;
}

/** pg_dump of the database into `file` (custom format); refuses a missing pg_dump or one older than the server. */
export async function pgDumpToFile(url: string, file: string): Promise<void> {
  const serverMajor = await withClient(url, 'zhenwu-backup', serverMajorOf);
  const dumpMajor = await toolMajor('pg_dump', serverMajor);
  if (dumpMajor < serverMajor) {
    throw new BackupRefusedError(
      `本机的 pg_dump 是 ${dumpMajor} 版，比数据库服务器（PostgreSQL ${serverMajor}）旧，无法备份。` +
        `请安装 postgresql-client-${serverMajor} 或更新版本，或用 ZHENWU_PG_BINDIR 指定其所在目录。`,
    );
  }
  const { dbname, env } = connectionOf(url, 'zhenwu-backup');
  const result = await run('pg_dump', ['--format=custom', '--compress=6', `--file=${file}`, `--dbname=${dbname}`], env);
  if (result.code !== 0) throw new Error(`pg_dump 失败 (exit ${result.code}): ${result.stderr.trim()}`);
}

export interface ZhenwuConnection {
  pid: number;
  applicationName: string;
  clientAddr: string | null;
  backendStart: string;
}

/** Zhenwu's connections to the database, other than the asker's own. */
export async function zhenwuConnections(client: pg.Client): Promise<ZhenwuConnection[]> {
  const { rows } = await client.query<{ pid: number; application_name: string; client_addr: string | null; backend_start: Date }>(
    `select pid, application_name, client_addr::text, backend_start from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and ${ZHENWU_APPLICATION_NAMES}`,
  );
  return rows.map((r) => ({
    pid: r.pid,
    applicationName: r.application_name,
    clientAddr: r.client_addr,
    backendStart: r.backend_start.toISOString(),
  }));
}

/** The user tables of the database, as schema.table, at most `limit`. */
async function userTables(client: pg.Client, limit = 5): Promise<{ count: number; sample: string[] }> {
  const { rows } = await client.query<{ name: string; total: number }>(
    `select n.nspname || '.' || c.relname as name, count(*) over ()::int as total
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S') and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'
      order by 1 limit $1`,
    [limit],
  );
  return { count: rows[0]?.total ?? 0, sample: rows.map((r) => r.name) };
}

/**
 * Restores a pg_dump archive into the database of the URL: refuses while any Zhenwu process is connected to it,
 * refuses a database that holds tables unless `force` (which drops Zhenwu's schemas, public and drizzle, first),
 * and loads the archive in one transaction, so a failure leaves the database as it was.
 */
export async function restorePostgres(url: string, file: string, opts: { force?: boolean } = {}): Promise<void> {
  await withClient(url, 'zhenwu-restore', async (client) => {
    const live = await zhenwuConnections(client);
    if (live.length > 0) {
      const who = live
        .slice(0, 5)
        .map((c) => `pid ${c.pid}（${c.applicationName}，来自 ${c.clientAddr ?? '本机套接字'}，连接于 ${c.backendStart}）`)
        .join('；');
      throw new BackupRefusedError(
        `镇务仍连接着该数据库（${live.length} 个连接：${who}），不能在运行中恢复。请先停止所有镇务服务器和命令再执行 restore。`,
      );
    }
    let tables = await userTables(client);
    if (tables.count > 0 && opts.force) {
      await client.query('drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public');
      tables = await userTables(client);
    }
    if (tables.count > 0) {
      throw new BackupRefusedError(
        opts.force
          ? `目标数据库在 public、drizzle 之外还有 ${tables.count} 个表（如 ${tables.sample.join('、')}），不是镇务的数据库，恢复已取消。`
          : `目标数据库不是空的（${tables.count} 个表，如 ${tables.sample.join('、')}）。恢复会替换其中的数据；` +
              '如确认替换，请加 --force（将删除 public、drizzle 两个 schema 中的全部表），或恢复到一个新建的空数据库（createdb）。',
      );
    }
  });
  const { dbname, env } = connectionOf(url, 'zhenwu-restore');
  const result = await run(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, file],
    env,
  ).catch((error) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupRefusedError(
        `未找到 pg_restore（${toolPath('pg_restore')}）。请安装 PostgreSQL 客户端工具，或用 ZHENWU_PG_BINDIR 指定其所在目录。`,
      );
    }
    throw error;
  });
  if (result.code !== 0) {
    const stderr = result.stderr.trim();
    if (/unsupported version|不支持的版本/i.test(stderr)) {
      throw new BackupRefusedError(`本机的 pg_restore 版本比制作该备份的 pg_dump 旧，无法读取。请安装更新的 PostgreSQL 客户端工具。(${stderr})`);
    }
    throw new Error(`pg_restore 失败 (exit ${result.code})，数据库未改动: ${stderr}`);
  }
}
