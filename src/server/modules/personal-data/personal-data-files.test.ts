// The embedded database's files hold no plain ID number or mobile: records entered through the API, changed and
// audited, then a checkpoint, and every file of the data directory searched byte for byte. Then `rotate-key` with
// a key file: a new key in the file, every value re-encrypted, the old key dropped. PGlite only (its files).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, SESSION_COOKIE } from '../../app.js';
import { loadConfig } from '../../config.js';
import { openDatabase, queryRows, runMigrations, type Database } from '../../db/connection.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import type { ServiceContext } from '../../http/context.js';
import { buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { addCurrentKey, dataKeys, loadKeyRing, readKeyFile, useDataKeys, type DataKeyRing } from './data-keys.js';
import { rotateDataKey } from './personal-data.service.js';

const ID_NUMBER = buildIdCard(41, '19750707');
const MOBILE = '13655550001';
const RECORDS = '/api/ledgers/households/records';

let dir: string;
let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
let cookie: string;
let testRing: DataKeyRing;

function filesUnder(root: string): string[] {
  return fs
    .readdirSync(root, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(root, e.name)) : [path.join(root, e.name)]));
}

/** The data directory's files that contain the text, as stored bytes. */
function filesHolding(text: string): string[] {
  const needle = Buffer.from(text);
  return filesUnder(path.join(dir, 'data')).filter((file) => fs.readFileSync(file).includes(needle));
}

beforeAll(async () => {
  try {
    testRing = dataKeys();
  } catch {
    // no keys loaded yet in this worker
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zw-personal-'));
  // the key file the server creates on a first start, beside the data directory
  const { ring, created } = loadKeyRing({ dataDir: path.join(dir, 'data') }, true);
  expect(created).toBe(true);
  useDataKeys(ring);
  database = await openDatabase({ dataDir: path.join(dir, 'data') });
  await runMigrations(database);
  app = await buildApp({ database, config: { ...loadConfig({}), dataDir: path.join(dir, 'data') } });
  await app.ready();
  const system: ServiceContext = {
    db: database.db,
    principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
    actor: SYSTEM_ACTOR,
    townshipId: null,
  };
  await buildTownship(system);
  await buildUser(system, 'shuji', [{ role: 'leader', orgUnitCode: '430681105000' }]);
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'shuji', password: TEST_PASSWORD } });
  cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
  const call = (method: 'POST' | 'PATCH', url: string, payload: object) => app.inject({ method, url, headers: { cookie }, payload });
  expect(
    (await call('POST', '/api/ledgers', { key: 'households', name: '防返贫监测户', kind: 'register', fields: buildHouseholdFields() })).statusCode,
  ).toBe(201);
  const created1 = await call('POST', RECORDS, { orgUnit: '430681105202', values: { name: '张三', idcard: ID_NUMBER, phone: MOBILE } });
  expect(created1.statusCode, created1.body).toBe(201);
  expect((await call('PATCH', `${RECORDS}/${created1.json().id}`, { version: 1, values: { members: 4 } })).statusCode).toBe(200);
});

afterAll(async () => {
  await app.close();
  await database.close();
  if (testRing) useDataKeys(testRing);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the PGlite data directory', () => {
  it('holds no plain ID number or mobile after a checkpoint, but does hold the names', async () => {
    await database.db.execute(sql`CHECKPOINT`);
    expect(filesHolding('张三').length).toBeGreaterThan(0);
    expect(filesHolding(ID_NUMBER)).toEqual([]);
    expect(filesHolding(MOBILE)).toEqual([]);
    // and the key lives outside it
    expect(dataKeys().source).toBe(path.join(dir, 'zhenwu-data.key'));
    expect(filesUnder(path.join(dir, 'data')).some((f) => f.endsWith('zhenwu-data.key'))).toBe(false);
  });
});

describe('rotate-key with a key file', () => {
  it('makes a new key current, re-encrypts, drops the old key, and reads stay the same', async () => {
    const oldId = dataKeys().current.id;
    const result = await rotateDataKey(database.db, dataKeys(), () => {}, 0);
    expect(result.key).not.toBe(oldId);
    expect(result).toMatchObject({ records: 1, dropped: [oldId], kept: [] });
    expect(readKeyFile(dataKeys().source).keys.map((k) => k.id)).toEqual([result.key]);
    expect(fs.statSync(dataKeys().source).mode & 0o777).toBe(0o600);
    const rows = await queryRows<{ t: string }>(database.db, sql`SELECT "values"::text AS t FROM ledger_records`);
    expect(rows[0].t).toContain(`enc:v1:${result.key}:`);
    const res = await app.inject({ method: 'GET', url: `${RECORDS}?f.idcard=${ID_NUMBER}`, headers: { cookie } });
    expect(res.json().items[0].values).toMatchObject({ idcard: ID_NUMBER, phone: MOBILE });
    // a rotation interrupted after the new key was written (values still under the old one) is finished by the
    // next run, under that same new key, without a third
    const interrupted = addCurrentKey(dataKeys().source);
    const resumed = await rotateDataKey(database.db, interrupted, () => {}, 0);
    expect(resumed).toMatchObject({ key: interrupted.current.id, records: 1, dropped: [result.key] });
    expect(readKeyFile(dataKeys().source).keys.map((k) => k.id)).toEqual([interrupted.current.id]);
  });
});
