// One process at a time on a PGlite data directory. PGlite writes no real postmaster.pid (its pid is a fixed -42),
// so two processes on one directory each keep their own copy of the database in memory and the last to write
// its files wins: acknowledged writes of the other vanish. This lock file is what stops the second process.
//
// The file `<dir>/zhenwu.lock` holds the owner's pid, host, start time and boot id. It is created with O_EXCL
// ('wx'), so of two processes starting at once exactly one gets it. A lock whose owner no longer runs on this
// host (killed, crashed, machine rebooted) is stale and is taken over, with a line in the log; the take-over
// itself is serialised through a second exclusive file so two starters cannot both remove and both create.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE_NAME = 'zhenwu.lock';

export interface LockHolder {
  pid: number;
  hostname: string;
  /** When the owning process started (ISO 8601), for people reading the message. */
  startedAt: string;
  /** Linux: the kernel's boot id; another one means the machine rebooted since and the owner is gone. */
  bootId?: string;
  /** Linux: the owner's start time in clock ticks (/proc/<pid>/stat), to tell it from a later process given the same pid. */
  processStart?: string;
  /** Distinguishes this lock from an earlier one of a process that had the same pid. */
  token: string;
}

export interface DataDirLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void;
}

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dir: string,
    readonly file: string,
    readonly holder: LockHolder,
    foreignHost: boolean,
  ) {
    super(foreignHost ? foreignHostMessage(dir, file, holder) : inUseMessage(dir, holder));
    this.name = 'DataDirLockedError';
  }
}

function inUseMessage(dir: string, h: LockHolder): string {
  return (
    `数据目录 ${dir} 正被镇务进程使用（pid ${h.pid}，主机 ${h.hostname}，启动于 ${h.startedAt}）。` +
    '同一数据目录同一时间只能由一个进程打开，请先停止该进程再执行。' +
    `(The data directory ${dir} is in use by the Zhenwu process with pid ${h.pid} on ${h.hostname}, started ${h.startedAt}. ` +
    'Only one process may open it at a time: stop that process first.)'
  );
}

function foreignHostMessage(dir: string, file: string, h: LockHolder): string {
  return (
    `数据目录 ${dir} 被主机 ${h.hostname} 上的镇务进程锁定（pid ${h.pid}，启动于 ${h.startedAt}），本机无法判断该进程是否仍在运行。` +
    `如确认没有任何进程在使用该目录，请删除 ${file} 后重试。` +
    `(The data directory ${dir} is locked by pid ${h.pid} on host ${h.hostname}, started ${h.startedAt}, which this host cannot check. ` +
    `If no process uses the directory, delete ${file} and retry.)`
  );
}

/** Locks held by this process, by lock file: a second open of the same directory in one process is refused too. */
const heldHere = new Map<string, string>();
let exitHookInstalled = false;

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function procStat(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  // Field 22 (starttime); the command name in field 2 may hold spaces and parentheses, so count from the last ')'.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

const bootId = () => readText('/proc/sys/kernel/random/boot_id')?.trim();

function describeSelf(): LockHolder {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    bootId: bootId(),
    processStart: procStat(process.pid),
    token: crypto.randomBytes(8).toString('hex'),
  };
}

function parseHolder(text: string | undefined): LockHolder | undefined {
  if (!text) return undefined;
  try {
    const h = JSON.parse(text) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.hostname === 'string' && typeof h.token === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

type HolderState = 'alive' | 'gone' | 'foreign';

function holderState(file: string, h: LockHolder): HolderState {
  if (h.hostname !== os.hostname()) return 'foreign';
  const currentBoot = bootId();
  if (h.bootId && currentBoot && h.bootId !== currentBoot) return 'gone';
  // Our own pid: alive only if this very process holds it; otherwise it is left from an earlier process that had
  // the same pid (a container's pid 1 after a restart).
  if (h.pid === process.pid) return heldHere.get(file) === h.token ? 'alive' : 'gone';
  try {
    process.kill(h.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return 'gone';
  }
  const start = procStat(h.pid);
  if (h.processStart && start && start !== h.processStart) return 'gone';
  return 'alive';
}

function createExclusive(file: string, text: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function unlinkQuietly(file: string) {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Removes a stale lock file while holding the take-over file, and only if it still is the stale one we judged:
 * without this, a second starter could remove the lock that the first had just created.
 */
function removeStale(file: string, staleText: string, self: LockHolder): boolean {
  const guard = `${file}.takeover`;
  if (!createExclusive(guard, JSON.stringify(self))) {
    // Held for microseconds; a guard left behind by a process that died holding it is removed.
    const owner = parseHolder(readText(guard));
    if (!owner || holderState(guard, owner) === 'gone') unlinkQuietly(guard);
    return false;
  }
  try {
    if (readText(file) === staleText) unlinkQuietly(file);
    return true;
  } finally {
    unlinkQuietly(guard);
  }
}

function releaseAllOnExit() {
  for (const [file, token] of heldHere) {
    if (parseHolder(readText(file))?.token === token) unlinkQuietly(file);
  }
  heldHere.clear();
}

/**
 * Takes the directory's lock or throws DataDirLockedError naming the process that holds it. `log` hears about a
 * stale lock being taken over.
 */
export function acquireDataDirLock(dir: string, log: (message: string) => void = console.warn): DataDirLock {
  const resolved = path.resolve(dir);
  const file = path.join(resolved, LOCK_FILE_NAME);
  const self = describeSelf();
  const text = `${JSON.stringify(self, null, 2)}\n`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (createExclusive(file, text)) {
      heldHere.set(file, self.token);
      if (!exitHookInstalled) {
        process.on('exit', releaseAllOnExit);
        exitHookInstalled = true;
      }
      return { file, holder: self, release: () => release(file, self.token) };
    }
    const existing = readText(file);
    if (existing === undefined) continue; // released between our create and read
    const holder = parseHolder(existing);
    if (!holder) {
      // Its owner is between creating and writing it; a file that stays unreadable is left from a crash there.
      if (attempt < 20) {
        pause(25);
        continue;
      }
    } else {
      const state = holderState(file, holder);
      if (state !== 'gone') throw new DataDirLockedError(resolved, file, holder, state === 'foreign');
    }
    if (removeStale(file, existing, self)) {
      log(
        holder
          ? `数据目录 ${resolved} 的锁属于已不在运行的进程（pid ${holder.pid}，启动于 ${holder.startedAt}），已接管。` +
              `(took over the stale lock of pid ${holder.pid}, started ${holder.startedAt}, which no longer runs on this host)`
          : `数据目录 ${resolved} 的锁文件内容无法读取，视为残留并已接管。(took over an unreadable, stale lock file)`,
      );
    } else {
      pause(10);
    }
  }
  throw new Error(`无法锁定数据目录 ${resolved} (could not lock the data directory: ${file} keeps changing)`);
}

function release(file: string, token: string) {
  if (heldHere.get(file) !== token) return;
  heldHere.delete(file);
  if (parseHolder(readText(file))?.token === token) unlinkQuietly(file);
}
