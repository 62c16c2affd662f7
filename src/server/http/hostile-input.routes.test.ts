// Hostile text and malformed filters get a 400 problem+json and change nothing: a probe got 47–51 answers of 500
// from NUL bytes, lone surrogates, U+FFFE/U+FFFF and an empty range filter. Old values holding such characters
// (stored before the guard) no longer make an export unreadable. Runs on PGlite and, with TEST_DATABASE_URL, on
// PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../db/connection.js';
import { buildTestApp, type TestApp } from '../testing/test-app.js';
import { buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../testing/builders.js';

let t: TestApp;
let leader: string;
let recordId: number;
const YANTANG = '430681105202';
const RECORDS = '/api/ledgers/households/records';

/** Rows of every table a write could touch, to show a refused request changed nothing. */
const fingerprint = async () =>
  JSON.stringify(
    await queryRows(
      t.db,
      sql`
  SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM ledger_records) AS records,
         (SELECT count(*) FROM org_units) AS units, (SELECT count(*) FROM ledgers) AS ledgers,
         (SELECT max(version) FROM ledger_records) AS version`,
    ),
  );

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: '430681105000' }]);
  leader = await t.login('shuji', TEST_PASSWORD);
  await t.ok('POST', '/api/ledgers', leader, { key: 'households', name: '防返贫监测户', kind: 'register', fields: buildHouseholdFields() }, 201);
  recordId = (await t.ok('POST', RECORDS, leader, { orgUnit: YANTANG, values: { name: '张三', idcard: buildIdCard(1), members: 3 } }, 201)).id;
});
afterAll(() => t.close());

const BAD = { nul: 'a\u0000b', control: 'a\u0007b', fffe: 'a\uFFFEb', ffff: '\uFFFF', lone_high: 'a\uD800', lone_low: '\uDC00b' };

describe('text no stored value may hold', () => {
  it.each(Object.entries(BAD))('refuses %s in a record, a unit, a ledger, a login and a query, changing nothing', async (_name, bad) => {
    const before = await fingerprint();
    // a lone surrogate cannot be written in a URL at all (its UTF-8 does not exist): JSON bodies only
    const inUrl = !/[\uD800-\uDFFF]/.test(bad);
    const requests: [string, string, object | undefined][] = [
      ['POST', RECORDS, { orgUnit: YANTANG, values: { name: bad } }],
      ['PATCH', `${RECORDS}/${recordId}`, { version: 1, values: { name: bad } }],
      ['POST', '/api/org-units', { parentCode: YANTANG, name: bad, level: 'group' }],
      ['POST', '/api/ledgers', { key: 'x', name: bad, kind: 'register', fields: [{ key: 'a', label: 'a', type: 'text' }] }],
      ['POST', '/api/ledgers', { key: 'x', name: 'x', kind: 'register', fields: [{ key: 'a', label: 'a', type: 'choice', choices: [bad] }] }],
      ...(inUrl
        ? ([
            ['GET', `${RECORDS}?q=${encodeURIComponent(bad)}`, undefined],
            ['GET', `${RECORDS}?f.name=${encodeURIComponent(bad)}`, undefined],
            ['GET', `/api/ledgers/${encodeURIComponent(bad)}/records`, undefined],
          ] as [string, string, undefined][])
        : []),
    ];
    for (const [method, url, payload] of requests) {
      const res = await t.call(method as 'GET', url, leader, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toBe('输入中含有不允许的字符（空字符、控制字符或无效的 Unicode 字符），请删除后重试');
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: bad, password: bad } });
    expect(login.statusCode).toBe(400);
    expect(await fingerprint()).toBe(before);
  });

  it('names the field that holds it', async () => {
    const res = await t.call('POST', RECORDS, leader, { orgUnit: YANTANG, values: { name: 'ok', category: BAD.nul } });
    expect(res.json().errors).toEqual([{ field: 'values.category', message: '含有不允许的字符' }]);
  });

  it('takes tabs, line breaks and emoji', async () => {
    await t.ok('POST', RECORDS, leader, { orgUnit: YANTANG, values: { name: '李四\t😀', idcard: buildIdCard(2) } }, 201);
  });
});

describe('range filters', () => {
  it.each([
    ['..', '“家庭人口”的筛选应为数字或“最小..最大”'],
    ['5..1', '“家庭人口”的筛选范围起点不能大于终点'],
    [' ..', '“家庭人口”的筛选应为数字或“最小..最大”'],
    ['1..2..3', '“家庭人口”的筛选应为数字或“最小..最大”'],
  ])('refuses f.members=%s with a reason', async (range, message) => {
    const res = await t.call('GET', `${RECORDS}?f.members=${encodeURIComponent(range)}`, leader);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'f.members', message }]);
  });

  it('takes open ranges', async () => {
    expect((await t.ok('GET', `${RECORDS}?f.members=3..`, leader)).total).toBe(1);
    expect((await t.ok('GET', `${RECORDS}?f.members=..2`, leader)).total).toBe(0);
  });
});

describe('exports of values stored before the guard', () => {
  it('writes the ledger export and the audit export as files Excel reads', async () => {
    await t.db.execute(
      sql`UPDATE ledger_records SET "values" = jsonb_set("values", '{name}', to_jsonb(${'王\uFFFF五\u0001'}::text)) WHERE id = ${recordId}`,
    );
    for (const url of [`/api/ledgers/households/records.xlsx`, '/api/audit/export']) {
      const res = await t.call('GET', url, leader);
      expect(res.statusCode, url).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.length).toBeGreaterThan(0);
    }
    const ledger = new ExcelJS.Workbook();
    await ledger.xlsx.load((await t.call('GET', `/api/ledgers/households/records.xlsx`, leader)).rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    ledger.worksheets[0].eachRow((row) => names.push(String(row.getCell(2).value)));
    expect(names).toContain('王五');
  });
});

describe('caching', () => {
  it('marks API answers, errors and exports no-store', async () => {
    for (const url of [RECORDS, `${RECORDS}?f.members=..`, '/api/ledgers/households/records.xlsx', '/api/me']) {
      expect((await t.call('GET', url, leader)).headers['cache-control'], url).toBe('no-store');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).headers['cache-control']).toBe('no-store');
  });
});
