// The township the indicator API tests read (indicator-*.routes.test.ts): four ledgers (land transfers, hazards
// with a workflow, daily doses, yearly village basics) with seeded records in the villages, the township and a
// cadre group, the indicators defined over them, and a leader, a village cadre, a viewer and an administrator.
import { sql } from 'drizzle-orm';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildGroup, buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows, type Queryable } from '../../db/connection.js';
import { ledgerRecords } from '../../db/schema.js';
import { rectificationWorkflow } from '../../../core/ledger-workflow.js';

export const TOWN = '430681105000';
export const VILLAGES = ['430681105201', '430681105202', '430681105203'];
export const [, YANTANG] = VILLAGES;

export interface ValueItem {
  indicator: string;
  orgUnit: string;
  period: string;
  value: number | null;
  target?: number | null;
  completion?: number | null;
}

/** The items of GET /api/indicators/values for a query string, as the given user. */
export const readValues = async (t: TestApp, query: string, cookie: string) =>
  (await t.ok('GET', `/api/indicators/values?${query}`, cookie)).items as ValueItem[];
export const pick = (items: ValueItem[], indicator: string, orgUnit: string, period: string) =>
  items.find((i) => i.indicator === indicator && i.orgUnit === orgUnit && i.period === period)?.value;

export const ledgerIdOf = async (db: Queryable, key: string) =>
  (await queryRows<{ id: number }>(db, sql`SELECT id FROM ledgers WHERE key = ${key}`))[0].id;

// A small seeded generator: the data differs from run to run of the generator's seed only.
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const LAND_FIELDS = [
  { key: 'contract_no', label: '合同编号', type: 'text', required: true },
  { key: 'transferee', label: '流入方', type: 'text', required: true },
  { key: 'land_type', label: '土地类型', type: 'choice', choices: ['耕地', '林地'], required: true },
  { key: 'area', label: '流转面积', type: 'decimal', unit: '亩', decimals: 2, required: true },
  { key: 'signed_on', label: '签订日期', type: 'date', required: true },
];

export interface IndicatorTownship {
  t: TestApp;
  /** Session cookies: the township's leader, 燕塘村's cadre, a township viewer and a township administrator. */
  leader: string;
  cadre: string;
  viewer: string;
  admin: string;
}

export async function buildIndicatorTownship(): Promise<IndicatorTownship> {
  const t = await buildTestApp();
  const ok: TestApp['ok'] = (...args) => t.ok(...args);
  const ledgerId = (key: string) => ledgerIdOf(t.db, key);
  await buildTownship(t.system);
  const group = await buildGroup(t.system, YANTANG, '三组');
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }], '燕塘村干部');
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'guanli', [{ role: 'admin', orgUnitCode: TOWN }]);
  const [leader, cadre, viewer, admin] = await Promise.all(['shuji', 'cun202', 'chakan', 'guanli'].map((u) => t.login(u, TEST_PASSWORD)));

  await ok('POST', '/api/ledgers', leader, { key: 'land', name: '土地流转台账', kind: 'register', fields: LAND_FIELDS }, 201);
  await ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'hazards',
      name: '隐患台账',
      kind: 'register',
      workflow: rectificationWorkflow(),
      fields: [
        { key: 'found_on', label: '发现日期', type: 'date', required: true },
        { key: 'category', label: '类别', type: 'choice', choices: ['水库', '校车'] },
      ],
    },
    201,
  );
  await ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'doses',
      name: '疫苗接种日报',
      kind: 'periodic',
      periodType: 'day',
      fields: [{ key: 'booster', label: '加强针', type: 'integer', unit: '剂' }],
    },
    201,
  );
  await ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'basics',
      name: '村情',
      kind: 'periodic',
      periodType: 'year',
      fields: [{ key: 'taxable', label: '计税面积', type: 'decimal', unit: '亩' }],
    },
    201,
  );

  // Records straight into the table, as an import would leave them: villages, the township itself and a group.
  const units = await queryRows<{ id: number; code: string }>(t.db, sql`SELECT id, code FROM org_units WHERE code LIKE '430681105%'`);
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const placed = [...VILLAGES, TOWN, group.code];
  const rand = random(20220630);
  const [land, hazards, doses, basics] = await Promise.all(['land', 'hazards', 'doses', 'basics'].map(ledgerId));
  const base = { townshipId: unitId.get(TOWN)!, definitionVersion: 1 };
  const rows: (typeof ledgerRecords.$inferInsert)[] = [];
  for (let i = 0; i < 160; i++) {
    const day = new Date(Date.UTC(2021, 0, 1) + Math.floor(rand() * 546) * 86_400_000).toISOString().slice(0, 10);
    rows.push({
      ...base,
      ledgerId: land,
      orgUnitId: unitId.get(placed[Math.floor(rand() * placed.length)])!,
      values: {
        contract_no: `HT${i}`,
        transferee: `合作社${Math.floor(rand() * 12)}`,
        land_type: rand() < 0.7 ? '耕地' : '林地',
        area: Math.round(rand() * 20000) / 100,
        signed_on: day,
      },
    });
  }
  for (let i = 0; i < 40; i++) {
    const day = `2022-0${1 + Math.floor(rand() * 6)}-1${Math.floor(rand() * 9)}`;
    rows.push({
      ...base,
      ledgerId: hazards,
      orgUnitId: unitId.get(placed[i % placed.length])!,
      status: ['pending', 'rectifying', 'rectified', 'closed'][i % 4],
      values: { found_on: day, category: i % 3 ? '水库' : '校车' },
    });
  }
  for (const code of VILLAGES) {
    for (let d = 1; d <= 30; d++) {
      if (code === VILLAGES[2] && d === 29) continue; // one village did not report the 29th
      rows.push({
        ...base,
        ledgerId: doses,
        orgUnitId: unitId.get(code)!,
        period: `202206${String(d).padStart(2, '0')}`,
        values: { booster: Math.floor(rand() * 40) },
      });
    }
    rows.push({ ...base, ledgerId: basics, orgUnitId: unitId.get(code)!, period: '2021', values: { taxable: 3000 + Math.floor(rand() * 1000) } });
    if (code !== VILLAGES[0])
      rows.push({ ...base, ledgerId: basics, orgUnitId: unitId.get(code)!, period: '2022', values: { taxable: 4000 + Math.floor(rand() * 1000) } });
  }
  await t.db.insert(ledgerRecords).values(rows);

  const define = (key: string, name: string, unit: string, source: object, extra: object = {}) =>
    ok('POST', '/api/indicators', leader, { key, name, unit, decimals: 2, source, ...extra }, 201);
  await define('land_area', '土地流转面积', '亩', {
    type: 'records',
    ledger: 'land',
    aggregate: 'sum',
    field: 'area',
    dateField: 'signed_on',
    timing: 'flow',
  });
  await define('land_cultivated', '耕地流转面积', '亩', {
    type: 'records',
    ledger: 'land',
    aggregate: 'sum',
    field: 'area',
    dateField: 'signed_on',
    timing: 'flow',
    filters: [{ field: 'land_type', op: 'eq', value: '耕地' }],
  });
  await define('land_contracts', '流转合同数', '份', { type: 'records', ledger: 'land', aggregate: 'count', dateField: 'signed_on', timing: 'flow' });
  await define('land_contracts_total', '累计流转合同数', '份', {
    type: 'records',
    ledger: 'land',
    aggregate: 'count',
    dateField: 'signed_on',
    timing: 'stock',
  });
  await define('transferees', '流入方数', '个', {
    type: 'records',
    ledger: 'land',
    aggregate: 'distinct',
    field: 'transferee',
    dateField: 'signed_on',
    timing: 'flow',
  });
  await define('land_avg', '平均每份面积', '亩', {
    type: 'records',
    ledger: 'land',
    aggregate: 'avg',
    field: 'area',
    dateField: 'signed_on',
    timing: 'flow',
  });
  await define('land_avg_cultivated_weighted', '耕地合同平均面积（按面积加权）', '亩', {
    type: 'records',
    ledger: 'land',
    aggregate: 'avg',
    field: 'area',
    weightField: 'area',
    dateField: 'signed_on',
    timing: 'flow',
    filters: [{ field: 'land_type', op: 'eq', value: '耕地' }],
  });
  await define('land_big', '面积超过100亩的合同', '份', {
    type: 'records',
    ledger: 'land',
    aggregate: 'count',
    dateField: 'signed_on',
    timing: 'flow',
    filters: [{ field: 'area', op: 'gt', value: 100 }],
  });
  await define('hazards_done', '已整改隐患', '处', {
    type: 'records',
    ledger: 'hazards',
    aggregate: 'count',
    dateField: 'found_on',
    timing: 'flow',
    statuses: ['rectified', 'closed'],
    filters: [{ field: 'category', op: 'in', value: ['水库'] }],
  });
  await define('booster', '加强针接种', '剂', { type: 'items', ledger: 'doses', item: 'booster', aggregate: 'sum', timing: 'flow' }, { decimals: 0 });
  await define('taxable', '计税面积', '亩', { type: 'items', ledger: 'basics', item: 'taxable', aggregate: 'sum', timing: 'stock' });
  await define('cultivated_share', '流转耕地占计税面积', '%', { type: 'formula', formula: 'percent(land_cultivated, taxable)' });
  await define('land_growth', '流转面积增幅', '%', { type: 'formula', formula: 'growth(land_area, last_year(land_area))' });
  await define('land_completion', '流转任务完成率', '%', { type: 'formula', formula: 'percent(land_area, target(land_area))' });
  return { t, leader, cadre, viewer, admin };
}
