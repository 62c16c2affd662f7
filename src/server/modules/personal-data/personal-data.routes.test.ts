// Personal data at rest: ID numbers and mobiles are stored encrypted in ledger records and audit snapshots, found
// by exact value and kept unique through their keyed hashes, and read through the API exactly as before. Older
// plain values are sealed by the start-up step; `rotate-key` re-encrypts everything under a new key. Runs on PGlite
// and, with TEST_DATABASE_URL, on PostgreSQL.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/connection.js';
import { buildTestApp, multipartFile, readSheet, type TestApp } from '../../testing/test-app.js';
import { buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { dataKeys, keyRingOf, TEST_DATA_KEY, useDataKeys } from './data-keys.js';
import { rotateDataKey, sealPlainPersonalData } from './personal-data.service.js';
import { keyIdsInUse } from './personal-data.repository.js';

let t: TestApp;
let leader: string;
let viewer: string;
let root: string;
const TOWN = '430681105000';
const [CHUANSHAN, YANTANG] = ['430681105201', '430681105202'];
const RECORDS = '/api/ledgers/households/records';
const ID_NUMBER = buildIdCard(31, '19850505');
const ID_WITH_X = (() => {
  // an ID number whose check character is X, to show the hash matches it typed in lower case
  for (let n = 0; n < 200; n++) if (buildIdCard(n, '19700303').endsWith('X')) return buildIdCard(n, '19700303');
  throw new Error('no ID number with X');
})();
const IMPORTED_ID = buildIdCard(33, '19900909');
const LEGACY_ID = buildIdCard(34, '19600606');
const MOBILE = '13812340001';
const NEW_MOBILE = '13912340002';
const MASKED_ID = `${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(-4)}`;
const PLAIN = [ID_NUMBER, ID_WITH_X, IMPORTED_ID, MOBILE, NEW_MOBILE];
let recordId: number;

/** Every text a table holds, as the database stores it. */
async function rawTexts() {
  const records = await queryRows<{ t: string }>(t.db, sql`SELECT "values"::text || search_text || personal_hashes::text AS t FROM ledger_records`);
  const audit = await queryRows<{ t: string }>(t.db, sql`SELECT coalesce(before::text, '') || coalesce(after::text, '') AS t FROM audit_log`);
  return { records: records.map((r) => r.t).join('\n'), audit: audit.map((r) => r.t).join('\n') };
}

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  [leader, viewer, root] = await Promise.all(['shuji', 'chakan', 'root'].map((u) => t.login(u, TEST_PASSWORD)));
  await t.ok('POST', '/api/ledgers', leader, { key: 'households', name: '防返贫监测户', kind: 'register', fields: buildHouseholdFields() }, 201);
  recordId = (await t.ok('POST', RECORDS, leader, { orgUnit: YANTANG, values: { name: '张三', idcard: ID_NUMBER, phone: MOBILE, members: 3 } }, 201))
    .id;
  const second = await t.ok('POST', RECORDS, leader, { orgUnit: CHUANSHAN, values: { name: '李四', idcard: ID_WITH_X, members: 2 } }, 201);
  await t.ok('PATCH', `${RECORDS}/${recordId}`, leader, { version: 1, values: { phone: NEW_MOBILE } });
  await t.ok('PATCH', `${RECORDS}/${second.id}`, leader, { version: 1, values: { phone: MOBILE } });
  const { payload, headers } = multipartFile('h.csv', `组织单元,户主姓名*,身份证号码*,联系电话\n燕塘村,王五,${IMPORTED_ID},${MOBILE}\n`);
  const upload = await t.app.inject({ method: 'POST', url: '/api/ledgers/households/imports', headers: { ...headers, cookie: leader }, payload });
  expect(upload.json(), upload.body).toMatchObject({ valid: 1 });
  await t.ok('POST', `/api/ledgers/households/imports/${upload.json().id}/commit`, leader);
  // an export whose filter names an ID number: the audit entry keeps the filter
  expect((await t.call('GET', `/api/ledgers/households/records.xlsx?f.idcard=${ID_NUMBER}`, leader)).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('what the database holds', () => {
  it('has no plain ID number or mobile in records, search text, hashes or audit snapshots', async () => {
    const { records, audit } = await rawTexts();
    for (const plain of PLAIN) {
      expect(records).not.toContain(plain);
      expect(audit).not.toContain(plain);
    }
    expect(records).toContain(`enc:v1:${dataKeys().current.id}:`);
    expect(audit).toContain(`enc:v1:${dataKeys().current.id}:`);
    expect(records).toContain('张三');
  });

  it('keeps a keyed hash beside each personal value, and none for an empty one', async () => {
    const [row] = await queryRows<{ h: Record<string, string> }>(t.db, sql`SELECT personal_hashes AS h FROM ledger_records WHERE id = ${recordId}`);
    expect(Object.keys(row.h).sort()).toEqual(['idcard', 'phone']);
    expect(row.h.idcard).toMatch(new RegExp(`^${dataKeys().current.id}:[A-Za-z0-9_-]{43}$`));
  });

  it('refuses to change an audit entry, also in a transaction that claims re-encryption, beyond its snapshots', async () => {
    await expect(t.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE id = (SELECT min(id) FROM audit_log)`)).rejects.toThrow();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('zhenwu.audit_reencrypt', 'on', true)`);
        await tx.execute(sql`UPDATE audit_log SET username = 'x' WHERE id = (SELECT min(id) FROM audit_log)`);
      }),
    ).rejects.toThrow();
    await expect(t.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
  });
});

describe('reading through the API, as before', () => {
  it('shows a leader the plain values and a viewer the masks', async () => {
    expect((await t.ok('GET', `${RECORDS}/${recordId}`, leader)).values).toMatchObject({ idcard: ID_NUMBER, phone: NEW_MOBILE });
    const masked = await t.ok('GET', `${RECORDS}/${recordId}`, viewer);
    expect(masked).toMatchObject({ masked: true, values: { idcard: MASKED_ID, phone: '139****0002' } });
  });

  it('finds a record by its exact ID number (any spacing, x in lower case) for a leader; refuses a viewer', async () => {
    const found = await t.ok('GET', `${RECORDS}?f.idcard=${ID_NUMBER}`, leader);
    expect(found.items.map((r: { id: number }) => r.id)).toEqual([recordId]);
    expect((await t.ok('GET', `${RECORDS}?f.idcard=${ID_WITH_X.toLowerCase()}`, leader)).total).toBe(1);
    expect((await t.ok('GET', `${RECORDS}?f.phone=${MOBILE}`, leader)).total).toBe(2);
    expect((await t.ok('GET', `${RECORDS}?f.idcard=${ID_NUMBER.slice(0, 10)}`, leader)).total).toBe(0);
    expect((await t.call('GET', `${RECORDS}?f.idcard=${ID_NUMBER}`, viewer)).statusCode).toBe(403);
  });

  it('sorts by an ID number after opening the values, refuses a viewer', async () => {
    const sorted = await t.ok('GET', `${RECORDS}?sort=idcard&order=desc`, leader);
    const ids = sorted.items.map((r: { values: { idcard: string } }) => r.values.idcard);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(sorted.total).toBe(3);
    expect((await t.call('GET', `${RECORDS}?sort=idcard`, viewer)).statusCode).toBe(403);
  });

  it('keeps ID numbers unique, in the form and the import', async () => {
    const res = await t.call('POST', RECORDS, leader, { orgUnit: CHUANSHAN, values: { name: '赵六', idcard: ID_NUMBER } });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(`身份证号码“${ID_NUMBER}”已登记在燕塘村，不能重复登记`);
    expect(
      (await t.call('POST', RECORDS, leader, { orgUnit: CHUANSHAN, values: { name: '赵六', idcard: ID_WITH_X.toLowerCase() } })).statusCode,
    ).toBe(409);
    const { payload, headers } = multipartFile('h.csv', `组织单元,户主姓名*,身份证号码*\n川山村,王五,${IMPORTED_ID}\n`);
    const file = await t.app.inject({ method: 'POST', url: '/api/ledgers/households/imports', headers: { ...headers, cookie: leader }, payload });
    expect(file.json().errors).toEqual([
      { row: 2, column: '身份证号码*', value: IMPORTED_ID, message: `身份证号码“${IMPORTED_ID}”已登记在燕塘村，不能重复登记` },
    ]);
  });

  it('exports plain values to a leader and masks to a viewer', async () => {
    const plain = await t.call('GET', '/api/ledgers/households/records.xlsx', leader);
    const masked = await t.call('GET', '/api/ledgers/households/records.xlsx', viewer);
    const cells = async (payload: Buffer) => (await readSheet(payload, '防返贫监测户')).flat();
    expect(await cells(plain.rawPayload)).toContain(ID_NUMBER);
    const viewerCells = await cells(masked.rawPayload);
    expect(viewerCells).toContain(MASKED_ID);
    expect(viewerCells).not.toContain(ID_NUMBER);
  });

  it('shows the history opened to a leader, masked to a viewer', async () => {
    const plain = await t.ok('GET', `${RECORDS}/${recordId}/history`, leader);
    expect(plain.items.map((e: { action: string }) => e.action)).toEqual(['ledger_record.create', 'ledger_record.update']);
    expect(plain.items[1].before.values).toMatchObject({ idcard: ID_NUMBER, phone: MOBILE });
    expect(plain.items[1].after.values).toMatchObject({ idcard: ID_NUMBER, phone: NEW_MOBILE });
    const masked = await t.ok('GET', `${RECORDS}/${recordId}/history`, viewer);
    expect(masked.items[1].before.values).toMatchObject({ idcard: MASKED_ID, phone: '138****0001' });
  });

  it('shows the audit log opened to the leader, masked to the deployment administrator', async () => {
    const find = async (cookie: string) =>
      ((await t.ok('GET', '/api/audit?pageSize=200', cookie)).items as { action: string; entityId: string; after: { values?: object } }[]).find(
        (e) => e.action === 'ledger_record.create' && e.entityId === String(recordId),
      )!;
    expect((await find(leader)).after.values).toMatchObject({ idcard: ID_NUMBER, phone: MOBILE });
    expect((await find(root)).after.values).toMatchObject({ idcard: MASKED_ID });
    // the first export, filtered by an ID number (the log lists newest first)
    const exported = (
      (await t.ok('GET', '/api/audit?pageSize=200&action=ledger.export_personal', leader)).items as { after: { filter: object } }[]
    ).at(-1)!;
    expect(exported.after.filter).toMatchObject({ 'f.idcard': ID_NUMBER, fieldFilters: { idcard: ID_NUMBER } });
  });
});

describe('reads of unmasked personal data', () => {
  type Read = { username: string; entityId: string; after: { ledger: string; kind: string; rows: number; recordId?: number } };
  const reads = async () => (await t.ok('GET', '/api/audit?action=personal.read&pageSize=200', leader)).items as Read[];

  it('are audited once per request with the rows shown, for a list, a record and a history; masked reads are not', async () => {
    const before = (await reads()).length;
    await t.ok('GET', `${RECORDS}?pageSize=2`, leader);
    await t.ok('GET', `${RECORDS}/${recordId}`, leader);
    await t.ok('GET', `${RECORDS}/${recordId}/history`, leader);
    await t.ok('GET', RECORDS, viewer);
    await t.ok('GET', `${RECORDS}/${recordId}`, viewer);
    await t.ok('GET', `${RECORDS}/${recordId}/history`, viewer);
    const added = (await reads()).slice(0, (await reads()).length - before);
    expect(added.map((e) => [e.username, e.after.kind, e.after.rows])).toEqual([
      ['shuji', 'history', 2],
      ['shuji', 'record', 1],
      ['shuji', 'list', 2],
    ]);
    expect(added[1].after).toMatchObject({ ledger: 'households', recordId });
  });
});

describe('plain values written before encryption existed', () => {
  it('are sealed by the start-up step, once and idempotently, and read as before', async () => {
    const [ledger] = await queryRows<{ id: number; township_id: number }>(t.db, sql`SELECT id, township_id FROM ledgers WHERE key = 'households'`);
    const [unit] = await queryRows<{ id: number; path: string }>(t.db, sql`SELECT id, path FROM org_units WHERE code = ${YANTANG}`);
    const values = { name: '旧户', idcard: LEGACY_ID, phone: '13700000000' };
    const [legacy] = await queryRows<{ id: number }>(
      t.db,
      sql`INSERT INTO ledger_records (township_id, ledger_id, org_unit_id, "values", search_text, definition_version)
          VALUES (${ledger.township_id}, ${ledger.id}, ${unit.id}, ${JSON.stringify(values)}::jsonb, '旧户', 1) RETURNING id::int AS id`,
    );
    await t.db.execute(sql`
      INSERT INTO audit_log (township_id, unit_path, username, action, entity, entity_id, after)
      VALUES (${ledger.township_id}, ${unit.path}, 'old', 'ledger_record.create', 'ledger_record', ${String(legacy.id)}, ${JSON.stringify({ values })}::jsonb)`);
    // plain values are read as they are until sealed
    expect((await t.ok('GET', `${RECORDS}/${legacy.id}`, leader)).values.idcard).toBe(LEGACY_ID);
    expect(await sealPlainPersonalData(t.db)).toEqual({ records: 1, entries: 1 });
    const { records, audit } = await rawTexts();
    for (const plain of [LEGACY_ID, '13700000000']) {
      expect(records).not.toContain(plain);
      expect(audit).not.toContain(plain);
    }
    expect((await t.ok('GET', `${RECORDS}/${legacy.id}`, leader)).values).toMatchObject({ idcard: LEGACY_ID, phone: '13700000000' });
    expect((await t.ok('GET', `${RECORDS}?f.idcard=${LEGACY_ID}`, leader)).total).toBe(1);
    expect(await sealPlainPersonalData(t.db)).toEqual({ records: 0, entries: 0 });
    const runs = (await t.ok('GET', '/api/audit?action=personal_data.encrypt', root)).items;
    expect(runs).toHaveLength(1);
  });
});

describe('rotate-key', () => {
  it('re-encrypts every value under the new key; the old key is then unused and reads keep working', async () => {
    const oldRing = dataKeys();
    const next = crypto.randomBytes(32);
    const ring = keyRingOf([next, Buffer.from(TEST_DATA_KEY, 'base64')], 'ZHENWU_DATA_KEY');
    const lines: string[] = [];
    const result = await rotateDataKey(t.db, ring, (line) => lines.push(line), 0);
    expect(result.key).not.toBe(oldRing.current.id);
    expect(result.records).toBe(4);
    expect(result.entries).toBeGreaterThan(5);
    expect(result.kept).toEqual([]);
    expect(lines.length).toBeGreaterThan(0);
    expect([...(await keyIdsInUse(t.db))]).toEqual([result.key]);
    const { records, audit } = await rawTexts();
    expect(records).not.toContain(`enc:v1:${oldRing.current.id}:`);
    expect(audit).not.toContain(`enc:v1:${oldRing.current.id}:`);
    // the new key alone now reads everything; a second run has nothing left to do
    useDataKeys(keyRingOf([next], 'ZHENWU_DATA_KEY'));
    try {
      expect((await t.ok('GET', `${RECORDS}/${recordId}`, leader)).values.idcard).toBe(ID_NUMBER);
      expect((await t.ok('GET', `${RECORDS}?f.idcard=${ID_NUMBER}`, leader)).total).toBe(1);
      expect((await t.call('POST', RECORDS, leader, { orgUnit: CHUANSHAN, values: { name: '赵六', idcard: ID_NUMBER } })).statusCode).toBe(409);
      const history = await t.ok('GET', `${RECORDS}/${recordId}/history`, leader);
      expect(history.items[1].before.values.idcard).toBe(ID_NUMBER);
      const again = await rotateDataKey(t.db, keyRingOf([next, crypto.randomBytes(32)], 'ZHENWU_DATA_KEY'), () => {}, 0);
      expect(again).toMatchObject({ records: 0, entries: 0 });
    } finally {
      useDataKeys(oldRing);
    }
  });
});
