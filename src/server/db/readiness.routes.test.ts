import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildTestApp, testBackend, type TestApp } from '../testing/test-app.js';
import { isDatabaseReady, queryRows } from './connection.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Takes the app's database away under it, the way an outage would. */
async function loseDatabase(app: TestApp) {
  if (testBackend() === 'pglite') return app.database.close();
  const [{ name }] = await queryRows<{ name: string }>(app.db, sql`SELECT current_database() AS name`);
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}

describe('readiness', () => {
  it('answers ready without a session while the database answers, and 503 problem+json once it is gone', async () => {
    t = await buildTestApp();
    const ready = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.database.kind });

    await loseDatabase(t);
    const res = await t.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE', detail: expect.stringContaining('数据库暂时无法访问') });
    // Liveness stays the process's answer: a probe restarting the process would not bring the database back.
    const live = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(live.json()).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('gives up on a database that does not answer in time', async () => {
    const hung = { db: { execute: () => new Promise(() => undefined) } } as unknown as Parameters<typeof isDatabaseReady>[0];
    expect(await isDatabaseReady(hung, 50)).toBe(false);
  });
});
