// The leader's backup download: in a deployment that holds his township alone he gets the whole database as a
// file that restores, and the download is audited; nobody else gets it, and nobody at all once the deployment
// holds a second township (the authorisation matrix probes that case with every principal).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { createUnit } from '../org/org.service.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { buildTestApp, testBackend, type TestApp } from '../../testing/test-app.js';
import { readPgliteTarball, sniffBackupKind } from './backup-archive.js';

let t: TestApp;
let township: Awaited<ReturnType<typeof buildTownship>>;

beforeAll(async () => {
  t = await buildTestApp();
  township = await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: township.townshipCode }]);
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: township.townshipCode }]);
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: township.villageCodes[0] }]);
});
afterAll(() => t?.close());

const download = async (username: string) => t.call('POST', '/api/system/backups', await t.login(username, TEST_PASSWORD));

it('gives the leader of a one-township deployment the whole database, and audits it', async () => {
  const res = await download('shuji');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.rawPayload;
  const kind = testBackend() === 'pglite' ? 'pglite' : 'pg_dump';
  expect(sniffBackupKind(body)).toBe(kind);
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="zhenwu-backup-\d{8}-\d{4}\.(tar\.gz|dump)"$/);
  expect(Number(res.headers['content-length'])).toBe(body.length);
  if (kind === 'pglite') expect(readPgliteTarball(body).pgVersion).toMatch(/^\d+$/);
  const [entry] = await queryRows<{ username: string; after: { size: number; kind: string; townships: number } }>(
    t.db,
    sql`select username, after from audit_log where action = 'system.backup'`,
  );
  expect(entry).toMatchObject({ username: 'shuji', after: { size: body.length, kind, townships: 1 } });
});

it('refuses everyone else, and the leader too once the deployment holds a second township', async () => {
  for (const username of ['chakan', 'cun201']) {
    const res = await download(username);
    expect(res.statusCode, username).toBe(403);
    expect(res.json().detail).toContain('只有镇领导可以下载数据备份');
  }
  await createUnit(t.system, { parentCode: township.countyCode, name: '白水镇', level: 'town', code: '430681106000' });
  const res = await download('shuji');
  expect(res.statusCode).toBe(403);
  expect(res.json().detail).toMatch(/本系统存有 2 个乡镇的数据.*“白水镇”.*npx zhenwu backup/);
  const [{ n }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'system.backup'`);
  expect(n).toBe(1);
});
