// Masking cannot be bypassed (issue 12, security suite item 4). For ID numbers and mobiles, and for each reader
// without personal.read over the household (a township viewer, a viewer who is a cadre of another village, the
// deployment administrator), no list, filter (exact, contains, range), sort, keyword search, record, history,
// indicator explanation, Excel export, audit log or uniqueness message shows more than the mask:
// - the full number (nor its hidden middle) appears in no answer, .xlsx contents included;
// - every question about a number answers exactly as the same question about a decoy with the same mask (same
//   first six and last four digits of an ID number, same first three and last four of a mobile), so counting
//   answers cannot tell which number is stored.
// Asserted through HTTP only: it holds however the numbers are stored. Runs on PGlite and, with TEST_DATABASE_URL,
// on PostgreSQL.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskIdCard, maskMobile } from '../../core/masking.js';
import { buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../testing/builders.js';
import { buildTestApp, multipartFile, readSheet, type TestApp } from '../testing/test-app.js';

let t: TestApp;
const cookies: Record<string, string> = {};
let recordId: number;
const TOWN = '430681105000';
const [CHUANSHAN, YANTANG] = ['430681105201', '430681105202'];
const RECORDS = '/api/ledgers/households/records';
const PERIOD = String(new Date().getFullYear());

// The household of 燕塘村: its numbers when entered, and after an edit (the history holds both).
const ID_OLD = buildIdCard(317, '19730917');
const ID_NEW = buildIdCard(529, '19640228');
const PHONE_OLD = '13847296153';
const PHONE_NEW = '15962804371';

/** A valid ID number other than the given one with the same mask: same region, birth year and last four characters. */
function decoyIdCard(id: string): string {
  for (let day = 1; day < 400; day++) {
    const birth = `${id.slice(6, 10)}${String(1 + (day % 12)).padStart(2, '0')}${String(1 + (day % 28)).padStart(2, '0')}`;
    const candidate = buildIdCard(Number(id.slice(14, 17)), birth);
    if (candidate !== id && maskIdCard(candidate) === maskIdCard(id)) return candidate;
  }
  throw new Error(`no decoy for ${id}`);
}
const decoyMobile = (mobile: string) =>
  `${mobile.slice(0, 3)}${String((Number(mobile.slice(3, 7)) + 1111) % 10000).padStart(4, '0')}${mobile.slice(7)}`;

/** What must never be shown: the numbers, and the parts the mask hides. */
const SECRETS = [
  ID_OLD,
  ID_NEW,
  PHONE_OLD,
  PHONE_NEW,
  ...[ID_OLD, ID_NEW].map((id) => id.slice(6, 14)),
  ...[PHONE_OLD, PHONE_NEW].map((p) => p.slice(2, 9)),
];

/** The readers without personal.read over 燕塘村's household, and what each may ask. */
const READERS = {
  // 查看 of the township: reads every record, masked
  viewer: [{ role: 'viewer', orgUnitCode: TOWN }],
  // 查看 of the township and 村干部 of 川山村: personal.read in 川山村 only
  'viewer + cadre of 川山村': [
    { role: 'viewer', orgUnitCode: TOWN },
    { role: 'village_cadre', orgUnitCode: CHUANSHAN },
  ],
} as const;

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  await buildUser(t.system, 'chakan', [...READERS.viewer]);
  await buildUser(t.system, 'cun201', [...READERS['viewer + cadre of 川山村']]);
  cookies.leader = await t.login('shuji', TEST_PASSWORD);
  cookies.admin = await t.login('root', TEST_PASSWORD);
  cookies.viewer = await t.login('chakan', TEST_PASSWORD);
  cookies['viewer + cadre of 川山村'] = await t.login('cun201', TEST_PASSWORD);
  const leader = cookies.leader;
  await t.ok('POST', '/api/ledgers', leader, { key: 'households', name: '防返贫监测户', kind: 'register', fields: buildHouseholdFields() }, 201);
  const created = await t.ok(
    'POST',
    RECORDS,
    leader,
    { orgUnit: YANTANG, values: { name: '张三', idcard: ID_OLD, phone: PHONE_OLD, members: 3 } },
    201,
  );
  recordId = created.id;
  await t.ok('PATCH', `${RECORDS}/${recordId}`, leader, { version: created.version, values: { idcard: ID_NEW, phone: PHONE_NEW } });
  // a second household, so that a sort would have an order to show
  await t.ok(
    'POST',
    RECORDS,
    leader,
    { orgUnit: YANTANG, values: { name: '李四', idcard: buildIdCard(640, '19900505'), phone: '13700001111' } },
    201,
  );
  await t.ok(
    'POST',
    '/api/indicators',
    leader,
    { key: 'hh', name: '监测户数', source: { type: 'records', ledger: 'households', aggregate: 'count', timing: 'stock' } },
    201,
  );
  // the leader's filtered exports and lists enter the audit log with their filters
  for (const query of [`f.idcard=${ID_NEW}`, `q=${ID_NEW}`, `f.phone=${PHONE_NEW}`])
    expect((await t.call('GET', `/api/ledgers/households/records.xlsx?${query}`, leader)).statusCode).toBe(200);
});
afterAll(() => t.close());

/** The text of an answer: the body, or the cells of every sheet of an .xlsx. */
async function textOf(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type']).includes('spreadsheetml')) return res.body;
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheets = await Promise.all(workbook.worksheets.map((s) => readSheet(res.rawPayload, s.name)));
  return JSON.stringify(sheets);
}
const shown = (text: string) => SECRETS.filter((s) => text.includes(s));

/** What an answer tells about the stored numbers: its status and how many rows it has. */
async function summary(res: LightMyRequestResponse): Promise<string> {
  if (res.statusCode >= 300) return `${res.statusCode} ${res.json().detail}`;
  if (String(res.headers['content-type']).includes('spreadsheetml')) return `${res.statusCode} rows ${JSON.parse(await textOf(res)).flat().length}`;
  const body = res.json() as { total?: number; items?: unknown[] };
  return `${res.statusCode} total ${body.total} items ${body.items?.length}`;
}

// Questions about a number, with {ID}/{PHONE} standing for it: asked with the stored one and with its decoy.
const QUESTIONS = [
  'f.idcard={ID}',
  'f.idcard={ID10}',
  'f.idcard={ID}..{ID}',
  'f.idcard=..{ID}',
  'f.idcard={ID}..',
  'f.phone={PHONE}',
  'f.phone={PHONE7}',
  'f.phone={PHONE}..{PHONE}',
  'q={ID}',
  'q={ID10}',
  'q={PHONE}',
  'q={PHONE7}',
  'f.name=张三&f.idcard={ID}',
  'orgUnit=430681105202&f.idcard={ID}',
  'orgUnit=430681105202&q={PHONE}',
];
const ask = (question: string, id: string, phone: string) =>
  question.replaceAll('{ID10}', id.slice(0, 10)).replaceAll('{ID}', id).replaceAll('{PHONE7}', phone.slice(0, 7)).replaceAll('{PHONE}', phone);

describe.each(Object.keys(READERS))('a %s', (reader) => {
  const cookie = () => cookies[reader];

  it.each(['', '.xlsx'])('lists and exports (records%s) with masked numbers only', async (ext) => {
    const res = await t.call('GET', `${RECORDS}${ext}?pageSize=200`, cookie());
    expect(res.statusCode).toBe(200);
    const text = await textOf(res);
    expect(shown(text)).toEqual([]);
    expect(text).toContain(maskIdCard(ID_NEW));
    expect(text).toContain(maskMobile(PHONE_NEW));
  });

  it.each(['', '.xlsx'])('cannot tell a stored number from its decoy by filter or search (records%s)', async (ext) => {
    const differ: string[] = [];
    for (const question of QUESTIONS) {
      for (const [id, phone] of [
        [ID_NEW, PHONE_NEW],
        [ID_OLD, PHONE_OLD],
      ]) {
        const real = await t.call('GET', `${RECORDS}${ext}?${ask(question, id, phone)}`, cookie());
        const decoy = await t.call('GET', `${RECORDS}${ext}?${ask(question, decoyIdCard(id), decoyMobile(phone))}`, cookie());
        expect(real.statusCode, question).toBeLessThan(500);
        const leaked = shown(await textOf(real));
        if (leaked.length) differ.push(`${question}: shows ${leaked.join(', ')}`);
        const [a, b] = [await summary(real), await summary(decoy)];
        if (a !== b) differ.push(`${ask(question, id, phone)}: ${a}; its decoy: ${b}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it.each(['idcard', 'phone'])('cannot sort by %s', async (field) => {
    for (const url of [`${RECORDS}?sort=${field}&order=asc`, `${RECORDS}.xlsx?sort=${field}`]) {
      const res = await t.call('GET', url, cookie());
      // refused: 403 (he may not read it) or 400 (stored encrypted, nobody sorts by it), with the field's name
      expect([400, 403], url).toContain(res.statusCode);
      expect(res.body).toMatch(/身份证号码|联系电话/);
    }
  });

  it('reads the record and its history masked', async () => {
    for (const url of [`${RECORDS}/${recordId}`, `${RECORDS}/${recordId}/history`]) {
      const res = await t.call('GET', url, cookie());
      expect(res.statusCode, url).toBe(200);
      expect(shown(res.body), url).toEqual([]);
    }
    const history = (await t.call('GET', `${RECORDS}/${recordId}/history`, cookie())).body;
    expect(history).toContain(maskIdCard(ID_OLD));
  });

  it("reads an indicator's explanation and its export masked", async () => {
    for (const url of [`/api/indicators/hh/explain?period=${PERIOD}`, `/api/indicators/hh/explain.xlsx?period=${PERIOD}`]) {
      const res = await t.call('GET', url, cookie());
      expect(res.statusCode, url).toBe(200);
      const text = await textOf(res);
      expect(shown(text), url).toEqual([]);
      expect(text, url).toContain('张三');
    }
  });
});

describe('the audit log read by the administrator (no personal.read)', () => {
  it('shows the households and the filters of exports masked, in the page and the export', async () => {
    for (const url of ['/api/audit?pageSize=200', '/api/audit/export']) {
      const res = await t.call('GET', url, cookies.admin);
      expect(res.statusCode, url).toBe(200);
      const text = await textOf(res);
      expect(shown(text), url).toEqual([]);
    }
    // the entries are there: the log was read, not empty
    const page = (await t.ok('GET', '/api/audit?pageSize=200', cookies.admin)) as { items: { action: string }[] };
    expect(page.items.map((e) => e.action)).toEqual(expect.arrayContaining(['ledger_record.create', 'ledger_record.update']));
  });

  it('cannot read records at all', async () => {
    for (const url of [`${RECORDS}?f.idcard=${ID_NEW}`, `${RECORDS}/${recordId}`, `${RECORDS}.xlsx`]) {
      const res = await t.call('GET', url, cookies.admin);
      expect(res.statusCode, url).toBe(403);
      expect(shown(res.body)).toEqual([]);
    }
  });
});

describe('a uniqueness clash with a household of another village', () => {
  const reader = 'viewer + cadre of 川山村';

  // A reader of 燕塘村's masked list who is told that the ID number he typed is registered in 燕塘村 can match it
  // with the mask there and learn the household's full number: the village is named only to those who may read
  // personal data in it (personal.read), not to every reader of its records (ledger.read).
  it('names neither the village nor the household, in the form, the edit and the import', async () => {
    const cookie = cookies[reader];
    const form = await t.call('POST', RECORDS, cookie, { orgUnit: CHUANSHAN, values: { name: '王五', idcard: ID_NEW } });
    expect(form.statusCode).toBe(409);
    const own = await t.ok('POST', RECORDS, cookie, { orgUnit: CHUANSHAN, values: { name: '赵六', idcard: buildIdCard(777, '19880808') } }, 201);
    const edit = await t.call('PATCH', `${RECORDS}/${own.id}`, cookie, { version: own.version, values: { idcard: ID_NEW } });
    expect(edit.statusCode).toBe(409);
    const { payload, headers } = multipartFile('户.csv', `组织单元,户主姓名*,身份证号码*,联系电话\n川山村,王五,${ID_NEW},${PHONE_NEW}\n`);
    const file = await t.app.inject({ method: 'POST', url: '/api/ledgers/households/imports', headers: { ...headers, cookie }, payload });
    expect(file.statusCode).toBeLessThan(300);
    for (const res of [form, edit, file]) {
      expect(res.body).not.toContain('燕塘村');
      expect(res.body).not.toContain('张三');
      // he typed the ID number himself; the stored household's mobile is not told
      expect(res.body).not.toContain(PHONE_OLD);
      expect(res.body).toContain('已在本镇登记');
    }
  });
});
