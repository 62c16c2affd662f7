// Crafted files against every upload that reads a file's contents (issue 12, security suite item 3): the ledger
// import (.xlsx, .csv), the division import (.csv), the targets import (.xlsx) and the report upload (.docx,
// .txt). Each file is refused with a Chinese reason (4xx problem+json) or read exactly — never a 500, never
// altered text. Kinds: text whose multi-byte characters straddle every chunk boundary (the whole file shifted by
// 0–3 bytes, so each boundary falls at each byte of a 2-, 3- and 4-byte character), XXE and entity declarations,
// zip entries lying about their sizes, bombs, cell references out of Excel's range, huge shared strings, numbers
// at and past the float range, and a Content-Length that lies. (ledger-import-hostile*.test.ts holds the ledger
// import's own cases: DOCTYPE split across chunks, U+FFFD, _x000D_, the 512 MiB zip total.) Runs on PGlite and,
// with TEST_DATABASE_URL, on PostgreSQL.
import net, { type AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTownship, buildUser, TEST_PASSWORD } from '../testing/builders.js';
import { buildTestApp, multipartFile, type TestApp } from '../testing/test-app.js';
import { buildXlsx, buildZip, sharedStringsXml, sheetXml } from '../testing/zip-builder.js';

let t: TestApp;
let leader: string;
let admin: string;
const TOWN = '430681105000';
const [CHUANSHAN, YANTANG] = ['430681105201', '430681105202'];
const LEDGER = 'residents';
const PERIOD = '2024';
const ROUTES = {
  ledger: `/api/ledgers/${LEDGER}/imports`,
  divisions: '/api/org-units/import',
  targets: `/api/indicators/hh/targets/${PERIOD}/import`,
  report: '/api/reports/suggestions/upload',
};
type Route = keyof typeof ROUTES;

beforeAll(async () => {
  t = await buildTestApp({ ZHENWU_IMPORT_MAX_ROWS: '20000' });
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  leader = await t.login('shuji', TEST_PASSWORD);
  admin = await t.login('root', TEST_PASSWORD);
  const fields = [
    { key: 'name', label: '姓名', type: 'text', required: true },
    { key: 'note', label: '备注', type: 'text' },
  ];
  await t.ok('POST', '/api/ledgers', leader, { key: LEDGER, name: '常住人口', kind: 'register', fields }, 201);
  await t.ok(
    'POST',
    '/api/indicators',
    leader,
    { key: 'hh', name: '常住户数', source: { type: 'records', ledger: LEDGER, aggregate: 'count', timing: 'stock' } },
    201,
  );
}, 120_000);
afterAll(() => t.close());

const upload = (route: Route, filename: string, content: Uint8Array | string, headers: Record<string, string> = {}) => {
  const file = multipartFile(filename, content);
  return t.app.inject({
    method: 'POST',
    url: ROUTES[route],
    headers: { cookie: route === 'divisions' ? admin : leader, ...file.headers, ...headers },
    payload: file.payload,
  });
};

const HAN = /[\u4e00-\u9fff]/;
/** A refusal as the suite wants it: 4xx problem+json with a Chinese detail (and reason per field, when given). */
function expectRefused(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.headers['content-type'], what).toContain('application/problem+json');
  const problem = res.json() as { detail: string; errors?: { message: string }[] };
  expect(problem.detail, what).toMatch(HAN);
  for (const e of problem.errors ?? []) expect(e.message, what).toMatch(HAN);
}

// ---- text across chunk boundaries ---------------------------------------------------------------------------

/** Characters of 2, 3 and 4 bytes in UTF-8. */
const CHARS = ['张', '𠮷', 'é', '三', '𩸽', '丰', '李', 'ü', '𡈽', '芳'];
/** The n-th name: 12–19 characters of every width, none repeated in the file. */
const nameOf = (n: number) =>
  Array.from({ length: 12 + (n % 8) }, (_, i) => CHARS[(n * 7 + i * 3 + Math.floor(n / 10)) % CHARS.length]).join('') + String(n);
const NAMES = Array.from({ length: 400 }, (_, i) => nameOf(i));
/** Every byte offset a boundary can fall at inside a 4-byte character: each file is shifted by one more byte. */
const SHIFTS = [0, 1, 2, 3];
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`;

describe('text whose characters straddle every chunk boundary', () => {
  it.each(SHIFTS)('ledger .xlsx and .csv, shifted by %i bytes: every name stored exactly', async (shift) => {
    const names = NAMES.map((n) => `${n}x${shift}`);
    const rows = names.map((name, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, '燕塘村')}${inline(`B${i + 2}`, name)}</row>`).join('');
    const sheet = sheetXml(`<row r="1">${inline('A1', '组织单元')}${inline('B1', '姓名*')}</row>${rows}`).replace(
      '<sheetData>',
      `<!--${'.'.repeat(shift)}--><sheetData>`,
    );
    expect(Buffer.byteLength(sheet)).toBeGreaterThan(3 * 16_384);
    const csv = `${'\uFEFF'.repeat(shift ? 1 : 0)}组织单元,姓名*,备注\n${names.map((n) => `燕塘村,${n}csv,${'.'.repeat(shift)}`).join('\n')}\n`;
    for (const [file, content, expected] of [
      ['人口.xlsx', buildXlsx(sheet), names],
      ['人口.csv', csv, names.map((n) => `${n}csv`)],
    ] as const) {
      const res = await upload('ledger', file, content);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json(), file).toMatchObject({ total: names.length, errorRows: 0 });
      const done = await t.call('POST', `${ROUTES.ledger}/${res.json().id}/commit`, leader);
      expect(done.statusCode, done.body.slice(0, 300)).toBe(200);
      const stored: string[] = [];
      for (let page = 1; stored.length < expected.length; page++) {
        const list = await t.ok(
          'GET',
          `/api/ledgers/${LEDGER}/records?pageSize=200&page=${page}&q=x${shift}${file.endsWith('csv') ? 'csv' : ''}`,
          leader,
        );
        if (!list.items.length) break;
        stored.push(...list.items.map((r: { values: { name: string } }) => r.values.name));
      }
      expect(
        stored.filter((n) => !expected.includes(n)),
        file,
      ).toEqual([]);
      expect(new Set(stored).size, file).toBe(expected.length);
    }
  });

  it.each(SHIFTS)('division .csv, shifted by %i bytes: every village named exactly', async (shift) => {
    // codes 4306811052xx are the township's villages, 43068110[6-9]… the new ones of this file
    const names = NAMES.slice(0, 220).map((n) => `${n}村`);
    const code = (i: number) => `43068110${6 + shift}${String(200 + i).padStart(3, '0')}`;
    const csv = [
      `code,name,level,parent_code${' '.repeat(shift)}`,
      `43068110${6 + shift}000,新镇${shift},town,430681000000`,
      ...names.map((name, i) => `${code(i)},${name},village,43068110${6 + shift}000`),
    ].join('\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(16_384);
    const res = await upload('divisions', '区划.csv', csv);
    expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(300);
    const stored = await t.ok('GET', `/api/org-units?parent=43068110${6 + shift}000`, admin);
    const items = (Array.isArray(stored) ? stored : stored.items) as { code: string; name: string }[];
    expect(items.map((u) => u.name).sort()).toEqual([...names].sort());
  });

  it.each(SHIFTS)('report .txt and .docx, shifted by %i bytes: the text read exactly', async (shift) => {
    const paragraphs = [`${'.'.repeat(shift)}上半年工作汇报`, ...NAMES.map((n) => `${n}，共流转土地*亩。`)];
    const text = paragraphs.join('\n');
    const docx = buildZip([
      {
        name: 'word/document.xml',
        content: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
          .map((p) => `<w:p><w:r><w:t>${escapeXml(p)}</w:t></w:r></w:p>`)
          .join('')}</w:body></w:document>`,
      },
    ]);
    for (const [file, content] of [
      ['汇报.txt', text],
      ['汇报.docx', docx],
    ] as const) {
      const res = await upload('report', file, content);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.json().text, file).toBe(text);
    }
  });
});

// ---- hostile zips and XML -----------------------------------------------------------------------------------

const TARGETS_HEAD = `<row r="1">${inline('A1', '单位代码')}${inline('B1', '单位名称')}${inline('C1', '目标值')}</row>`;
const targetRow = (n: number, code: string, value: string) =>
  `<row r="${n}">${inline(`A${n}`, code)}${inline(`B${n}`, '村')}<c r="C${n}"><v>${value}</v></c></row>`;
const LEDGER_HEAD = `<row r="1">${inline('A1', '组织单元')}${inline('B1', '姓名*')}</row>`;
const XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>';
const docxOf = (xml: string, more: { name: string; content: string; declaredSize?: number }[] = []) =>
  buildZip([{ name: 'word/document.xml', content: xml }, ...more]);
const wordXml = (body: string) =>
  `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;

/** Filler that deflates ~1,000 to 1: the body of a bomb. */
const filler = (bytes: number) => `<!--${'a'.repeat(bytes)}-->`;

describe('XXE and entity declarations', () => {
  const cases: [Route, string, () => Uint8Array][] = [
    [
      'ledger',
      '实体.xlsx',
      () => buildXlsx(XXE + sheetXml(`${LEDGER_HEAD}<row r="2">${inline('A2', '燕塘村')}<c r="B2" t="inlineStr"><is><t>&xxe;</t></is></c></row>`)),
    ],
    [
      'ledger',
      '共享实体.xlsx',
      () =>
        buildXlsx(sheetXml(`${LEDGER_HEAD}<row r="2">${inline('A2', '燕塘村')}<c r="B2" t="s"><v>0</v></c></row>`), [
          { name: 'xl/sharedStrings.xml', content: XXE + sharedStringsXml(['&xxe;&lol;']) },
        ]),
    ],
    ['targets', '实体.xlsx', () => buildXlsx(XXE + sheetXml(`${TARGETS_HEAD}<row r="2">${inline('A2', '&xxe;')}<c r="C2"><v>1</v></c></row>`))],
    ['report', '实体.docx', () => docxOf(XXE + wordXml('<w:p><w:r><w:t>&xxe;&lol;</w:t></w:r></w:p>'))],
  ];
  it.each(cases)('%s %s: refused, nothing expanded', async (route, name, file) => {
    const res = await upload(route, name, file());
    expectRefused(res, `${route} ${name}`);
    expect(res.body).not.toContain('root:');
  });
});

describe('zip entries that lie about their sizes, and bombs', () => {
  const bigSheet = () => sheetXml(`${TARGETS_HEAD}${targetRow(2, CHUANSHAN, '12')}${filler(300_000)}`);
  const realDocument = wordXml(`<w:p><w:r><w:t>真实正文</w:t></w:r></w:p>${filler(300_000)}`);
  const cases: [Route, string, () => Uint8Array][] = [
    // a 300 KB part declared as 100 bytes, and a small part declared as 4 GiB
    [
      'ledger',
      '小报.xlsx',
      () =>
        buildZip([
          ...xlsxParts(sheetXml(`${LEDGER_HEAD}<row r="2">${inline('A2', '燕塘村')}${inline('B2', '申报不实')}</row>${filler(300_000)}`), 100),
        ]),
    ],
    [
      'ledger',
      '大报.xlsx',
      () => buildZip([...xlsxParts(sheetXml(`${LEDGER_HEAD}<row r="2">${inline('A2', '燕塘村')}${inline('B2', '申报不实')}</row>`), 0xffffffff)]),
    ],
    ['targets', '小报.xlsx', () => buildZip([...xlsxParts(bigSheet(), 100)])],
    ['targets', '大报.xlsx', () => buildZip([...xlsxParts(sheetXml(`${TARGETS_HEAD}${targetRow(2, CHUANSHAN, '12')}`), 0xffffffff)])],
    ['report', '小报.docx', () => buildZip([{ name: 'word/document.xml', content: realDocument, declaredSize: 100 }])],
    [
      'report',
      '大报.docx',
      () => buildZip([{ name: 'word/document.xml', content: wordXml('<w:p><w:r><w:t>正文</w:t></w:r></w:p>'), declaredSize: 0xffffffff }]),
    ],
    // honest bombs: 10 MB of sheet (ratio ~1,000, past the 200 allowed), 30 MB of document (past its 20 MB cap)
    ['targets', '炸弹.xlsx', () => buildXlsx(sheetXml(`${TARGETS_HEAD}${targetRow(2, CHUANSHAN, '12')}${filler(10_000_000)}`))],
    ['report', '炸弹.docx', () => docxOf(wordXml(`<w:p><w:r><w:t>正文</w:t></w:r></w:p>${filler(30_000_000)}`))],
  ];
  it.each(cases)('%s %s: refused with a reason, or read exactly', async (route, name, file) => {
    const res = await upload(route, name, file());
    if (res.statusCode >= 400) return expectRefused(res, `${route} ${name}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(300);
    if (route === 'report') expect(res.json().text).toMatch(/^(真实正文|正文)$/);
    if (route === 'targets') expect(JSON.stringify(res.json())).toContain('12');
    if (route === 'ledger')
      expect(res.json()).toMatchObject({ total: 1, errorRows: 0, preview: [expect.objectContaining({ values: { name: '申报不实' } })] });
  });
});

/** The parts of the smallest .xlsx, its sheet declaring the given uncompressed size. */
function xlsxParts(sheet: string, declaredSize: number) {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    {
      name: 'xl/workbook.xml',
      content: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="填报" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', content: sheet, declaredSize },
  ];
}

describe('the targets import: cells and numbers no spreadsheet writes', () => {
  const cases: [string, string][] = [
    ['a cell past column XFD', `${TARGETS_HEAD}<row r="2">${inline('A2', CHUANSHAN)}<c r="XFE2"><v>1</v></c></row>`],
    ['a row past 1,048,576', `${TARGETS_HEAD}${targetRow(1_048_577, CHUANSHAN, '1')}`],
    ['a value past the float range', `${TARGETS_HEAD}${targetRow(2, CHUANSHAN, '1e309')}`],
    ['a value that is not a number', `${TARGETS_HEAD}${targetRow(2, CHUANSHAN, 'NaN')}`],
    ['a negative value', `${TARGETS_HEAD}${targetRow(2, CHUANSHAN, '-1e308')}`],
  ];
  it.each(cases)('refuses %s with a reason', async (what, rows) => {
    expectRefused(await upload('targets', '目标值.xlsx', buildXlsx(sheetXml(rows))), what);
  });

  it('refuses shared strings that decode to far more text than the file holds', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed.toString(36);
    };
    const texts = [CHUANSHAN, ...Array.from({ length: 17_000 }, () => `${'abcdefghij'.repeat(100)}${random()}${random()}`)];
    const sheet = sheetXml(`${TARGETS_HEAD}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2"><v>1</v></c></row>`);
    const res = await upload('targets', '目标值.xlsx', buildXlsx(sheet, [{ name: 'xl/sharedStrings.xml', content: sharedStringsXml(texts) }]));
    expectRefused(res, 'shared strings');
  });

  it('takes 1e308 and -0 as they are, or refuses them with a reason', async () => {
    const res = await upload(
      'targets',
      '目标值.xlsx',
      buildXlsx(sheetXml(`${TARGETS_HEAD}${targetRow(2, CHUANSHAN, '1e308')}${targetRow(3, YANTANG, '-0')}`)),
    );
    if (res.statusCode >= 400) return expectRefused(res, '1e308');
    const table = await t.ok('GET', `/api/indicators/hh/targets?period=${PERIOD}`, leader);
    const text = JSON.stringify(table);
    expect(text).toMatch(/1e\+308/);
  });
});

describe('a multipart body that is not one', () => {
  // found by the property suite: busboy's plain Errors answered 500 on every upload route
  const urls = [...Object.entries(ROUTES), ['attachments', '/api/attachments']];
  it.each(urls)('%s: JSON under a multipart type, or a form cut short, is a 400 with a reason', async (route, url) => {
    const { headers, payload } = multipartFile('文件.csv', '组织单元,姓名*\n燕塘村,张三\n');
    for (const body of ['{"id":"x"}', payload.subarray(0, payload.length - 30)]) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie: route === 'divisions' ? admin : leader, ...headers }, payload: body });
      expectRefused(res, `${route} ${typeof body === 'string' ? body : 'cut short'}`);
      expect(res.statusCode).toBe(400);
    }
  });
});

describe('a cell whose reference disagrees with its row', () => {
  // exceljs places a cell by its row element and its column letters: r="A0" inside row 2 is read as A2. The
  // value is the one the file shows in that row, not altered; Excel would call the file damaged.
  it('is refused with a reason, or read as the row that holds it', async () => {
    const rows = `${TARGETS_HEAD}<row r="2">${inline('A0', YANTANG)}<c r="C2"><v>7</v></c></row>`;
    const res = await upload('targets', '目标值.xlsx', buildXlsx(sheetXml(rows)));
    if (res.statusCode >= 400) return expectRefused(res, 'A0');
    const item = (res.json() as { items: { orgUnit: { code: string }; value: number | null }[] }).items.find((i) => i.orgUnit.code === YANTANG);
    expect(item?.value).toBe(7);
  });
});

describe('a Content-Length that lies, over a real socket', () => {
  let port = 0;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });

  /** Sends the upload with a Content-Length off by `delta`, then closes its side; the first status line answered, if any. */
  const lyingUpload = (route: Route, name: string, content: string, delta: number) =>
    new Promise<{ status: number | null; text: string }>((resolve) => {
      const file = multipartFile(name, content);
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      const done = () => {
        const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
        resolve({ status: status ? Number(status) : null, text });
      };
      socket.setTimeout(10_000, () => socket.destroy());
      socket.on('data', (d) => (text += d.toString('utf8')));
      socket.on('close', done);
      socket.on('error', () => undefined);
      socket.write(
        `POST ${ROUTES[route]} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${route === 'divisions' ? admin : leader}\r\n` +
          `Content-Type: ${file.headers['content-type']}\r\nContent-Length: ${file.payload.length + delta}\r\nConnection: close\r\n\r\n`,
      );
      socket.write(file.payload);
      if (delta > 0) socket.end();
    });

  const files: [Route, string, string][] = [
    ['ledger', '人口.csv', '组织单元,姓名*\n燕塘村,谎报长度\n'],
    ['divisions', '区划.csv', 'code,name,level,parent_code\n430681105299,谎报长度村,village,430681105000\n'],
    ['report', '汇报.txt', '上半年工作汇报\n'],
  ];
  it.each(files)('%s: shorter than the body, refused and nothing stored; longer, refused or read exactly', async (route, name, content) => {
    // shorter: the body ends inside the multipart form, a 400, and the rest is no request either
    const short = await lyingUpload(route, name, content, -20);
    expect(short.status, short.text.slice(0, 300)).toBe(400);
    expect(short.text).toContain('application/problem+json');
    if (route === 'divisions') {
      const units = await t.ok('GET', '/api/org-units/search?q=' + encodeURIComponent('谎报长度'), admin);
      expect(JSON.stringify(units)).not.toContain('430681105299');
    }
    if (route === 'ledger') expect((await t.ok('GET', `/api/ledgers/${LEDGER}/records?q=${encodeURIComponent('谎报长度')}`, leader)).total).toBe(0);
    // longer: the whole form arrived before the client stopped; refused, or taken as sent
    const long = await lyingUpload(route, name, content, 20);
    if (long.status !== null && long.status >= 400) {
      expect(long.status, long.text.slice(0, 300)).toBeLessThan(500);
      expect(long.text).toContain('application/problem+json');
    } else if (long.status !== null) {
      expect(long.status).toBeLessThan(300);
      const expected = route === 'report' ? '上半年工作汇报' : '谎报长度';
      if (route === 'divisions')
        expect(JSON.stringify(await t.ok('GET', '/api/org-units/search?q=' + encodeURIComponent('谎报长度'), admin))).toContain('谎报长度村');
      else expect(long.text).toContain(expected);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
