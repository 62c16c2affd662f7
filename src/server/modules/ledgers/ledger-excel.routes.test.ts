// Ledger Excel: import template, import (preview, every bad row, all-or-nothing commit, refused files, scope),
// export with masking and audit. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { buildTestApp, multipartFile, readSheet, type TestApp } from '../../testing/test-app.js';
import { buildGroup, buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { buildZip } from '../../testing/zip-builder.js';
import { contextOf } from '../../http/context.js';
import { resolveSession } from '../auth/auth.service.js';
import { INLINE_BYTES, startImport } from './ledger-import.service.js';

let t: TestApp;
let leader: string;
let cadre: string;
let viewer: string;
const [CHUANSHAN, YANTANG] = ['430681105201', '430681105202'];
const TOWN = '430681105000';
const KEY = 'households';
const IMPORTS = `/api/ledgers/${KEY}/imports`;
const MAX_ROWS = 1000;
const MAX_BYTES = 300 * 1024;

const FIELDS = [
  ...buildHouseholdFields(),
  { key: 'visited', label: '走访日期', type: 'date' },
  { key: 'income', label: '人均纯收入', type: 'decimal', unit: '元', decimals: 2 },
  { key: 'relocated', label: '是否搬迁', type: 'boolean' },
];
const HEADER = ['组织单元', '户主姓名*', '身份证号码*', '联系电话', '家庭人口（人）', '监测类型', '走访日期', '人均纯收入（元）', '是否搬迁'];

type Method = 'GET' | 'POST';
const call = (method: Method, url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const upload = (cookie: string, name: string, content: Uint8Array | string, key = KEY) => {
  const { payload, headers } = multipartFile(name, content);
  return t.app.inject({ method: 'POST', url: `/api/ledgers/${key}/imports`, headers: { ...headers, cookie }, payload });
};
const commit = (cookie: string, id: string, key = KEY) => call('POST', `/api/ledgers/${key}/imports/${id}/commit`, cookie);

let seq = 100;
const person = (overrides: Partial<Record<string, unknown>> = {}) => {
  seq++;
  return {
    unit: '燕塘村',
    name: `户主${seq}`,
    idcard: buildIdCard(seq),
    phone: '13812345678',
    members: 4,
    category: '边缘易致贫户',
    visited: new Date(Date.UTC(2022, 5, 15)),
    income: 5321.5,
    relocated: '否',
    ...overrides,
  };
};
const ROW_KEYS = ['unit', 'name', 'idcard', 'phone', 'members', 'category', 'visited', 'income', 'relocated'];

async function xlsx(rows: Record<string, unknown>[], header = HEADER): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('填报');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(ROW_KEYS.map((k) => r[k] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const recordCount = async (key = KEY) =>
  (
    await queryRows<{ n: number }>(
      t.db,
      sql`SELECT count(*)::int AS n FROM ledger_records r JOIN ledgers l ON l.id = r.ledger_id WHERE l.key = ${key}`,
    )
  )[0].n;
const auditOf = (action: string) =>
  queryRows<{ username: string; after: Record<string, unknown> }>(
    t.db,
    sql`SELECT username, after FROM audit_log WHERE action = ${action} ORDER BY id`,
  );

beforeAll(async () => {
  t = await buildTestApp({ ZHENWU_IMPORT_MAX_ROWS: String(MAX_ROWS), ZHENWU_IMPORT_MAX_BYTES: String(MAX_BYTES) });
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }], '燕塘村干部');
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  [leader, cadre, viewer] = await Promise.all(['shuji', 'cun202', 'chakan'].map((u) => t.login(u, TEST_PASSWORD)));
  const res = await call('POST', '/api/ledgers', leader, { key: KEY, name: '防返贫监测户', kind: 'register', fields: FIELDS });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

describe('import template', () => {
  it('has one column per field, dropdowns from the hidden list sheet, text format for ID numbers, and instructions', async () => {
    const res = await call('GET', `/api/ledgers/${KEY}/template.xlsx`, cadre);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('防返贫监测户导入模板.xlsx'));
    const rows = await readSheet(res.rawPayload, '填报');
    expect(rows[0]).toEqual(['组织单元*', ...HEADER.slice(1)]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('填报')!;
    const validations = (sheet as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations;
    expect(validations.find('A2')).toMatchObject({ type: 'list', formulae: ["'选项'!$A$2:$A$2"] });
    expect(validations.find(`A${MAX_ROWS + 1}`)).toBeDefined();
    expect(validations.find('F2')).toMatchObject({ type: 'list', formulae: ["'选项'!$B$2:$B$4"] });
    expect(validations.find('I2')).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
    expect(sheet.getColumn(3).numFmt).toBe('@');
    expect(sheet.getColumn(7).numFmt).toBe('yyyy-mm-dd');
    const lists = workbook.getWorksheet('选项')!;
    expect(lists.state).toBe('hidden');
    // A village cadre's dropdown holds his village only; the choices are the field's.
    const listed = await readSheet(res.rawPayload, '选项');
    expect(listed.map((r) => r[0] ?? '')).toEqual(['组织单元', '燕塘村', '', '']);
    expect(listed.map((r) => r[1])).toEqual(['监测类型', '脱贫不稳定户', '边缘易致贫户', '突发严重困难户']);

    const help = await readSheet(res.rawPayload, '填写说明');
    expect(help[0]).toEqual(['列名', '类型', '必填', '规则', '选项', '条件']);
    expect(help.find((r) => r[0] === '身份证号码*')).toEqual([
      '身份证号码*',
      '身份证号码',
      '是',
      expect.stringContaining('在台账内不能重复'),
      '',
      '',
    ]);
    expect(help.find((r) => r[0] === '家庭人口（人）')?.[3]).toContain('不小于 1人');
    expect(help.find((r) => r[0] === '监测类型')?.[4]).toBe('脱贫不稳定户、边缘易致贫户、突发严重困难户');
  });

  it('refuses a viewer, who can import nowhere', async () => {
    const res = await call('GET', `/api/ledgers/${KEY}/template.xlsx`, viewer);
    expect(res.statusCode, res.body).toBe(403);
  });
});

describe('import', () => {
  it('lists every bad row with row, column, value and reason, and stores nothing', async () => {
    const file = await xlsx([person(), person({ idcard: '430681198001011235' }), person(), person({ category: '其他', members: 0 }), person()]);
    const res = await upload(cadre, '监测户.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ fileName: '监测户.xlsx', phase: 'ready', total: 5, valid: 3, errorRows: 2, errorCount: 3 });
    expect(body.errors).toEqual([
      { row: 3, column: '身份证号码*', value: '430681198001011235', message: expect.stringContaining('校验') },
      { row: 5, column: '家庭人口（人）', value: '0', message: '家庭人口不能小于1人' },
      { row: 5, column: '监测类型', value: '其他', message: '监测类型应为以下选项之一：脱贫不稳定户、边缘易致贫户、突发严重困难户' },
    ]);
    expect(body.preview.map((p: { row: number }) => p.row)).toEqual([2, 4, 6]);
    expect(await recordCount()).toBe(0);
    const refused = await commit(cadre, body.id);
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().detail).toBe('文件有 2 行错误，请改正后重新上传，未导入任何数据');
    expect(await recordCount()).toBe(0);
  });

  it('commits every row in one go, audited once, with search text and progress', async () => {
    const rows = [person({ name: '燕小明' }), person(), person({ unit: '430681105202' })];
    const res = await upload(cadre, '监测户.xlsx', await xlsx(rows));
    expect(res.statusCode, res.body).toBe(200);
    const { id, preview } = res.json();
    expect(preview[0]).toMatchObject({ row: 2, orgUnit: { code: YANTANG, name: '燕塘村' }, period: null, valid: true });
    expect(preview[0].values).toMatchObject({ name: '燕小明', idcard: rows[0].idcard, visited: '2022-06-15', income: 5321.5, relocated: false });

    const done = await commit(cadre, id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id, phase: 'done', imported: 3, processed: 3, total: 3 });
    expect(await recordCount()).toBe(3);
    const status = await call('GET', `${IMPORTS}/${id}`, cadre);
    expect(status.json()).toMatchObject({ phase: 'done', imported: 3 });
    expect((await commit(cadre, id)).statusCode).toBe(409);

    const found = await call('GET', `/api/ledgers/${KEY}/records?q=yxm`, cadre);
    expect(found.json().items.map((r: { values: { name: string } }) => r.values.name)).toEqual(['燕小明']);
    const [audit] = await auditOf('ledger_record.import');
    expect(audit).toMatchObject({ username: 'cun202', after: { ledger: KEY, fileName: '监测户.xlsx', count: 3 } });
  });

  it('stores nothing when a clash appears between preview and commit', async () => {
    const rows = [person(), person()];
    const res = await upload(cadre, 'a.xlsx', await xlsx(rows));
    expect(res.json()).toMatchObject({ phase: 'ready', valid: 2 });
    const before = await recordCount();
    const meanwhile = await call('POST', `/api/ledgers/${KEY}/records`, cadre, {
      orgUnit: YANTANG,
      values: { name: '抢先', idcard: rows[1].idcard },
    });
    expect(meanwhile.statusCode, meanwhile.body).toBe(201);
    const refused = await commit(cadre, res.json().id);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors).toEqual([
      { field: '身份证号码*', row: 3, value: rows[1].idcard, message: expect.stringContaining('已登记在燕塘村，不能重复登记') },
    ]);
    expect(await recordCount()).toBe(before + 1);
    expect((await call('GET', `${IMPORTS}/${res.json().id}`, cadre)).json()).toMatchObject({ phase: 'failed' });
  });

  it('reports values already in the ledger and duplicates within the file', async () => {
    const existing = (await call('GET', `/api/ledgers/${KEY}/records?pageSize=1`, cadre)).json().items[0].values.idcard;
    const twin = person();
    const res = await upload(cadre, 'b.xlsx', await xlsx([person({ idcard: existing }), twin, { ...twin, name: '另一人' }]));
    expect(res.json().errors).toEqual([
      { row: 2, column: '身份证号码*', value: existing, message: expect.stringContaining('已登记在燕塘村，不能重复登记') },
      { row: 4, column: '身份证号码*', value: twin.idcard, message: '身份证号码与第 3 行重复' },
    ]);
  });

  it('imports a CSV, UTF-8 with BOM, with dates and yes/no as text', async () => {
    const p = person();
    const csv = `\uFEFF${HEADER.join(',')}\n燕塘村,${p.name},${p.idcard},13912345678,3,脱贫不稳定户,2022/6/5,1200,是\n`;
    const res = await upload(cadre, '监测户.csv', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, valid: 1, errors: [] });
    expect(res.json().preview[0].values).toMatchObject({ visited: '2022-06-05', relocated: true, members: 3 });
    expect((await commit(cadre, res.json().id)).statusCode).toBe(200);
  });

  it('finds the header under a title row, tolerates the * and unit, and lists ignored columns', async () => {
    const p = person();
    const csv = `防返贫监测户台账（燕塘村）\n序号,组织单元,户主姓名,身份证号码,家庭人口\n1,燕塘村,${p.name},${p.idcard},5\n`;
    const res = await upload(cadre, 't.csv', csv);
    expect(res.json()).toMatchObject({ total: 1, valid: 1, ignoredColumns: ['序号'] });
    expect(res.json().preview[0]).toMatchObject({ row: 3 });
  });

  it('refuses a file without the required columns', async () => {
    const res = await upload(cadre, 't.csv', '组织单元,联系电话\n燕塘村,13812345678\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual(['缺少必填列“户主姓名*”', '缺少必填列“身份证号码*”']);
  });
});

describe('refused files', () => {
  it('refuses files that are not xlsx or csv, with a Chinese reason', async () => {
    const renamed = await upload(cadre, 'a.xlsx', 'just text');
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().detail).toContain('不是 .xlsx 格式');
    expect((await upload(cadre, 'a.pdf', '%PDF-1.4')).json().detail).toBe('只支持导入 .xlsx 或 .csv 文件');
  });

  it('refuses a file over the size limit with 413', async () => {
    const res = await upload(cadre, 'big.csv', `${HEADER.join(',')}\n${'燕塘村,张三\n'.repeat(30_000)}`);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().detail).toBe('文件超过 0.3 MB 的上限，请拆分成多个文件导入');
  });

  it('refuses more rows than the limit with 400', async () => {
    const res = await upload(cadre, 'many.csv', `${HEADER.join(',')}\n${'燕塘村,张三\n'.repeat(MAX_ROWS + 1)}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].message).toBe('文件的数据超过 1,000 行的上限，请拆分后导入');
  });

  it('refuses a zip bomb before parsing it', async () => {
    const bomb = buildZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'xl/workbook.xml', content: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', content: Buffer.alloc(40 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(MAX_BYTES);
    const res = await upload(cadre, 'bomb.xlsx', bomb);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].message).toBe('文件解压后大小异常（疑似压缩炸弹），已拒绝导入');
  });

  it('refuses a formula that reads another workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('填报');
    sheet.addRow(HEADER);
    const p = person();
    sheet.addRow(['燕塘村', p.name, p.idcard, null, { formula: "'[1]Sheet1'!A1", result: 4 }]);
    const res = await upload(cadre, 'linked.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].message).toContain('引用了其他工作簿');
    expect(await recordCount()).toBeGreaterThan(0);
  });
});

describe('scope', () => {
  it('makes a row for another village a row error for a village cadre', async () => {
    const res = await upload(cadre, 's.xlsx', await xlsx([person(), person({ unit: '川山村' }), person({ unit: '不存在村' })]));
    expect(res.json().errors).toEqual([
      { row: 3, column: '组织单元', value: '川山村', message: '您无权录入或修改“川山村”的台账数据' },
      { row: 4, column: '组织单元', value: '不存在村', message: '本镇没有名为“不存在村”的组织单元' },
    ]);
  });

  it('names villager groups by village/group when the name repeats, and refuses an ambiguous name', async () => {
    const yantangGroup = await buildGroup(t.system, YANTANG, '一组');
    await buildGroup(t.system, CHUANSHAN, '一组');
    const res = await upload(
      cadre,
      'g.xlsx',
      await xlsx([person({ unit: '一组' }), person({ unit: '燕塘村/一组' }), person({ unit: `一组（${yantangGroup.code}）` })]),
    );
    expect(res.json().errors).toEqual([
      { row: 2, column: '组织单元', value: '一组', message: '“一组”对应多个组织单元，请写成“村名/组名”或填写代码' },
    ]);
    expect(res.json().preview.map((p: { orgUnit: { code: string } }) => p.orgUnit.code)).toEqual([yantangGroup.code, yantangGroup.code]);
    const template = await call('GET', `/api/ledgers/${KEY}/template.xlsx`, cadre);
    expect((await readSheet(template.rawPayload, '选项')).map((r) => r[0])).toEqual(['组织单元', '燕塘村', '燕塘村/一组', undefined]);
  });

  it('refuses a viewer with 403', async () => {
    const res = await upload(viewer, 's.xlsx', await xlsx([person()]));
    expect(res.statusCode, res.body).toBe(403);
  });

  it('keeps an import to its uploader', async () => {
    const res = await upload(cadre, 's.xlsx', await xlsx([person()]));
    expect((await call('GET', `${IMPORTS}/${res.json().id}`, leader)).statusCode).toBe(404);
    expect((await commit(leader, res.json().id)).statusCode).toBe(404);
  });
});

describe('large files', () => {
  it('parses in the background and reports progress until ready', async () => {
    const rows = Array.from({ length: 50 }, () => person({ unit: '川山村' }));
    const file = await xlsx(rows);
    // The service directly, with a zero inline threshold: what the route does for files over INLINE_BYTES.
    expect(INLINE_BYTES).toBeGreaterThan(file.length);
    const sessionUser = await resolveSession(t.db, leader.split('=')[1], 30);
    const ctx = contextOf({ session: sessionUser, ip: '127.0.0.1' } as unknown as Parameters<typeof contextOf>[0], t.db);
    const { job, done } = await startImport(ctx, KEY, 'big.xlsx', file, { maxRows: MAX_ROWS, inlineBytes: 0 });
    expect(job.phase).toBe('parsing');
    const early = await call('GET', `${IMPORTS}/${job.id}`, leader);
    expect(early.json()).toMatchObject({ id: job.id, phase: expect.stringMatching(/parsing|validating|ready/) });
    await done;
    const ready = await call('GET', `${IMPORTS}/${job.id}`, leader);
    expect(ready.json()).toMatchObject({ phase: 'ready', processed: 50, total: 50, valid: 50 });
    const committed = await commit(leader, job.id);
    expect(committed.json()).toMatchObject({ phase: 'done', imported: 50 });
  });
});

describe('periodic ledgers', () => {
  it('imports one row per unit and period, refusing duplicates and periods already entered', async () => {
    const created = await call('POST', '/api/ledgers', leader, {
      key: 'doses',
      name: '疫苗接种月报',
      kind: 'periodic',
      periodType: 'month',
      fields: [{ key: 'first', label: '第一针', type: 'integer', unit: '人', required: true }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const csv = (lines: string[]) => `组织单元,期间,第一针（人）\n${lines.join('\n')}\n`;
    const first = await upload(leader, 'd.csv', csv(['燕塘村,202206,12', '川山村,202206,9']), 'doses');
    expect(first.json()).toMatchObject({ valid: 2, errors: [] });
    expect((await commit(leader, first.json().id, 'doses')).statusCode).toBe(200);
    const again = await upload(
      leader,
      'd.csv',
      csv(['燕塘村,202206,1', '燕塘村,202207,3', '燕塘村,202207,4', '燕塘村,2022Q3,5', '燕塘村,209901,1']),
      'doses',
    );
    expect(again.json().errors).toEqual([
      { row: 2, column: '期间', value: '202206', message: '“燕塘村”202206 已填报过，请在台账中修改，不能重复导入' },
      { row: 4, column: '期间', value: '202207', message: '“燕塘村”202207 与第 3 行重复' },
      { row: 5, column: '期间', value: '2022Q3', message: '应为月期间，例如 202206' },
      { row: 6, column: '期间', value: '209901', message: '2099年1月尚未开始，不能填报' },
    ]);
  });
});

describe('export', () => {
  it('masks ID numbers and mobiles for a viewer, without a personal-data audit entry', async () => {
    const before = (await auditOf('ledger.export_personal')).length;
    const res = await call('GET', `/api/ledgers/${KEY}/records.xlsx?orgUnit=${YANTANG}`, viewer);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await readSheet(res.rawPayload, '防返贫监测户');
    expect(rows[0]).toEqual(['组织单元', ...HEADER.slice(1), '更新时间', '更新人']);
    const idcards = rows.slice(1).map((r) => r[2]);
    expect(idcards.length).toBeGreaterThan(3);
    for (const id of idcards) expect(id).toMatch(/^430681\*{8}\d{3}[\dX]$/);
    const phones = rows
      .slice(1)
      .map((r) => r[3])
      .filter(Boolean);
    expect(phones.length).toBeGreaterThan(3);
    for (const phone of phones) expect(phone).toMatch(/^13[89]\*{4}5678$/);
    expect((await auditOf('ledger.export_personal')).length).toBe(before);
  });

  it("shows a village cadre his village's data unmasked, filtered, and audits the export", async () => {
    const res = await call('GET', `/api/ledgers/${KEY}/records.xlsx?q=yxm`, cadre);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await readSheet(res.rawPayload, '防返贫监测户');
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 3)).toEqual(['燕塘村', '燕小明', expect.stringMatching(/^430681\d{11}[\dX]$/)]);
    const audits = await auditOf('ledger.export_personal');
    expect(audits.at(-1)).toMatchObject({ username: 'cun202', after: { ledger: KEY, rows: 1, unmaskedRows: 1, filter: { q: 'yxm' } } });
  });

  it('answers an export of another village with 403 for the village cadre', async () => {
    expect((await call('GET', `/api/ledgers/${KEY}/records.xlsx?orgUnit=${CHUANSHAN}`, cadre)).statusCode).toBe(403);
  });
});
