import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs the CLI as a separate process against the given database URL. */
function runCli(command: string, databaseUrl: string): Promise<{ status: number | null; output: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', command], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', ZHENWU_NO_DEMO: 'true' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => child.kill(), 60_000);
  return new Promise((resolve) =>
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output: stdout + stderr, stderr });
    }),
  );
}

/** TEST_DATABASE_URL with another user or database. */
function variantOf(base: string, change: { user?: string; database?: string }): string {
  const url = new URL(base);
  if (change.user) url.username = change.user;
  if (change.database) url.pathname = `/${change.database}`;
  return url.toString();
}

describe('starting against a database that cannot be reached', () => {
  it('says what is wrong and where, and exits 1, for start and migrate', async () => {
    const results = await Promise.all(['start', 'migrate'].map((command) => runCli(command, 'postgres://x@127.0.0.1:1/db')));
    for (const result of results) {
      expect(result.status, result.output).toBe(1);
      expect(result.stderr).toContain('无法连接数据库');
      expect(result.stderr).toContain('127.0.0.1:1');
      expect(result.stderr).toContain('ECONNREFUSED');
      expect(result.output).not.toContain('Failed query');
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('names a database that does not exist and a user the server refuses', async () => {
    const base = process.env.TEST_DATABASE_URL!;
    const [missingDb, unknownUser] = await Promise.all([
      runCli('migrate', variantOf(base, { database: 'zw_no_such_database' })),
      runCli('migrate', variantOf(base, { user: 'zw_no_such_user' })),
    ]);
    expect(missingDb.status, missingDb.output).toBe(1);
    expect(missingDb.stderr).toContain('数据库不存在');
    expect(missingDb.stderr).toContain('/zw_no_such_database');
    expect(unknownUser.status, unknownUser.output).toBe(1);
    expect(unknownUser.stderr).toContain('认证失败');
    expect(unknownUser.stderr).toContain('zw_no_such_user@');
  });
});
