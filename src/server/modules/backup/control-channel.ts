// How `zhenwu backup` reaches the running server of an embedded database. The server holds DATA_DIR (one process
// per directory: data-dir-lock.ts), so the command cannot open it; it asks the server instead. The server listens
// on 127.0.0.1 at a port of the system's choosing and writes the port and a random token to
// DATA_DIR/zhenwu-control.json, readable by its owner only (0600): whoever may read that file may already read
// the database files beside it, and nobody else can ask. The channel does one thing: make a backup.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BackupRefusedError } from './backup-errors.js';

export const CONTROL_FILE = 'zhenwu-control.json';

interface ControlInfo {
  pid: number;
  port: number;
  token: string;
  startedAt: string;
}

const sameToken = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Opens the channel for a server holding `dataDir`; `backup` makes the file. */
export async function openControlChannel(dataDir: string, backup: () => Promise<Buffer>): Promise<{ close(): Promise<void> }> {
  const token = crypto.randomBytes(32).toString('hex');
  let busy = false;
  const server = http.createServer((request, response) => {
    const answer = (status: number, text: string) => response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
    const auth = request.headers.authorization ?? '';
    if (request.method !== 'POST' || request.url !== '/backup') return answer(404, 'not found');
    if (!sameToken(auth, `Bearer ${token}`)) return answer(401, '令牌无效');
    if (busy) return answer(409, '已有一个备份正在进行，请稍后再试');
    busy = true;
    backup()
      .then((file) => response.writeHead(200, { 'content-type': 'application/gzip', 'content-length': file.length }).end(file))
      .catch((error: Error) => answer(500, `备份失败：${error.message}`))
      .finally(() => (busy = false));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  server.unref();
  const file = path.join(dataDir, CONTROL_FILE);
  const info: ControlInfo = { pid: process.pid, port: (server.address() as AddressInfo).port, token, startedAt: new Date().toISOString() };
  fs.rmSync(file, { force: true });
  const fd = fs.openSync(file, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(info)}\n`);
  } finally {
    fs.closeSync(fd);
  }
  return {
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      try {
        if ((JSON.parse(fs.readFileSync(file, 'utf8')) as ControlInfo).token === token) fs.rmSync(file, { force: true });
      } catch {
        // already gone
      }
    },
  };
}

/** Asks the server that holds `dataDir` (process `holderPid`) for a backup: the .tar.gz's bytes. */
export async function requestLiveBackup(dataDir: string, holderPid: number): Promise<Buffer> {
  const file = path.join(dataDir, CONTROL_FILE);
  let info: ControlInfo | undefined;
  try {
    info = JSON.parse(fs.readFileSync(file, 'utf8')) as ControlInfo;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EACCES') {
      throw new BackupRefusedError(`无权读取 ${file}：请以运行镇务服务器的系统用户执行 backup。`);
    }
  }
  if (!info || info.pid !== holderPid) {
    throw new BackupRefusedError(
      `数据目录 ${dataDir} 正被 pid ${holderPid} 使用，但该进程没有提供备份通道（它不是运行中的镇务服务器，而是 migrate、demo 等命令）。请等它结束后再执行 backup。`,
    );
  }
  let response: Response;
  try {
    response = await fetch(`http://127.0.0.1:${info.port}/backup`, { method: 'POST', headers: { authorization: `Bearer ${info.token}` } });
  } catch (error) {
    throw new BackupRefusedError(`无法连接运行中的镇务服务器（pid ${holderPid}，127.0.0.1:${info.port}）：${(error as Error).message}`);
  }
  if (!response.ok) throw new BackupRefusedError(`镇务服务器拒绝了备份请求（${response.status}）：${await response.text()}`);
  return Buffer.from(await response.arrayBuffer());
}
