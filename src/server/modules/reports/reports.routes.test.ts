// Reports API (报告) against a small township whose every figure the test enters itself: rendering each kind of
// placeholder, indicator figures equal to the indicators API, bad input refused with its place and nothing stored,
// the lenient preview, templates, versions (saved documents never change; comparison; 定稿) and the daily notice.
// Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDocument, Run } from '../../../core/report-document.js';
import { queryRows } from '../../db/connection.js';
import { buildGroup, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { buildTestApp, multipartFile, type TestApp } from '../../testing/test-app.js';
import { createUnit } from '../org/org.service.js';

let t: TestApp;
let leader: string;
let lineLead: string;
let cadre: string;

const TOWN = '430681105000';
const [V1, V2, V3] = ['430681105201', '430681105202', '430681105203'];
const VILLAGE_NAMES: Record<string, string> = { [V1]: '川山村', [V2]: '燕塘村', [V3]: '桥坪村' };
const OTHER_VILLAGE = '430681106201'; // 白水村 of 白水镇
const PERIOD = '2024S1';
const AS_OF = '2024-06-30';

/** Land transfers: [village, contract, transferee, area (亩), signed on]. The 2023 ones are last year's half. */
const LAND: [string, string, string, number, string][] = [
  [V1, 'HT1', '玉池山居', 1234.5, '2024-03-10'],
  [V1, 'HT2', '合作社甲', 800, '2024-05-20'],
  [V2, 'HT3', '合作社乙', 300.25, '2024-02-01'],
  [V3, 'HT4', '合作社丙', 5000, '2024-04-15'],
  [V1, 'HT0', '往年流入户', 1000, '2023-03-01'],
  [V2, 'HT01', '往年流入户', 200, '2023-04-01'],
  [V3, 'HT02', '往年流入户', 4000, '2023-05-01'],
];
/** Booster doses by village and day of June 2024: 燕塘村 sent nothing on the 29th. */
const DOSE_DAYS = ['20240623', '20240624', '20240625', '20240626', '20240627', '20240628', '20240629'];
const doses = (village: string, day: string) =>
  village === V2 && day === '20240629' ? null : (Number(village.slice(-1)) * 10 + Number(day.slice(-2))) % 37;

const half = (village: string | null, year: string) =>
  LAND.filter(([v, , , , on]) => (village === null || v === village) && on >= `${year}-01-01` && on <= `${year}-06-30`).reduce(
    (s, [, , , area]) => s + area,
    0,
  );
const contracts = (village: string, year: string) => LAND.filter(([v, , , , on]) => v === village && on.startsWith(year)).length;

const count = async (table: 'report_templates' | 'report_versions') =>
  (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0].n;
const render = (payload: object, cookie = leader, url = '/api/reports/render') =>
  t.call('POST', url, cookie, { period: PERIOD, asOf: AS_OF, ...payload });
const paragraphs = (doc: ReportDocument) => doc.blocks.flatMap((b) => (b.type === 'table' ? [] : [b.runs.map((r) => r.text).join('')]));
const figureRuns = (doc: ReportDocument): Run[] =>
  doc.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat() : b.runs)).filter((r) => r.figure && r.figure.source.kind === 'value');

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  for (const [village, name] of [
    [V1, '一组'],
    [V1, '二组'],
    [V3, '一组'],
  ])
    await buildGroup(t.system, village, name);
  await createUnit(t.system, { parentCode: '430681000000', name: '白水镇', level: 'town', code: '430681106000' });
  await createUnit(t.system, { parentCode: '430681106000', name: '白水村', level: 'village', code: OTHER_VILLAGE });
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'tiaoxian', [{ role: 'line_lead', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: V1 }]);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  [leader, lineLead, cadre] = await Promise.all(['shuji', 'tiaoxian', 'cun201'].map((u) => t.login(u, TEST_PASSWORD)));
  // the township's today is the report's as-of date: tasks handed out then, data entered up to it
  await t.ok('PUT', `/api/township-clock?township=${TOWN}`, await t.login('root', TEST_PASSWORD), { today: AS_OF });

  await t.ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'land',
      name: '土地流转台账',
      kind: 'register',
      fields: [
        { key: 'contract_no', label: '合同编号', type: 'text', required: true },
        { key: 'transferee', label: '流入方', type: 'text', required: true },
        { key: 'area', label: '流转面积', type: 'decimal', unit: '亩', decimals: 2, required: true },
        { key: 'signed_on', label: '签订日期', type: 'date', required: true },
      ],
    },
    201,
  );
  for (const [orgUnit, contract_no, transferee, area, signed_on] of LAND)
    await t.ok('POST', '/api/ledgers/land/records', leader, { orgUnit, values: { contract_no, transferee, area, signed_on } }, 201);
  const land = { type: 'records', ledger: 'land', dateField: 'signed_on', timing: 'flow' };
  await t.ok(
    'POST',
    '/api/indicators',
    leader,
    { key: 'land_area', name: '土地流转面积', unit: '亩', decimals: 2, source: { ...land, aggregate: 'sum', field: 'area' } },
    201,
  );
  await t.ok(
    'POST',
    '/api/indicators',
    leader,
    { key: 'land_contracts', name: '流转合同数', unit: '份', decimals: 0, source: { ...land, aggregate: 'count' } },
    201,
  );

  await t.ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'doses',
      name: '疫苗接种日报',
      kind: 'periodic',
      periodType: 'day',
      fields: [{ key: 'booster', label: '加强针', type: 'integer', unit: '剂', min: 0 }],
    },
    201,
  );
  for (const day of DOSE_DAYS) {
    const rows = [V1, V2, V3].filter((v) => doses(v, day) !== null).map((orgUnit) => ({ orgUnit, values: { booster: doses(orgUnit, day) } }));
    await t.ok('PUT', `/api/ledgers/doses/periods/${day}`, leader, { rows });
  }
  await t.ok(
    'POST',
    '/api/indicators',
    leader,
    {
      key: 'booster',
      name: '加强针接种',
      unit: '剂',
      decimals: 0,
      source: { type: 'items', ledger: 'doses', item: 'booster', aggregate: 'sum', timing: 'flow' },
    },
    201,
  );

  await t.ok(
    'POST',
    '/api/projects',
    leader,
    {
      name: '川山村道路硬化工程',
      category: 'infrastructure',
      location: V1,
      description: '新建道路总长3,200米，宽4.5米。',
      leaderName: '李书记',
      plannedInvestment: 850,
      startDate: '2024-01-01',
      endDate: '2024-12-31',
    },
    201,
  );
  await t.ok(
    'POST',
    '/api/projects',
    leader,
    { name: '桥坪村冷库', category: 'agriculture', location: V3, leaderName: '王镇长', startDate: '2024-01-01', endDate: '2024-12-31' },
    201,
  );
  await t.ok(
    'POST',
    '/api/tasks',
    leader,
    {
      title: '秋冬季森林防火专项整治',
      source: 'meeting',
      lead: V1,
      nodes: [
        { title: '摸底排查', due: '2024-07-01' },
        { title: '整改销号', due: '2024-09-30' },
      ],
    },
    201,
  );
}, 120_000);
afterAll(() => t?.close());

describe('rendering', () => {
  const BODY = [
    '# {{township name}}{{date period}}工作汇报',
    '面积：{{value land_area}}',
    '约数：{{value land_area approx=100}}',
    '万亩：{{value land_area scale=万 dp=2}}',
    '千分位：{{value land_area sep}}',
    '川山村：{{value land_area unit=川山村}}',
    '同比：{{growth land_area}}',
    '前两名：{{top land_area n=2}}',
    '流入方：{{field land.transferee where=contract_no:HT1}}',
    '所在村：{{field land.village where=contract_no:HT4}}',
    '面积字段：{{field land.area where=transferee~玉池}}',
    '合同数：{{count land}}',
    '合作社合同：{{count land where=transferee~合作社}}',
    '项目数：{{project count}}',
    '道路长：{{project 道路硬化 figure=总长}}',
    '整改时限：{{task 森林防火 node=整改}}',
    '简称：{{township short}}',
    '截至：{{date asof format=full}}',
    '小组数：{{merge groups_now}}',
    '{{table grid keys=land_area,land_contracts}}',
  ].join('\n');

  it('writes every kind of placeholder from the data entered', async () => {
    const res = await render({ body: BODY });
    expect(res.statusCode, res.body).toBe(200);
    const { document } = res.json() as { document: ReportDocument };
    const now = half(null, '2024');
    const before = half(null, '2023');
    const rate = ((now - before) / before) * 100;
    const byVillage = [V1, V2, V3].map((v) => ({ name: VILLAGE_NAMES[v], area: half(v, '2024') })).sort((a, b) => b.area - a.area);
    const merge = (await t.ok('GET', `/api/org-units/merge-progress?township=${TOWN}`, leader)).totals;
    expect(merge.groupsNow).toBe(3);
    expect(document.title).toBe('川山坪镇2024年上半年工作汇报');
    expect(paragraphs(document)).toEqual([
      `面积：${now}`,
      `约数：${Math.floor(now / 100) * 100}`,
      `万亩：${(now / 10_000).toFixed(2)}`,
      `千分位：${now.toLocaleString('en-US')}`,
      `川山村：${half(V1, '2024')}`,
      `同比：同比增长${rate.toFixed(1)}%`,
      `前两名：${byVillage[0].name}和${byVillage[1].name}`,
      '流入方：玉池山居',
      '所在村：桥坪村',
      '面积字段：1234.5',
      `合同数：${LAND.length}`,
      `合作社合同：${LAND.filter((l) => l[2].includes('合作社')).length}`,
      '项目数：2',
      '道路长：3200',
      '整改时限：9月30日',
      '简称：川山坪',
      '截至：2024年6月30日',
      `小组数：${merge.groupsNow}`,
    ]);
    const table = document.blocks.find((b) => b.type === 'table')!;
    expect(table.type === 'table' && table.header).toEqual(['村（社区）', '土地流转面积（亩）', '流转合同数（份）']);
    expect(table.type === 'table' && table.rows.map((row) => row.map((c) => c.text))).toEqual(
      [V1, V2, V3].map((v) => [VILLAGE_NAMES[v], String(half(v, '2024')), String(contracts(v, '2024'))]),
    );
    expect(document.warnings).toEqual([]);
  });

  it('gives every indicator figure exactly the value the indicators API gives', async () => {
    const { document } = (await render({ body: BODY })).json() as { document: ReportDocument };
    const runs = figureRuns(document);
    expect(runs.length).toBe(5 + 3 * 2);
    for (const run of runs) {
      const { target, orgUnit, period, value } = run.figure!.source;
      const query = `keys=${target}&orgUnit=${orgUnit}&period=${encodeURIComponent(period!)}&asOf=${AS_OF}`;
      const items = (await t.ok('GET', `/api/indicators/values?${query}`, leader)).items as { value: number | null }[];
      expect(value, `${run.figure!.placeholder} ${orgUnit}`).toBe(items[0].value);
    }
  });

  it("renders a village's report for its cadre, and a village's figures only", async () => {
    const res = await render({ body: '# {{township unit}}汇报\n面积：{{value land_area}}', orgUnit: V1 }, cadre);
    expect(res.statusCode, res.body).toBe(200);
    expect(paragraphs(res.json().document)).toEqual([`面积：${half(V1, '2024')}`]);
  });

  it('exports Word files', async () => {
    const res = await render({ body: BODY, format: 'docx' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('bad input', () => {
  const refused = async (res: Awaited<ReturnType<typeof render>>, status: number, text: string | RegExp) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.body).toMatch(text);
  };

  it('names an unknown indicator, a malformed placeholder and a bad period by their place', async () => {
    await refused(await render({ body: '# 汇报\n全镇流转{{value nope}}亩。' }), 400, '第2行第5列（{{value nope}}）');
    await refused(await render({ body: '# 汇报\n共{{value land_area亩。' }), 400, /第2行第2列.*没有闭合/);
    await refused(await render({ body: '# 汇报\n{{value land_area}}', period: '2022H3' }), 400, '“2022H3”不是有效的报告期');
  });

  it("hides another township's unit and refuses another village to a village cadre", async () => {
    await refused(await render({ body: '# 汇报', orgUnit: OTHER_VILLAGE }), 404, '不存在');
    await refused(await render({ body: '# 汇报', orgUnit: V3 }, cadre), 403, '您无权查看“桥坪村”的报告');
  });

  it('refuses a .pdf and a file over 5 MB', async () => {
    const upload = (name: string, content: Buffer | string) => {
      const file = multipartFile(name, content);
      return t.app.inject({
        method: 'POST',
        url: '/api/reports/suggestions/upload',
        headers: { cookie: leader, ...file.headers },
        payload: file.payload,
      });
    };
    await refused(await upload('汇报.pdf', '%PDF-1.4\n'), 415, '只支持上传 .docx 或 .txt');
    await refused(await upload('汇报.txt', Buffer.alloc(5 * 1024 * 1024 + 10, 'a')), 413, '5 MB');
  });

  it('stores nothing after a 4xx', async () => {
    await t.ok('POST', '/api/reports/templates', leader, { key: 'kept', name: '留存', body: '# 汇报\n{{value land_area}}' }, 201);
    const [templates, versions] = [await count('report_templates'), await count('report_versions')];
    expect(
      (await t.call('POST', '/api/reports/templates', leader, { key: 'bad-one', name: '坏模板', body: '# 汇报\n{{value nope}}' })).statusCode,
    ).toBe(400);
    expect((await t.call('POST', '/api/reports/templates', leader, { key: 'bad-two', name: '坏模板', body: '# 汇报\n{{value' })).statusCode).toBe(
      400,
    );
    expect((await t.call('POST', '/api/reports/templates', cadre, { key: 'bad-three', name: '越权', body: '# 汇报' })).statusCode).toBe(403);
    expect((await t.call('POST', '/api/reports/versions', cadre, { template: 'kept', period: PERIOD, asOf: AS_OF, orgUnit: V3 })).statusCode).toBe(
      403,
    );
    expect((await t.call('POST', '/api/reports/versions', leader, { template: 'kept', period: '2022H3', asOf: AS_OF })).statusCode).toBe(400);
    expect((await t.call('POST', '/api/reports/versions', leader, { template: 'kept', period: PERIOD, orgUnit: OTHER_VILLAGE })).statusCode).toBe(
      404,
    );
    expect([await count('report_templates'), await count('report_versions')]).toEqual([templates, versions]);
  });
});

describe('preview', () => {
  it('lists unknown names as warnings and writes "—" in their place', async () => {
    const body =
      '# 汇报\n面积{{value nope}}亩，{{field land.nothing where=contract_no:HT1}}，{{value land_area period=2020}}亩，{{growth land_area period=2023}}。\n共{{value land_area}}亩。';
    expect((await render({ body })).statusCode).toBe(400);
    const res = await render({ body }, leader, '/api/reports/preview');
    expect(res.statusCode, res.body).toBe(200);
    const { document } = res.json() as { document: ReportDocument };
    const messages = document.warnings.map((w) => `${w.placeholder} ${w.message}`).join('\n');
    expect(messages).toContain('指标“nope”不存在');
    expect(messages).toContain('没有字段“nothing”');
    const runs = document.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat() : b.runs));
    for (const run of runs) {
      expect(run.text.trim(), JSON.stringify(run)).not.toBe('');
      expect(run.text).not.toMatch(/undefined|NaN|null|\{\{/);
    }
    expect(paragraphs(document)[0]).toMatch(/^面积—亩，—，/);
    expect(paragraphs(document)[1]).toBe(`共${half(null, '2024')}亩。`);
  });
});

describe('templates', () => {
  it('creates, refuses a taken key and a stale version, keeps a deleted key, and logs each change', async () => {
    const body = '# {{township name}}汇报\n流转{{value land_area}}亩。';
    const created = await t.ok('POST', '/api/reports/templates', leader, { key: 'half-year', name: '半年汇报', body }, 201);
    expect(created).toMatchObject({ key: 'half-year', version: 1, placeholders: 2, mayEdit: true });
    expect((await t.call('POST', '/api/reports/templates', lineLead, { key: 'half-year', name: '重复', body })).statusCode).toBe(409);
    const updated = await t.ok('PUT', '/api/reports/templates/half-year', lineLead, { version: 1, name: '半年工作汇报', body });
    expect(updated.version).toBe(2);
    const stale = await t.call('PUT', '/api/reports/templates/half-year', leader, { version: 1, name: '旧稿', body });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('已被他人修改');
    await t.ok('DELETE', '/api/reports/templates/half-year', leader, undefined, 204);
    expect((await t.call('GET', '/api/reports/templates/half-year', leader)).statusCode).toBe(404);
    const reuse = await t.call('POST', '/api/reports/templates', leader, { key: 'half-year', name: '新半年汇报', body });
    expect(reuse.statusCode).toBe(409);
    for (const action of ['report.template.create', 'report.template.update', 'report.template.delete']) {
      const { items } = await t.ok('GET', `/api/audit?action=${action}`, leader);
      expect(
        items.some((e: { entityId: string }) => e.entityId === 'half-year'),
        action,
      ).toBe(true);
    }
  });
});

describe('versions', () => {
  const BODY = '# 汇报\n川山村流转{{value land_area unit=川山村}}亩，合同{{value land_contracts unit=川山村}}份。\n{{township name}}';
  let first: number;

  beforeAll(async () => {
    await t.ok('POST', '/api/reports/templates', leader, { key: 'versioned', name: '版本汇报', body: BODY }, 201);
  });

  it('keeps the saved document when the data changes later, and compares it with today', async () => {
    const saved = await t.ok('POST', '/api/reports/versions', leader, { template: 'versioned', period: PERIOD, asOf: AS_OF, note: '初稿' }, 201);
    first = saved.id;
    expect(saved).toMatchObject({ number: 1, final: false, mayFinalize: true, note: '初稿' });
    const before = half(V1, '2024');
    expect(paragraphs(saved.document)[0]).toBe(`川山村流转${before}亩，合同${contracts(V1, '2024')}份。`);

    await t.ok(
      'POST',
      '/api/ledgers/land/records',
      leader,
      { orgUnit: V1, values: { contract_no: 'HT9', transferee: '后补合作社', area: 66.5, signed_on: '2024-06-10' } },
      201,
    );
    expect((await t.ok('GET', `/api/reports/versions/${first}`, leader)).document).toEqual(saved.document);

    const compared = await t.ok('GET', `/api/reports/versions/${first}/compare`, leader);
    expect(compared.right.label).toBe('当前数据');
    expect(compared.figures).toBe(3);
    expect(compared.changes.map((c: { before: string; after: string }) => [c.before, c.after])).toEqual([
      [String(before), String(before + 66.5)],
      [String(contracts(V1, '2024')), String(contracts(V1, '2024') + 1)],
    ]);
    expect(compared.changes[0].context).toContain('川山村流转');
  });

  it('compares two versions, lists them to the scope, and finalises once, by a leader', async () => {
    const second = await t.ok('POST', '/api/reports/versions', lineLead, { template: 'versioned', period: PERIOD, asOf: AS_OF }, 201);
    expect(second.number).toBe(2);
    const compared = await t.ok('GET', `/api/reports/versions/${first}/compare?with=${second.id}`, leader);
    expect(compared.right.label).toBe(`第2版（${AS_OF}）`);
    expect(compared.changes).toHaveLength(2);
    expect((await t.ok('GET', `/api/reports/versions/${second.id}/compare?with=${second.id}`, leader)).changes).toEqual([]);

    // a village cadre lists his village's versions, not the township's
    const own = await t.ok('POST', '/api/reports/versions', cadre, { template: 'versioned', period: PERIOD, asOf: AS_OF, orgUnit: V1 }, 201);
    const listed = await t.ok('GET', '/api/reports/versions?template=versioned', cadre);
    expect(listed.items.map((v: { id: number }) => v.id)).toEqual([own.id]);
    expect((await t.ok('GET', '/api/reports/versions?template=versioned', leader)).total).toBe(3);

    const refused = await t.call('POST', `/api/reports/versions/${second.id}/finalize`, lineLead);
    expect(refused.statusCode).toBe(403);
    const final = await t.ok('POST', `/api/reports/versions/${second.id}/finalize`, leader);
    expect(final).toMatchObject({ final: true, mayFinalize: false, finalizedBy: expect.any(String) });
    const again = await t.call('POST', `/api/reports/versions/${second.id}/finalize`, leader);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('已于');

    const file = await t.call('GET', `/api/reports/versions/${second.id}/file?format=docx`, leader);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const { items } = await t.ok('GET', '/api/audit?action=report.version.finalize', leader);
    expect(items.map((e: { entityId: string }) => e.entityId)).toEqual([String(second.id)]);
  });
});

describe('daily notice', () => {
  it('ranks the villages, names the one without yesterday’s figures, and tomorrow’s task', async () => {
    const notice = await t.ok('POST', '/api/reports/notices', leader, { indicator: 'booster', asOf: AS_OF });
    const doc = notice.document as ReportDocument;
    const week = (v: string) => DOSE_DAYS.reduce((s, d) => s + (doses(v, d) ?? 0), 0);
    const order = [V1, V2, V3].sort((a, b) => week(b) - week(a)).map((v) => VILLAGE_NAMES[v]);
    const yesterday = [V1, V2, V3].reduce((s, v) => s + (doses(v, '20240629') ?? 0), 0);
    const text = paragraphs(doc);
    expect(doc.title).toBe('川山坪镇加强针接种每日通报');
    expect(text[0]).toBe(`截至6月30日，全镇加强针接种昨日${yesterday}剂，近7日累计${[V1, V2, V3].reduce((s, v) => s + week(v), 0)}剂。`);
    expect(text[1]).toBe(`分村看，近7日加强针接种居前1位的是${order[0]}，居后1位的是${order[2]}。`);
    expect(text[2]).toBe('昨日未报送数据的村（社区）：燕塘村，请抓紧补报。');
    expect(text[3]).toBe('明日（7月1日）任务：1. 秋冬季森林防火专项整治（川山村）。');
    const table = doc.blocks.find((b) => b.type === 'table')!;
    expect(table.type === 'table' && table.rows.map((r) => r[1].text)).toEqual(order);

    const docx = await t.call('POST', '/api/reports/notices', leader, { indicator: 'booster', asOf: AS_OF, format: 'docx' });
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it("is the township's: a village cadre is refused", async () => {
    expect((await t.call('POST', '/api/reports/notices', cadre, { indicator: 'booster', asOf: AS_OF })).statusCode).toBe(403);
  });
});
