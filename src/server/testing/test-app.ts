// Builds a real app on a fresh database for API tests: in-memory PGlite, or — when the suite runs with
// ZW_TEST_DB=postgresql — a new database created on TEST_DATABASE_URL and dropped afterwards.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { buildApp, SESSION_COOKIE } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase, runMigrations, type Database } from '../db/connection.js';
import { SYSTEM_ACTOR } from '../modules/audit/audit.service.js';
import type { ServiceContext } from '../http/context.js';
import { twoFactor, users } from '../db/schema.js';
import { totpCode } from '../modules/auth/index.js';

/** The TOTP secret of every administrator the builders make (buildUser), so that tests can sign them in. */
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
/** The key sealing TOTP secrets in tests (the server's is ZHENWU_TWO_FACTOR_KEY or DATA_DIR/two-factor.key). */
const TEST_TWO_FACTOR_KEY = '0'.repeat(63) + '1';
import { keyRingOf, TEST_DATA_KEY, useDataKeys } from '../modules/personal-data/index.js';

export const testBackend = (): 'pglite' | 'postgresql' => (process.env.ZW_TEST_DB === 'postgresql' ? 'postgresql' : 'pglite');

async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('ZW_TEST_DB=postgresql needs TEST_DATABASE_URL');
  const name = `zw_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function openTestDatabase(): Promise<Database & { dispose: () => Promise<void> }> {
  // Personal data is encrypted at rest under the suites' fixed key (modules/personal-data).
  useDataKeys(keyRingOf([Buffer.from(TEST_DATA_KEY, 'base64')], 'ZHENWU_DATA_KEY'));
  if (testBackend() === 'postgresql') {
    const { url, drop } = await createPostgresDatabase();
    const database = await openDatabase({ url });
    await runMigrations(database);
    return {
      ...database,
      dispose: async () => {
        await database.close();
        await drop();
      },
    };
  }
  const database = await openDatabase({});
  await runMigrations(database);
  return { ...database, dispose: () => database.close() };
}

export type TestApp = Awaited<ReturnType<typeof buildTestApp>>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function buildTestApp(env: Record<string, string> = {}) {
  const database = await openTestDatabase();
  const config = { ...loadConfig({ ZHENWU_TWO_FACTOR_KEY: TEST_TWO_FACTOR_KEY, ...env }), dataDir: '/nonexistent' };
  const app = await buildApp({ database, config });
  await app.ready();
  /** A context acting as the system, for building test data through the services. */
  const system: ServiceContext = {
    db: database.db,
    principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
    actor: SYSTEM_ACTOR,
    townshipId: null,
  };
  const call = (method: Method, url: string, cookie: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return {
    app,
    database,
    db: database.db,
    system,
    /** A JSON request as the signed-in user of the cookie. */
    call,
    /** The same, expecting the status (200 by default); the parsed body, or null for 204. */
    async ok(method: Method, url: string, cookie: string, payload?: object, status = 200) {
      const res = await call(method, url, cookie, payload);
      expect(res.statusCode, res.body).toBe(status);
      return status === 204 ? null : res.json();
    },
    async close() {
      await app.close();
      await database.dispose();
    },
    /**
     * Logs in and returns the cookie header to send with later requests. An account with a second factor (the
     * builders' administrators) gives the code of TEST_TOTP_SECRET, or of `totpSecret`.
     */
    async login(username: string, password: string, totpSecret = TEST_TOTP_SECRET): Promise<string> {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200 && res.statusCode !== 202) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = `${SESSION_COOKIE}=${res.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
      if (res.statusCode === 200) return cookie;
      // Tests sign the same account in many times within one 30-second step, which a person cannot: the step
      // last used is forgotten first, so that the current code is not refused as a reuse.
      const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
      await database.db.update(twoFactor).set({ lastUsedStep: null }).where(eq(twoFactor.userId, user.id));
      const verified = await call('POST', '/api/auth/two-factor/verify', cookie, { code: totpCode(totpSecret, Date.now()) });
      if (verified.statusCode !== 200) throw new Error(`second factor of ${username} failed: ${verified.statusCode} ${verified.body}`);
      return cookie;
    },
  };
}

/** A multipart/form-data body with one file field, for upload endpoints under app.inject. */
export function multipartFile(filename: string, content: Uint8Array | string, field = 'file') {
  const boundary = `----zhenwu${crypto.randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The rows of one sheet of an .xlsx answer, header first, as plain cell texts. */
export async function readSheet(payload: Buffer, sheetName: string): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}
