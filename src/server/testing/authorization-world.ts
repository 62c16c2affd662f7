// The data the authorisation matrix probes: two townships of one county, a user for each principal of
// http/authorization-matrix.ts, ledgers, records, indicators, cadre groups and supervision (tasks, goals, projects),
// and helpers that make fresh targets for the cells whose write would change what later cells read.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import { queryRows } from '../db/connection.js';
import { createGroup, createWorkLine, setVillages } from '../modules/cadre/index.js';
import { createUnit } from '../modules/org/org.service.js';
import { rectificationWorkflow } from '../../core/ledger-workflow.js';
import type { Principal } from '../http/authorization-matrix.js';
import { buildGroup, buildHouseholdFields, buildIdCard, buildTownship, buildUser, TEST_PASSWORD } from './builders.js';
import { buildTestApp, multipartFile, TEST_TOTP_SECRET } from './test-app.js';
import { enrolBySystem, removeSecondFactor } from '../modules/auth/index.js';
import { sessions, users } from '../db/schema.js';
import { eq } from 'drizzle-orm';
import crypto from 'node:crypto';

export const CODES = {
  county: '430681000000',
  townA: '430681105000',
  v1: '430681105201', // 川山村: the village_cadre's, the village_admin's, covered by the group leader
  v2: '430681105202', // 燕塘村: covered by the group leader too
  v3: '430681105203', // 桥坪村: nobody's but the township's
  g1: '430681105201001', // 川山村一组: the grid worker's
  g3: '430681105203001', // 桥坪村一组
  townB: '430681106000', // 白水镇
  vB: '430681106201', // 白水村
};

/** Principals with a second factor (TEST_TOTP_SECRET): administrators must; leaders approve household-data grants. */
export const ENROLLED = new Set<Principal>(['admin', 'village_admin', 'leader', 'other_leader']);

export const USERNAMES: Record<Exclude<Principal, 'anonymous'>, string> = {
  admin: 'root',
  village_admin: 'cunguanli',
  leader: 'shuji',
  line_lead: 'tiaoxian',
  viewer: 'chakan',
  group_leader: 'zuzhang',
  village_cadre: 'cun201',
  grid_worker: 'wangge',
  other_leader: 'baishui',
};

/** The household ledger (register, with photos), in both townships under the same key. */
const HOUSEHOLD_FIELDS = [...buildHouseholdFields(), { key: 'photos', label: '照片', type: 'photos' }];
/** A records-count indicator over the household ledger. */
export const HOUSEHOLD_COUNT = { type: 'records', ledger: 'households', aggregate: 'count', timing: 'stock' } as const;
/** The names of the households every scope check looks for: in 川山村一组, in 桥坪村, in township B. */
export const HOUSEHOLDS = { g1: '一组户主甲', v3: '桥坪户主乙', b: '白水户主丙' };
/** The date both townships' clocks are fixed at: deadlines and lights read the same on any day the suite runs. */
export const SUPERVISION_TODAY = '2024-06-01';
/** The deadline of every probed task's one node, after the fixed date. */
const NODE_DUE = '2024-12-31';
export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** A report template that reads no indicator: it renders for any unit and period. */
export const REPORT_BODY = '# {{township name}}工作汇报\n截至{{date asof}}。';
/** Township A's and township B's report templates: different keys, so another township's is unknown. */
export const REPORT_TEMPLATES = { a: 'work-summary', b: 'baishui-summary' };

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  // Hundreds of requests and dozens of logins from one address in a minute: the limits are another test's subject.
  const t = await buildTestApp({ ZHENWU_REQUEST_RATE_LIMIT: '1000000', ZHENWU_LOGIN_RATE_LIMIT: '1000000' });
  const { system } = t;
  await buildTownship(t.system, ['川山村', '燕塘村', '桥坪村']);
  await buildGroup(system, CODES.v1, '一组', '2020-01-01');
  await buildGroup(system, CODES.v3, '一组', '2020-01-01');
  await createUnit(system, { parentCode: CODES.county, name: '白水镇', level: 'town', code: CODES.townB });
  await createUnit(system, { parentCode: CODES.townB, name: '白水村', level: 'village', code: CODES.vB });

  // the cadre organisation: the group leader's small group covers 川山村 and 燕塘村; a second small group is the
  // target of the cadre writes
  const big = await createGroup(system, { name: '第一大组', kind: 'big' }, CODES.townA);
  const covering = await createGroup(system, { name: '第一小组', kind: 'small', parentId: big.id }, CODES.townA);
  await setVillages(system, covering.id, [CODES.v1, CODES.v2], CODES.townA);
  const targetGroup = await createGroup(system, { name: '目标小组', kind: 'small', parentId: big.id }, CODES.townA);
  const workLine = await createWorkLine(system, { name: '安全生产', leaderName: '王五' }, CODES.townA);

  const roles: Record<keyof typeof USERNAMES, Parameters<typeof buildUser>[2]> = {
    admin: [{ role: 'admin' }],
    village_admin: [{ role: 'admin', orgUnitCode: CODES.v1 }],
    leader: [{ role: 'leader', orgUnitCode: CODES.townA }],
    line_lead: [{ role: 'line_lead', orgUnitCode: CODES.townA }],
    viewer: [{ role: 'viewer', orgUnitCode: CODES.townA }],
    group_leader: [{ role: 'group_leader', cadreGroupId: covering.id }],
    village_cadre: [{ role: 'village_cadre', orgUnitCode: CODES.v1 }],
    grid_worker: [{ role: 'grid_worker', orgUnitCode: CODES.g1 }],
    other_leader: [{ role: 'leader', orgUnitCode: CODES.townB }],
  };
  const cookies = { anonymous: '' } as Record<Principal, string>;
  for (const [principal, username] of Object.entries(USERNAMES) as [keyof typeof USERNAMES, string][]) {
    const user = await buildUser(system, username, roles[principal]);
    // leaders approve household-data grants, which needs a second factor: theirs is TEST_TOTP_SECRET like the admins'
    if (ENROLLED.has(principal) && !roles[principal].some((r) => r.role === 'admin')) await enrolBySystem(t.db, user.id, TEST_TOTP_SECRET);
    cookies[principal] = await t.login(username, TEST_PASSWORD);
  }
  const userIdOf = async (p: keyof typeof USERNAMES) =>
    (await t.db.select({ id: users.id }).from(users).where(eq(users.username, USERNAMES[p])))[0].id;
  /** Makes the principal's session have proved its second factor just now (a step-up): the matrix runs for minutes. */
  const freshSecondFactor = async (p: Principal) => {
    if (p === 'anonymous') return;
    const id = crypto.createHash('sha256').update(cookies[p].split('=')[1]).digest('hex');
    await t.db.update(sessions).set({ twoFactorAt: new Date() }).where(eq(sessions.id, id));
  };
  // accounts that the user-management cells act on, and one that the login cell signs in as
  const targetV1 = await buildUser(system, 'target201', [{ role: 'village_cadre', orgUnitCode: CODES.v1 }], '川山村目标');
  const targetV3 = await buildUser(system, 'target203', [{ role: 'village_cadre', orgUnitCode: CODES.v3 }], '桥坪村目标');
  await buildUser(system, 'probe', [{ role: 'viewer', orgUnitCode: CODES.v3 }]);

  const leader = cookies.leader;
  const post = (url: string, body: object, cookie = leader) => t.ok('POST', url, cookie, body, 201);
  await post('/api/ledgers', { key: 'households', name: '防返贫监测户', kind: 'register', fields: HOUSEHOLD_FIELDS });
  await post('/api/ledgers', { key: 'households', name: '防返贫监测户', kind: 'register', fields: HOUSEHOLD_FIELDS }, cookies.other_leader);
  await post('/api/ledgers', {
    key: 'hazards',
    name: '隐患排查',
    kind: 'register',
    workflow: rectificationWorkflow(),
    fields: [{ key: 'place', label: '隐患地点', type: 'text', required: true }],
  });
  await post('/api/ledgers', {
    key: 'doses',
    name: '疫苗接种日报',
    kind: 'periodic',
    periodType: 'day',
    fields: [{ key: 'first', label: '第一剂', type: 'integer', min: 0 }],
  });
  await post('/api/ledgers', { key: 'defs', name: '字段调整', kind: 'register', fields: [{ key: 'a', label: '甲', type: 'text' }] });
  await post('/api/indicators', { key: 'hh_count', name: '监测户数', source: HOUSEHOLD_COUNT });
  await post('/api/indicators', { key: 'b_count', name: '白水监测户数', source: HOUSEHOLD_COUNT }, cookies.other_leader);
  await post('/api/rankings', { key: 'rk', name: '监测户榜', indicator: 'hh_count', subject: 'village', style: 'dragon_tiger' });
  const rule = await post('/api/quality-rules', { name: '户数不为负', left: 'hh_count', operator: '>=', right: '0' });

  let sequence = 0;
  const next = () => ++sequence;

  // Supervision (督办), built through the API as its users would: a task led by 川山村, one led by 桥坪村 and one of
  // township B (each handed out by its township's leader), a goal and key projects in each township.
  for (const code of [CODES.townA, CODES.townB]) {
    await t.ok('PUT', `/api/township-clock?township=${code}`, cookies.admin, { today: SUPERVISION_TODAY });
  }
  /** Township B's targets are made by its own leader. */
  const ownerOf = (unit: string) => (unit === CODES.vB ? cookies.other_leader : leader);
  /** A fresh task led by the unit, its one node and its version. */
  const freshTask = async (lead: string) => {
    const cookie = ownerOf(lead);
    const created = await post(
      '/api/tasks',
      { title: `督办任务${next()}`, source: 'instruction', lead, nodes: [{ title: '完成', due: NODE_DUE }] },
      cookie,
    );
    const detail = await t.ok('GET', `/api/tasks/${created.task.id}`, cookie);
    return { id: detail.id as number, nodeId: detail.nodes[0].id as number, version: detail.version as number };
  };
  const project = async (location: string) =>
    (
      await post(
        '/api/projects',
        { name: `重点项目${next()}`, category: 'infrastructure', location, leaderName: '李书记', startDate: '2024-01-01', endDate: '2025-12-31' },
        ownerOf(location),
      )
    ).id as number;
  const goal = async (township: string) =>
    (
      await post(
        '/api/goals',
        { year: 2024, title: `重点工作${next()}`, kind: 'focus', ownerName: '李书记' },
        township === CODES.townB ? cookies.other_leader : leader,
      )
    ).id as number;
  const supervision = {
    tasks: { v1: (await freshTask(CODES.v1)).id, v3: (await freshTask(CODES.v3)).id, b: (await freshTask(CODES.vB)).id },
    projects: { v1: await project(CODES.v1), v3: await project(CODES.v3), b: await project(CODES.vB) },
    goals: { a: await goal(CODES.townA), b: await goal(CODES.townB) },
  };
  // Reports (报告): a template of each township's own (different keys) and a saved version for 川山村, 桥坪村 and
  // township B's village, made by the township's leader.
  const reportTemplate = async (key: string, cookie = leader) => {
    await post('/api/reports/templates', { key, name: `工作汇报${next()}`, body: REPORT_BODY }, cookie);
    return key;
  };
  const reportTemplates = { a: await reportTemplate(REPORT_TEMPLATES.a), b: await reportTemplate(REPORT_TEMPLATES.b, cookies.other_leader) };
  /** A fresh version of the township's template on the unit (a village of A, or township B's village). */
  const reportVersion = async (unit: string) =>
    (
      await post(
        '/api/reports/versions',
        { template: unit === CODES.vB ? reportTemplates.b : reportTemplates.a, period: '2024', orgUnit: unit },
        ownerOf(unit),
      )
    ).id as number;
  const reports = { versions: { v1: await reportVersion(CODES.v1), v3: await reportVersion(CODES.v3), b: await reportVersion(CODES.vB) } };
  // ID numbers stay unique however many cells enter households: the birth day moves on every 1,000
  let people = 0;
  const idCard = () => {
    people++;
    return buildIdCard(people % 1000, String(19800101 + Math.floor(people / 1000)));
  };
  const upload = async (cookie: string) => {
    const file = multipartFile('现场.png', PNG);
    const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie, ...file.headers }, payload: file.payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  /** A household of the unit, entered by the leader (or the given user), optionally with a photo. */
  const household = async (unit: string, name = `户主${next()}`, photo?: string, cookie = leader) =>
    (
      await post(
        '/api/ledgers/households/records',
        { orgUnit: unit, values: { name, idcard: idCard(), ...(photo ? { photos: [photo] } : {}) } },
        cookie,
      )
    ).id as number;
  const photoG1 = await upload(leader);
  const photoV3 = await upload(leader);
  // named so that an answer can be searched for them: which households a list, an export or the log shows
  const records = {
    g1: await household(CODES.g1, HOUSEHOLDS.g1, photoG1),
    v3: await household(CODES.v3, HOUSEHOLDS.v3, photoV3),
    b: await household(CODES.vB, HOUSEHOLDS.b, undefined, cookies.other_leader),
  };
  const loosePhoto = await upload(leader);

  // Days of the periodic ledger: one fresh day per cell that enters, submits or approves figures.
  let day = Date.UTC(2023, 0, 1);
  const freshDay = () => {
    day += 86_400_000;
    return new Date(day).toISOString().slice(0, 10).replace(/-/g, '');
  };
  const doses = (period: string) => `/api/ledgers/doses/submissions/${period}`;
  /** A household CSV of one row on the unit, as the import reads it. */
  const householdCsv = (unit: string) => `组织单元,户主姓名*,身份证号码*\n${unit},导入户${next()},${idCard()}\n`;

  return {
    t,
    cookies,
    records,
    photos: { g1: photoG1, v3: photoV3, loose: loosePhoto },
    ids: { targetGroup: targetGroup.id, workLine: workLine.id, rule: rule.id as number, targetV1: targetV1.id, targetV3: targetV3.id },
    supervision,
    reports,
    reportVersion,
    next,
    freshDay,
    idCard,
    upload,
    household,
    /** An upload of a one-row household file on the unit: the answer's status and the job's id. */
    async importJob(cookie: string, unit: string): Promise<{ status: number; id?: string }> {
      const file = multipartFile('户.csv', householdCsv(unit));
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/ledgers/households/imports',
        headers: { cookie, ...file.headers },
        payload: file.payload,
      });
      return { status: res.statusCode, id: res.statusCode < 300 ? res.json().id : undefined };
    },
    /** The record's current version, for an edit that must not conflict. */
    async version(id: number) {
      return (await queryRows<{ version: number }>(t.db, sql`SELECT version FROM ledger_records WHERE id = ${id}`))[0].version;
    },
    async deletedHousehold(unit: string) {
      const id = await household(unit);
      await t.ok('DELETE', `/api/ledgers/households/records/${id}`, leader, undefined, 204);
      return id;
    },
    async hazard(unit: string) {
      return (await post('/api/ledgers/hazards/records', { orgUnit: unit, values: { place: `地点${next()}` } })).id as number;
    },
    /** A fresh day on which the leader has entered the village's figures, submitted (and approved) them. */
    async period(unit: string, upTo: 'entered' | 'submitted' | 'approved') {
      const period = freshDay();
      await t.ok('PUT', `/api/ledgers/doses/periods/${period}`, leader, { rows: [{ orgUnit: unit, values: { first: 3 } }] });
      if (upTo !== 'entered') await t.ok('POST', `${doses(period)}/submit`, leader, { orgUnit: unit });
      if (upTo === 'approved') await t.ok('POST', `${doses(period)}/approve`, leader, { orgUnits: [unit] });
      return period;
    },
    async grid(parentCode: string) {
      return (await createUnit(system, { parentCode, name: `网格${next()}`, level: 'grid', validFrom: '2020-01-01' })).code;
    },
    async groups(villageCode: string) {
      const a = await createUnit(system, { parentCode: villageCode, name: `待合并${next()}`, level: 'group', validFrom: '2020-01-01' });
      const b = await createUnit(system, { parentCode: villageCode, name: `待合并${next()}`, level: 'group', validFrom: '2020-01-01' });
      return [a.code, b.code];
    },
    async user(unit: string) {
      return (await buildUser(system, `fresh${next()}`, [{ role: 'village_cadre', orgUnitCode: unit }])).id;
    },
    freshSecondFactor,
    /**
     * Gives the principal a second factor of TEST_TOTP_SECRET with no code used yet (or, enrolled false, none), for
     * a cell that needs it; answers what puts back the world's state (ENROLLED have one, the others none).
     */
    async withSecondFactor(p: Principal, enrolled = true): Promise<() => Promise<void>> {
      if (p === 'anonymous') return async () => {};
      const id = await userIdOf(p);
      if (enrolled) await enrolBySystem(t.db, id, TEST_TOTP_SECRET);
      else await removeSecondFactor(t.db, id, USERNAMES[p]);
      return async () => {
        if (ENROLLED.has(p)) await enrolBySystem(t.db, id, TEST_TOTP_SECRET);
        else await removeSecondFactor(t.db, id, USERNAMES[p]);
      };
    },
    /** An account the deployment administrator created with a household role, waiting for a leader's approval. */
    async pendingGrant(unit: string) {
      await freshSecondFactor('admin');
      const created = await post(
        '/api/users',
        { username: `pending${next()}`, displayName: '待审批', password: 'Zw-matrix-2026', roles: [{ role: 'village_cadre', orgUnitCode: unit }] },
        cookies.admin,
      );
      return { userId: created.user.id as number, grantId: created.user.roles[0].id as number };
    },
    async cadreGroup() {
      return (await createGroup(system, { name: `临时大组${next()}`, kind: 'big' }, CODES.townA)).id;
    },
    async workLine() {
      return (await createWorkLine(system, { name: `临时条线${next()}`, leaderName: '赵六' }, CODES.townA)).id;
    },
    async indicator() {
      const key = `tmp_${next()}`;
      await post('/api/indicators', { key, name: `临时指标${sequence}`, source: HOUSEHOLD_COUNT });
      return key;
    },
    async ranking() {
      const key = `tmp_rk_${next()}`;
      await post('/api/rankings', { key, name: `临时榜${sequence}`, indicator: 'hh_count', subject: 'village', style: 'red_black' });
      return key;
    },
    async rule() {
      return (await post('/api/quality-rules', { name: `临时规则${next()}`, left: 'hh_count', operator: '>=', right: '0' })).id as number;
    },
    /** A fresh task led by the unit, moved by its township's leader: signed and up for completion, or with a delay asked for. */
    async task(
      lead: string,
      upTo: 'assigned' | 'completion_requested' | 'delay_requested' = 'assigned',
    ): Promise<{ id: number; nodeId: number; version: number; delayId?: number }> {
      const created = await freshTask(lead);
      const cookie = ownerOf(lead);
      const url = `/api/tasks/${created.id}`;
      if (upTo === 'completion_requested') {
        const signed = await t.ok('POST', `${url}/transitions`, cookie, { transition: 'sign', version: created.version });
        const asked = await t.ok('POST', `${url}/transitions`, cookie, { transition: 'request_completion', version: signed.version });
        return { ...created, version: asked.version as number };
      }
      if (upTo === 'delay_requested') {
        const asked = await t.ok('POST', `${url}/delays`, cookie, { nodeId: created.nodeId, requestedDue: '2025-03-31', reason: '汛期施工暂停' });
        return { ...created, version: asked.version as number, delayId: asked.delays[0].id as number };
      }
      return created;
    },
    /** A fresh template of township A, for a cell that deletes it. */
    async reportTemplate() {
      return reportTemplate(`tmp-${next()}`);
    },
    /** A template's current version, for an edit that must not conflict. */
    async reportTemplateVersion(key: string) {
      return (await t.ok('GET', `/api/reports/templates/${key}`, leader)).version as number;
    },
    /** A project's current version, read as its township's leader, for an edit that must not conflict. */
    async projectVersion(id: number, location: string) {
      return (await t.ok('GET', `/api/projects/${id}`, ownerOf(location))).version as number;
    },
    /** The target template of township A filled in for 川山村, as a leader would upload it. */
    async targetsFile() {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('目标值');
      sheet.addRow(['单位代码', '单位名称', '目标值']);
      sheet.addRow([CODES.v1, '川山村', 12]);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
  };
}
