import { afterEach, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME, type LockHolder } from './data-dir-lock.js';
import { openDatabase, type Database } from './connection.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function buildDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-lock-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function writeLock(dir: string, holder: Partial<LockHolder>) {
  const full: LockHolder = { pid: 1, hostname: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 'earlier', ...holder };
  fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(full));
}

/** The pid of a process that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/** Runs the CLI as a separate process, as an operator would. */
function runCli(
  args: string[],
  env: Record<string, string>,
  killAfterMs = 50_000,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', ZHENWU_NO_DEMO: 'true', ...env },
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk) => {
    out.stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    out.stderr += chunk;
  });
  const timer = setTimeout(() => child.kill(), killAfterMs);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, ...out });
    }),
  );
}

describe('the data directory lock', () => {
  it('refuses a second open of the same directory, naming the directory and the pid, until the first closes', async () => {
    const dir = buildDataDir();
    const first: Database = await openDatabase({ dataDir: dir });
    cleanups.push(() => first.close());
    const second = openDatabase({ dataDir: dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`数据目录 ${dir} 正被镇务进程使用（pid ${process.pid}`);
    await expect(second).rejects.toThrow('Only one process may open it at a time');

    await first.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('writes pid, host and start time into a lock file and removes it on release', () => {
    const dir = buildDataDir();
    const lock = acquireDataDirLock(dir);
    const written = JSON.parse(fs.readFileSync(lock.file, 'utf8')) as LockHolder;
    expect(written).toMatchObject({ pid: process.pid, hostname: os.hostname() });
    expect(Date.parse(written.startedAt)).toBeLessThanOrEqual(Date.now());
    lock.release();
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('takes over a stale lock whose process is gone, and says so', () => {
    const dir = buildDataDir();
    const pid = deadPid();
    writeLock(dir, { pid });
    const logged: string[] = [];
    const lock = acquireDataDirLock(dir, (line) => logged.push(line));
    cleanups.push(() => lock.release());
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain(`pid ${pid}`);
    expect(logged[0]).toContain('已接管');
  });

  it('takes over a lock left by an earlier process that had this pid, and one from before a reboot', () => {
    const dir = buildDataDir();
    writeLock(dir, { pid: process.pid, token: 'an-earlier-life' });
    acquireDataDirLock(dir, () => undefined).release();
    writeLock(dir, { pid: process.ppid, bootId: 'a-boot-before-this-one' });
    acquireDataDirLock(dir, () => undefined).release();
  });

  it('takes over an unreadable lock file left by a crash between creating and writing it', () => {
    const dir = buildDataDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), '');
    const logged: string[] = [];
    acquireDataDirLock(dir, (line) => logged.push(line)).release();
    expect(logged[0]).toContain('无法读取');
  });

  it('refuses a lock held by a live process, and one held on another host, and leaves both in place', () => {
    const dir = buildDataDir();
    writeLock(dir, { pid: process.ppid });
    expect(() => acquireDataDirLock(dir)).toThrow(`pid ${process.ppid}`);
    writeLock(dir, { pid: 4242, hostname: 'another-host' });
    expect(() => acquireDataDirLock(dir)).toThrow(`请删除 ${path.join(dir, LOCK_FILE_NAME)} 后重试`);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).hostname).toBe('another-host');
  });

  it('is released when the process exits without closing', () => {
    const dir = buildDataDir();
    const script = `import { acquireDataDirLock } from './src/server/db/data-dir-lock.ts'; acquireDataDirLock(${JSON.stringify(dir)}); process.exit(3);`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(3);
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('makes every CLI command that opens a locked directory exit non-zero with the message', async () => {
    const dir = buildDataDir();
    const lock = acquireDataDirLock(dir);
    cleanups.push(() => lock.release());
    const commands = [['migrate'], ['demo'], ['import-divisions', 'divisions.csv'], ['create-admin', 'boss'], ['start']];
    const results = await Promise.all(commands.map((args) => runCli(args, { DATA_DIR: dir, PORT: '0' }, 30_000)));
    results.forEach((result, i) => {
      expect(result.status, `${commands[i][0]}: ${result.stdout}${result.stderr}`).toBe(1);
      expect(result.stderr).toContain(`数据目录 ${dir} 正被镇务进程使用（pid ${process.pid}`);
    });
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
  });

  it('lets the CLI open a directory whose previous owner died, and leaves no lock behind', async () => {
    const dir = buildDataDir();
    writeLock(dir, { pid: deadPid() });
    const result = await runCli(['migrate'], { DATA_DIR: dir });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain('已接管');
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});
