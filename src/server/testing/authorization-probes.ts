// The request of each cell of the authorisation matrix (http/authorization-matrix.ts): route → case → a function
// of the principal that makes what the cell needs fresh (a record to delete, a period to approve) and answers the
// request to send. Bodies are realistic, so that an allowed principal reaches the handler and gets a 2xx.
import crypto from 'node:crypto';
import type { Principal } from '../http/authorization-matrix.js';
import { CODES, HOUSEHOLD_COUNT, PNG, REPORT_BODY, REPORT_TEMPLATES, SUPERVISION_TODAY, USERNAMES, type World } from './authorization-world.js';
import { TEST_PASSWORD } from './builders.js';
import { multipartFile, TEST_TOTP_SECRET } from './test-app.js';
import { SESSION_COOKIE } from '../app.js';
import { totpCode } from '../modules/auth/index.js';

export interface ProbeRequest {
  url: string;
  payload?: object;
  /** A raw body (multipart) with its headers. */
  raw?: { payload: Buffer; headers: Record<string, string> };
  /** Sent instead of the principal's session: a fresh one that the cell may end. */
  cookie?: string;
  /** Puts back, after the cell, what it changed that later cells need. */
  after?: (status: number) => Promise<void>;
}
export type Probe = (principal: Principal) => Promise<ProbeRequest> | ProbeRequest;
export type Probes = Record<string, Record<string, Probe>>;

const NEW_PASSWORD = 'Zw-matrix-2027';
/** Plain text under an office file's name: what the import and upload paths must refuse, after the access check. */
const NOT_A_WORKBOOK = '这不是表格文件\n';
const PERIOD = '2024';
const DAY = '20230101';
/** A library ledger per principal that may install one (each township installs a key once). */
const LIBRARY_LEDGER: Partial<Record<Principal, string>> = { leader: 'tombs', line_lead: 'channel_clearing', other_leader: 'tombs' };
const CAN_UPLOAD = new Set<Principal>(['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker', 'other_leader']);

export function buildProbes(w: World): Probes {
  const { t, cookies, records, photos, ids, supervision, reports } = w;
  const csv = (text: string) => multipartFile('区划.csv', text);
  // the deployment administrator belongs to no township and names it; everyone else works in his own
  const own = (p: Principal) => (p === 'admin' ? `?township=${CODES.townA}` : '');
  const both = (url: string): Record<string, Probe> => ({
    'township A named by code': () => ({ url: `${url}?township=${CODES.townA}` }),
    'township B named by code': () => ({ url: `${url}?township=${CODES.townB}` }),
  });
  const one = (name: string, probe: Probe): Record<string, Probe> => ({ [name]: probe });
  const inScope = 'in 川山村一组';
  const otherVillage = 'in 桥坪村';
  const units = (probe: (unit: string, village: string) => Probe): Record<string, Probe> => ({
    [inScope]: probe(CODES.g1, CODES.v1),
    [otherVillage]: probe(CODES.v3, CODES.v3),
  });
  const villages = (probe: (village: string) => Probe): Record<string, Probe> => ({ 川山村: probe(CODES.v1), 桥坪村: probe(CODES.v3) });
  const records3 = (probe: (id: number) => Probe): Record<string, Probe> => ({
    [inScope]: probe(records.g1),
    [otherVillage]: probe(records.v3),
    'in township B': probe(records.b),
  });
  const users2 = (probe: (unit: string) => Probe): Record<string, Probe> => ({
    'a cadre of 川山村': probe(CODES.v1),
    'a cadre of 桥坪村': probe(CODES.v3),
  });
  const target = (unit: string) => (unit === CODES.v1 ? ids.targetV1 : ids.targetV3);
  const recordList = (path: string): Record<string, Probe> => ({
    'all in scope': () => ({ url: path }),
    [`${inScope} (orgUnit=)`]: () => ({ url: `${path}?orgUnit=${CODES.g1}` }),
    [`${otherVillage} (orgUnit=)`]: () => ({ url: `${path}?orgUnit=${CODES.v3}` }),
    'deleted records (deleted=true)': () => ({ url: `${path}?deleted=true` }),
  });
  const importCases = (then: (key: string, id: string) => string): Record<string, Probe> => ({
    'own upload': async (p) => {
      const job = CAN_UPLOAD.has(p) ? await w.importJob(cookies[p], p === 'other_leader' ? CODES.vB : CODES.g1) : undefined;
      return { url: then('households', job?.id ?? crypto.randomUUID()) };
    },
    "the leader's upload": async () => ({ url: then('households', (await w.importJob(cookies.leader, CODES.g1)).id!) }),
  });
  const indicatorUnits = (path: string): Record<string, Probe> => ({
    [inScope]: () => ({ url: `${path}${path.includes('?') ? '&' : '?'}period=${PERIOD}&orgUnit=${CODES.g1}` }),
    [otherVillage]: () => ({ url: `${path}${path.includes('?') ? '&' : '?'}period=${PERIOD}&orgUnit=${CODES.v3}` }),
  });
  const aKey = (probe: Probe) => one("township A's", probe);
  /** A division CSV of one new village under the township, with a code no cell used before. */
  const newVillage = (township: string) => {
    const code = `${township.slice(0, 9)}2${10 + (w.next() % 90)}`;
    return { url: '/api/org-units/import', raw: csv(`code,name,level,parent_code\n${code},新村${code.slice(-3)},village,${township}\n`) };
  };
  // supervision: a task led by 川山村, one by 桥坪村, township B's; projects in the same places
  const ledV1 = 'led by 川山村';
  const ledV3 = 'led by 桥坪村';
  const inB = 'in township B';
  const leads = (probe: (lead: string) => Probe): Record<string, Probe> => ({
    [ledV1]: probe(CODES.v1),
    [ledV3]: probe(CODES.v3),
    [inB]: probe(CODES.vB),
  });
  const sharedTask = (lead: string) => (lead === CODES.v1 ? supervision.tasks.v1 : lead === CODES.v3 ? supervision.tasks.v3 : supervision.tasks.b);
  const newTask = (lead: string) => ({ title: `交办任务${w.next()}`, source: 'meeting', lead, nodes: [{ title: '完成', due: '2024-12-31' }] });
  const places = (probe: (location: string, id: number) => Probe): Record<string, Probe> => ({
    'in 川山村': probe(CODES.v1, supervision.projects.v1),
    'in 桥坪村': probe(CODES.v3, supervision.projects.v3),
    [inB]: probe(CODES.vB, supervision.projects.b),
  });
  const newProject = (location: string) => ({
    name: `新项目${w.next()}`,
    category: 'agriculture',
    location,
    leaderName: '王镇长',
    startDate: '2024-03-01',
    endDate: '2024-12-31',
  });
  // reports: a version of 川山村, of 桥坪村 and of township B
  const reportVersions = (probe: (id: number, unit: string) => Probe): Record<string, Probe> => ({
    'in 川山村': probe(reports.versions.v1, CODES.v1),
    'in 桥坪村': probe(reports.versions.v3, CODES.v3),
    [inB]: probe(reports.versions.b, CODES.vB),
  });
  const renderReport = (url: string) =>
    units((unit) => () => ({ url, payload: { body: REPORT_BODY, period: PERIOD, asOf: '2024-06-30', orgUnit: unit } }));
  const reportTemplate = (probe: Probe) => one("township A's", probe);
  const indicatorBody = (name: string) => ({ name, source: HOUSEHOLD_COUNT });
  const ownIndicator = (p: Principal) => (p === 'other_leader' ? 'b_count' : 'hh_count');
  // Granting household data, approving it and resetting such an account need a second factor proven in the last
  // minutes: the cell's principal has just proved it (the matrix runs for longer than that).
  const fresh = (cases: Record<string, Probe>): Record<string, Probe> =>
    Object.fromEntries(
      Object.entries(cases).map(([name, probe]) => [
        name,
        async (p: Principal) => {
          await w.freshSecondFactor(p);
          return probe(p);
        },
      ]),
    );
  /** A code of the principal's (temporary) second factor, with what puts the world back after the cell. */
  const withCode = async (p: Principal, url: string): Promise<ProbeRequest> => {
    const after = await w.withSecondFactor(p);
    return { url, payload: { code: totpCode(TEST_TOTP_SECRET, Date.now()) }, after: () => after() };
  };

  return {
    'GET /api/health': one('—', () => ({ url: '/api/health' })),
    'GET /api/health/ready': one('—', () => ({ url: '/api/health/ready' })),
    'GET /api/openapi.json': one('—', () => ({ url: '/api/openapi.json' })),
    'POST /api/auth/login': one('a valid username and password', () => ({
      url: '/api/auth/login',
      payload: { username: 'probe', password: TEST_PASSWORD },
    })),
    'POST /api/auth/logout': one('own session', async (p) => ({
      url: '/api/auth/logout',
      cookie: p === 'anonymous' ? '' : await t.login(USERNAMES[p], TEST_PASSWORD),
    })),
    'POST /api/auth/password': one('own session', (p) => ({
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
      after: async (status) => {
        if (status === 204) await t.ok('POST', '/api/auth/password', cookies[p], { currentPassword: NEW_PASSWORD, newPassword: TEST_PASSWORD }, 204);
      },
    })),
    'GET /api/me': one('own session', () => ({ url: '/api/me' })),
    'GET /api/auth/two-factor': one('own session', () => ({ url: '/api/auth/two-factor' })),
    'POST /api/auth/two-factor/setup': one('own session', async (p) => {
      const after = await w.withSecondFactor(p, false);
      return { url: '/api/auth/two-factor/setup', after: () => after() };
    }),
    'POST /api/auth/two-factor/confirm': one('own session', async (p) => {
      if (p === 'anonymous') return { url: '/api/auth/two-factor/confirm', payload: { code: '000000' } };
      const after = await w.withSecondFactor(p, false);
      const { secret } = await t.ok('POST', '/api/auth/two-factor/setup', cookies[p]);
      return { url: '/api/auth/two-factor/confirm', payload: { code: totpCode(secret, Date.now()) }, after: () => after() };
    }),
    'POST /api/auth/two-factor/verify': one('own login waiting for its code', async (p) => {
      if (p === 'anonymous') return { url: '/api/auth/two-factor/verify', payload: { code: '000000' }, cookie: '' };
      const request = await withCode(p, '/api/auth/two-factor/verify');
      const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: USERNAMES[p], password: TEST_PASSWORD } });
      const token = login.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
      return { ...request, cookie: `${SESSION_COOKIE}=${token}` };
    }),
    'POST /api/auth/two-factor/step-up': one('own session', (p) => withCode(p, '/api/auth/two-factor/step-up')),
    'POST /api/auth/two-factor/recovery-codes': one('own session', (p) => withCode(p, '/api/auth/two-factor/recovery-codes')),
    'DELETE /api/auth/two-factor': one('own session', (p) => withCode(p, '/api/auth/two-factor')),

    'GET /api/org-units': {
      'top units of the scope': () => ({ url: '/api/org-units' }),
      [inScope]: () => ({ url: `/api/org-units?parent=${CODES.g1}` }),
      [otherVillage]: () => ({ url: `/api/org-units?parent=${CODES.v3}` }),
    },
    'GET /api/org-units/search': one('units of the scope', () => ({ url: `/api/org-units/search?q=${encodeURIComponent('村')}` })),
    'GET /api/org-units/export': {
      [inScope]: () => ({ url: `/api/org-units/export?parent=${CODES.g1}` }),
      [otherVillage]: () => ({ url: `/api/org-units/export?parent=${CODES.v3}` }),
    },
    'GET /api/org-units/:code': {
      [inScope]: () => ({ url: `/api/org-units/${CODES.g1}` }),
      [otherVillage]: () => ({ url: `/api/org-units/${CODES.v3}` }),
    },
    'GET /api/org-units/merge-progress': both('/api/org-units/merge-progress'),
    'GET /api/org-units/merge-progress/export': both('/api/org-units/merge-progress/export'),
    'POST /api/org-units': {
      [inScope]: () => ({
        url: '/api/org-units',
        payload: { parentCode: CODES.g1, name: `网格${w.next()}`, level: 'grid', validFrom: '2020-01-01' },
      }),
      [otherVillage]: () => ({
        url: '/api/org-units',
        payload: { parentCode: CODES.v3, name: `新组${w.next()}`, level: 'group', validFrom: '2020-01-01' },
      }),
    },
    'PATCH /api/org-units/:code': {
      [inScope]: () => ({ url: `/api/org-units/${CODES.g1}`, payload: { name: '一组' } }),
      [otherVillage]: () => ({ url: `/api/org-units/${CODES.v3}`, payload: { name: '桥坪村' } }),
    },
    'POST /api/org-units/:code/move': {
      [inScope]: async () => ({ url: `/api/org-units/${await w.grid(CODES.g1)}/move`, payload: { parentCode: CODES.v1 } }),
      [otherVillage]: async () => ({ url: `/api/org-units/${await w.grid(CODES.g3)}/move`, payload: { parentCode: CODES.v3 } }),
      'a grid of 川山村一组 to 桥坪村': async () => ({ url: `/api/org-units/${await w.grid(CODES.g1)}/move`, payload: { parentCode: CODES.v3 } }),
    },
    'POST /api/org-units/:code/close': {
      [inScope]: async () => ({ url: `/api/org-units/${await w.grid(CODES.g1)}/close`, payload: { date: '2024-01-01' } }),
      [otherVillage]: async () => ({ url: `/api/org-units/${await w.grid(CODES.g3)}/close`, payload: { date: '2024-01-01' } }),
    },
    'PUT /api/org-units/:code/merge-plan': villages((code) => () => ({ url: `/api/org-units/${code}/merge-plan`, payload: { plannedGroups: 3 } })),
    'POST /api/org-units/merge': units((_unit, village) => async () => ({
      url: '/api/org-units/merge',
      payload: { groupCodes: await w.groups(village), name: `合并组${w.next()}`, date: '2024-01-01' },
    })),
    'POST /api/org-units/import': {
      'a new village of township A': () => newVillage(CODES.townA),
      'a new village of township B': () => newVillage(CODES.townB),
      'a file that is not CSV': () => ({ url: '/api/org-units/import', raw: multipartFile('区划.txt', `code,name,level,parent_code\n`) }),
    },

    'GET /api/users': one('users of the scope', () => ({ url: '/api/users' })),
    'GET /api/users/export': one('users of the scope', () => ({ url: '/api/users/export' })),
    'GET /api/users/pending-grants': one('grants of the scope', () => ({ url: '/api/users/pending-grants' })),
    'GET /api/users/:id': users2((unit) => () => ({ url: `/api/users/${target(unit)}` })),
    'POST /api/users': fresh(
      users2((unit) => () => ({
        url: '/api/users',
        payload: {
          username: `new${w.next()}`,
          displayName: '新账号',
          password: 'Zw-matrix-2026',
          roles: [{ role: 'village_cadre', orgUnitCode: unit }],
        },
      })),
    ),
    'PATCH /api/users/:id': fresh({
      ...users2((unit) => () => ({ url: `/api/users/${target(unit)}`, payload: { displayName: unit === CODES.v1 ? '川山村目标' : '桥坪村目标' } })),
      'a cadre of 川山村, given a role in 桥坪村': async () => ({
        url: `/api/users/${await w.user(CODES.v1)}`,
        payload: { roles: [{ role: 'village_cadre', orgUnitCode: CODES.v3 }] },
      }),
    }),
    'POST /api/users/:id/reset-password': fresh(users2((unit) => async () => ({ url: `/api/users/${await w.user(unit)}/reset-password` }))),
    'POST /api/users/:id/disable': users2((unit) => async () => ({ url: `/api/users/${await w.user(unit)}/disable` })),
    'POST /api/users/:id/enable': users2((unit) => () => ({ url: `/api/users/${target(unit)}/enable` })),
    'POST /api/users/:id/revoke-sessions': users2((unit) => () => ({ url: `/api/users/${target(unit)}/revoke-sessions` })),
    'POST /api/users/:id/reset-two-factor': fresh(users2((unit) => async () => ({ url: `/api/users/${await w.user(unit)}/reset-two-factor` }))),
    'POST /api/users/:id/roles/:roleId/approve': fresh(
      one('a pending grant on 川山村', async () => {
        const { userId, grantId } = await w.pendingGrant(CODES.v1);
        return { url: `/api/users/${userId}/roles/${grantId}/approve` };
      }),
    ),

    'GET /api/audit': one('entries of the scope', () => ({ url: '/api/audit?pageSize=50' })),
    'GET /api/audit/export': one('entries of the scope', () => ({ url: '/api/audit/export' })),
    'POST /api/system/backups': one('a deployment of two townships', () => ({ url: '/api/system/backups' })),

    'GET /api/cadre-groups': both('/api/cadre-groups'),
    'GET /api/cadre-groups/export': both('/api/cadre-groups/export'),
    'POST /api/cadre-groups': {
      'township A named by code': () => ({ url: `/api/cadre-groups?township=${CODES.townA}`, payload: { name: `大组${w.next()}`, kind: 'big' } }),
      'township B named by code': () => ({ url: `/api/cadre-groups?township=${CODES.townB}`, payload: { name: `大组${w.next()}`, kind: 'big' } }),
    },
    'PATCH /api/cadre-groups/:id': aKey((p) => ({ url: `/api/cadre-groups/${ids.targetGroup}${own(p)}`, payload: { name: '目标小组' } })),
    'DELETE /api/cadre-groups/:id': aKey(async (p) => ({ url: `/api/cadre-groups/${await w.cadreGroup()}${own(p)}` })),
    'PUT /api/cadre-groups/:id/members': aKey((p) => ({
      url: `/api/cadre-groups/${ids.targetGroup}/members${own(p)}`,
      payload: { members: [{ name: '张三', position: '副镇长', isLeader: true }] },
    })),
    'PUT /api/cadre-groups/:id/villages': aKey((p) => ({
      url: `/api/cadre-groups/${ids.targetGroup}/villages${own(p)}`,
      payload: { villageCodes: [CODES.v3] },
    })),
    'GET /api/work-lines': both('/api/work-lines'),
    'POST /api/work-lines': {
      'township A named by code': () => ({
        url: `/api/work-lines?township=${CODES.townA}`,
        payload: { name: `条线${w.next()}`, leaderName: '王五' },
      }),
      'township B named by code': () => ({
        url: `/api/work-lines?township=${CODES.townB}`,
        payload: { name: `条线${w.next()}`, leaderName: '王五' },
      }),
    },
    'PATCH /api/work-lines/:id': aKey((p) => ({ url: `/api/work-lines/${ids.workLine}${own(p)}`, payload: { leaderName: '王五' } })),
    'DELETE /api/work-lines/:id': aKey(async (p) => ({ url: `/api/work-lines/${await w.workLine()}${own(p)}` })),

    'GET /api/ledgers': one('ledgers of the township', () => ({ url: '/api/ledgers' })),
    'POST /api/ledgers': one('a new ledger', () => ({
      url: '/api/ledgers',
      payload: { key: `new_${w.next()}`, name: `新台账${w.next()}`, kind: 'register', fields: [{ key: 'a', label: '甲', type: 'text' }] },
    })),
    'GET /api/ledger-library': one('the library', () => ({ url: '/api/ledger-library' })),
    'POST /api/ledger-library/install': one('a library ledger', (p) => ({
      url: '/api/ledger-library/install',
      payload: { keys: [LIBRARY_LEDGER[p] ?? 'forest_planting'] },
    })),
    'GET /api/ledgers/:key': aKey(() => ({ url: '/api/ledgers/hazards' })),
    'PUT /api/ledgers/:key/fields': aKey(() => ({ url: '/api/ledgers/defs/fields', payload: { fields: [{ key: 'a', label: '甲', type: 'text' }] } })),
    'PUT /api/ledgers/:key/workflow': aKey(() => ({ url: '/api/ledgers/defs/workflow', payload: { workflow: null } })),
    'GET /api/ledgers/:key/template.xlsx': one('the household ledger', () => ({ url: '/api/ledgers/households/template.xlsx' })),

    'GET /api/ledgers/:key/periods/:period': aKey(() => ({ url: `/api/ledgers/doses/periods/${DAY}` })),
    'PUT /api/ledgers/:key/periods/:period': villages((code) => () => ({
      url: `/api/ledgers/doses/periods/${w.freshDay()}`,
      payload: { rows: [{ orgUnit: code, values: { first: 5 } }] },
    })),
    'GET /api/ledgers/:key/submissions/:period': aKey(() => ({ url: `/api/ledgers/doses/submissions/${DAY}` })),
    'POST /api/ledgers/:key/submissions/:period/submit': villages((code) => async () => ({
      url: `/api/ledgers/doses/submissions/${await w.period(code, 'entered')}/submit`,
      payload: { orgUnit: code },
    })),
    'POST /api/ledgers/:key/submissions/:period/approve': villages((code) => async () => ({
      url: `/api/ledgers/doses/submissions/${await w.period(code, 'submitted')}/approve`,
      payload: { orgUnits: [code] },
    })),
    'POST /api/ledgers/:key/submissions/:period/return': villages((code) => async () => ({
      url: `/api/ledgers/doses/submissions/${await w.period(code, 'submitted')}/return`,
      payload: { orgUnit: code, reason: '数字有误' },
    })),
    'POST /api/ledgers/:key/submissions/:period/unlock': villages((code) => async () => ({
      url: `/api/ledgers/doses/submissions/${await w.period(code, 'approved')}/unlock`,
      payload: { orgUnit: code, reason: '需要更正' },
    })),
    'GET /api/submissions/overdue': one('the township', () => ({ url: '/api/submissions/overdue' })),

    'GET /api/ledgers/:key/records': recordList('/api/ledgers/households/records'),
    'GET /api/ledgers/:key/records.xlsx': recordList('/api/ledgers/households/records.xlsx'),
    'POST /api/ledgers/:key/records': units((unit) => () => ({
      url: '/api/ledgers/households/records',
      payload: { orgUnit: unit, values: { name: `户主${w.next()}`, idcard: w.idCard(), members: 3 } },
    })),
    'GET /api/ledgers/:key/records/:id': records3((id) => () => ({ url: `/api/ledgers/households/records/${id}` })),
    'GET /api/ledgers/:key/records/:id/history': records3((id) => () => ({ url: `/api/ledgers/households/records/${id}/history` })),
    'PATCH /api/ledgers/:key/records/:id': records3((id) => async () => ({
      url: `/api/ledgers/households/records/${id}`,
      payload: { version: await w.version(id), values: { members: 4 } },
    })),
    'DELETE /api/ledgers/:key/records/:id': units((unit) => async () => ({ url: `/api/ledgers/households/records/${await w.household(unit)}` })),
    'POST /api/ledgers/:key/records/:id/transition': units((unit) => async () => ({
      url: `/api/ledgers/hazards/records/${await w.hazard(unit)}/transition`,
      payload: { version: 1, to: 'rectifying' },
    })),
    'POST /api/ledgers/:key/records/:id/restore': units((unit) => async () => ({
      url: `/api/ledgers/households/records/${await w.deletedHousehold(unit)}/restore`,
    })),
    'POST /api/ledgers/:key/imports': {
      ...units((unit) => () => ({
        url: '/api/ledgers/households/imports',
        raw: multipartFile('户.csv', `组织单元,户主姓名*,身份证号码*\n${unit},导入户${w.next()},${w.idCard()}\n`),
      })),
      'a file that is neither xlsx nor csv': () => ({ url: '/api/ledgers/households/imports', raw: multipartFile('户.docx', NOT_A_WORKBOOK) }),
    },
    'GET /api/ledgers/:key/imports/:id': importCases((key, id) => `/api/ledgers/${key}/imports/${id}`),
    'POST /api/ledgers/:key/imports/:id/commit': importCases((key, id) => `/api/ledgers/${key}/imports/${id}/commit`),

    'GET /api/indicators': one('indicators of the township', () => ({ url: '/api/indicators' })),
    'POST /api/indicators': one('a new indicator', () => ({
      url: '/api/indicators',
      payload: { key: `new_${w.next()}`, ...indicatorBody('新指标') },
    })),
    'GET /api/indicator-library': one('the library', () => ({ url: '/api/indicator-library' })),
    'POST /api/indicator-library/install': one('library indicators', () => ({ url: '/api/indicator-library/install', payload: { keys: [] } })),
    'POST /api/indicators/preview': one('a draft definition', () => ({
      url: '/api/indicators/preview',
      payload: { source: HOUSEHOLD_COUNT, period: PERIOD },
    })),
    'GET /api/indicators/values': indicatorUnits('/api/indicators/values?keys=hh_count'),
    'GET /api/indicators/:key': aKey(() => ({ url: '/api/indicators/hh_count' })),
    'PUT /api/indicators/:key': aKey(() => ({ url: '/api/indicators/hh_count', payload: indicatorBody('监测户数') })),
    'DELETE /api/indicators/:key': aKey(async () => ({ url: `/api/indicators/${await w.indicator()}` })),
    'GET /api/indicators/:key/explain': indicatorUnits('/api/indicators/hh_count/explain'),
    'GET /api/indicators/:key/explain.xlsx': indicatorUnits('/api/indicators/hh_count/explain.xlsx'),
    'GET /api/indicators/:key/targets': aKey(() => ({ url: `/api/indicators/hh_count/targets?period=${PERIOD}` })),
    'PUT /api/indicators/:key/targets/:period': aKey(() => ({
      url: `/api/indicators/hh_count/targets/${PERIOD}`,
      payload: { items: [{ orgUnit: CODES.v1, value: 10 }] },
    })),
    'GET /api/indicators/:key/targets/:period/template.xlsx': aKey(() => ({ url: `/api/indicators/hh_count/targets/${PERIOD}/template.xlsx` })),
    'POST /api/indicators/:key/targets/:period/import': {
      ...aKey(async () => ({ url: `/api/indicators/hh_count/targets/${PERIOD}/import`, raw: multipartFile('目标值.xlsx', await w.targetsFile()) })),
      'a file that is not xlsx': () => ({
        url: `/api/indicators/hh_count/targets/${PERIOD}/import`,
        raw: multipartFile('目标值.xlsx', NOT_A_WORKBOOK),
      }),
    },

    'GET /api/rankings': one('rankings of the township', () => ({ url: '/api/rankings' })),
    'POST /api/rankings': one('a new ranking', (p) => ({
      url: '/api/rankings',
      payload: { key: `new_rk_${w.next()}`, name: `新榜${w.next()}`, indicator: ownIndicator(p), subject: 'village', style: 'dragon_tiger' },
    })),
    'PUT /api/rankings/:key': aKey(() => ({
      url: '/api/rankings/rk',
      payload: { name: '监测户榜', indicator: 'hh_count', subject: 'village', style: 'dragon_tiger' },
    })),
    'DELETE /api/rankings/:key': aKey(async () => ({ url: `/api/rankings/${await w.ranking()}` })),
    'GET /api/rankings/:key/board': aKey(() => ({ url: `/api/rankings/rk/board?period=${PERIOD}` })),
    'GET /api/rankings/:key/board.xlsx': aKey(() => ({ url: `/api/rankings/rk/board.xlsx?period=${PERIOD}` })),
    'GET /api/quality-rules': one('rules of the township', () => ({ url: '/api/quality-rules' })),
    'POST /api/quality-rules': one('a new rule', (p) => ({
      url: '/api/quality-rules',
      payload: { name: `新规则${w.next()}`, left: ownIndicator(p), operator: '>=', right: '0' },
    })),
    'PUT /api/quality-rules/:id': aKey(() => ({
      url: `/api/quality-rules/${ids.rule}`,
      payload: { name: '户数不为负', left: 'hh_count', operator: '>=', right: '0' },
    })),
    'DELETE /api/quality-rules/:id': aKey(async () => ({ url: `/api/quality-rules/${await w.rule()}` })),
    'GET /api/quality-rules/violations': one('the township', () => ({ url: `/api/quality-rules/violations?period=${PERIOD}` })),

    'POST /api/attachments': {
      'an image': () => ({ url: '/api/attachments', raw: multipartFile('现场.png', PNG) }),
      'a file that is not an image or PDF': () => ({ url: '/api/attachments', raw: multipartFile('说明.txt', NOT_A_WORKBOOK) }),
    },
    'GET /api/attachments/:id': {
      [`photo of a record ${inScope}`]: () => ({ url: `/api/attachments/${photos.g1}` }),
      [`photo of a record ${otherVillage}`]: () => ({ url: `/api/attachments/${photos.v3}` }),
      'a file the leader uploaded, not attached yet': () => ({ url: `/api/attachments/${photos.loose}` }),
    },

    'GET /api/tasks': both('/api/tasks'),
    'GET /api/tasks/export': both('/api/tasks/export'),
    'POST /api/tasks': {
      [ledV1]: (p) => ({ url: `/api/tasks${own(p)}`, payload: newTask(CODES.v1) }),
      [ledV3]: (p) => ({ url: `/api/tasks${own(p)}`, payload: newTask(CODES.v3) }),
      '到各村: 川山村 and 桥坪村': (p) => ({
        url: `/api/tasks${own(p)}`,
        payload: { ...newTask(CODES.v1), lead: undefined, villages: [CODES.v1, CODES.v3] },
      }),
    },
    'GET /api/tasks/:id': leads((lead) => (p) => ({ url: `/api/tasks/${sharedTask(lead)}${own(p)}` })),
    'POST /api/tasks/:id/transitions': {
      ...Object.fromEntries(
        Object.entries(
          leads((lead) => async (p) => {
            const task = await w.task(lead);
            return { url: `/api/tasks/${task.id}/transitions${own(p)}`, payload: { transition: 'sign', version: task.version } };
          }),
        ).map(([name, probe]) => [`sign, ${name}`, probe]),
      ),
      ...Object.fromEntries(
        [ledV1, ledV3].map((name) => [
          `approve completion, ${name}`,
          async (p: Principal) => {
            const task = await w.task(name === ledV1 ? CODES.v1 : CODES.v3, 'completion_requested');
            return {
              url: `/api/tasks/${task.id}/transitions${own(p)}`,
              payload: { transition: 'approve_completion', version: task.version, note: '同意办结' },
            };
          },
        ]),
      ),
    },
    'POST /api/tasks/:id/updates': leads((lead) => (p) => ({
      url: `/api/tasks/${sharedTask(lead)}/updates${own(p)}`,
      payload: { body: '已完成入户走访' },
    })),
    'POST /api/tasks/:id/delays': leads((lead) => async (p) => {
      const task = await w.task(lead);
      return { url: `/api/tasks/${task.id}/delays${own(p)}`, payload: { nodeId: task.nodeId, requestedDue: '2025-01-31', reason: '材料未齐' } };
    }),
    'POST /api/tasks/:id/delays/:delayId/decision': leads((lead) => async (p) => {
      const task = await w.task(lead, 'delay_requested');
      return { url: `/api/tasks/${task.id}/delays/${task.delayId}/decision${own(p)}`, payload: { approve: true, note: '同意延期' } };
    }),

    'GET /api/goals': both('/api/goals'),
    'GET /api/goals/export': both('/api/goals/export'),
    'POST /api/goals': {
      'township A named by code': () => ({
        url: `/api/goals?township=${CODES.townA}`,
        payload: { year: 2024, title: `重点工作${w.next()}`, kind: 'problem', ownerName: '李书记' },
      }),
      'township B named by code': () => ({
        url: `/api/goals?township=${CODES.townB}`,
        payload: { year: 2024, title: `重点工作${w.next()}`, kind: 'problem', ownerName: '李书记' },
      }),
    },
    'GET /api/goals/:id': {
      "township A's": (p) => ({ url: `/api/goals/${supervision.goals.a}${own(p)}` }),
      [inB]: (p) => ({ url: `/api/goals/${supervision.goals.b}${own(p)}` }),
    },
    'PATCH /api/goals/:id': {
      "township A's": (p) => ({ url: `/api/goals/${supervision.goals.a}${own(p)}`, payload: { targetText: '全年完成' } }),
      [inB]: (p) => ({ url: `/api/goals/${supervision.goals.b}${own(p)}`, payload: { targetText: '全年完成' } }),
    },

    'GET /api/projects': both('/api/projects'),
    'GET /api/projects/board': both('/api/projects/board'),
    'GET /api/tasks/group-board': both('/api/tasks/group-board'),
    'GET /api/tasks/assigners': both('/api/tasks/assigners'),
    'GET /api/projects/export': both('/api/projects/export'),
    'POST /api/projects': {
      'in 川山村': (p) => ({ url: `/api/projects${own(p)}`, payload: newProject(CODES.v1) }),
      'in 桥坪村': (p) => ({ url: `/api/projects${own(p)}`, payload: newProject(CODES.v3) }),
    },
    'GET /api/projects/:id': places((_location, id) => (p) => ({ url: `/api/projects/${id}${own(p)}` })),
    'PATCH /api/projects/:id': {
      'in 川山村': async (p) => ({
        url: `/api/projects/${supervision.projects.v1}${own(p)}`,
        payload: { version: await w.projectVersion(supervision.projects.v1, CODES.v1), description: '道路硬化' },
      }),
      [inB]: async (p) => ({
        url: `/api/projects/${supervision.projects.b}${own(p)}`,
        payload: { version: await w.projectVersion(supervision.projects.b, CODES.vB), description: '道路硬化' },
      }),
    },
    'POST /api/projects/:id/updates': places((_location, id) => (p) => ({
      url: `/api/projects/${id}/updates${own(p)}`,
      payload: { body: '主体工程完成过半', completedInvestment: 50 },
    })),

    'POST /api/reports/render': renderReport('/api/reports/render'),
    'POST /api/reports/preview': renderReport('/api/reports/preview'),
    'GET /api/reports/templates': one('templates of the township', () => ({ url: '/api/reports/templates' })),
    'POST /api/reports/templates': one('a new template', () => ({
      url: '/api/reports/templates',
      payload: { key: `new-${w.next()}`, name: `新模板${w.next()}`, body: REPORT_BODY },
    })),
    'GET /api/reports/templates/:key': reportTemplate(() => ({ url: `/api/reports/templates/${REPORT_TEMPLATES.a}` })),
    'PUT /api/reports/templates/:key': reportTemplate(async () => ({
      url: `/api/reports/templates/${REPORT_TEMPLATES.a}`,
      payload: { version: await w.reportTemplateVersion(REPORT_TEMPLATES.a), name: '工作汇报', body: REPORT_BODY },
    })),
    'DELETE /api/reports/templates/:key': reportTemplate(async () => ({ url: `/api/reports/templates/${await w.reportTemplate()}` })),
    'GET /api/reports/profile': one("the township's profile", () => ({ url: '/api/reports/profile' })),
    'PUT /api/reports/profile': one("the township's profile", () => ({ url: '/api/reports/profile', payload: { goal: '争先进位' } })),
    'GET /api/reports/versions': one('versions of the scope', () => ({ url: '/api/reports/versions' })),
    'POST /api/reports/versions': units((unit) => () => ({
      url: '/api/reports/versions',
      payload: { template: REPORT_TEMPLATES.a, period: PERIOD, orgUnit: unit },
    })),
    'GET /api/reports/versions/:id': reportVersions((id) => () => ({ url: `/api/reports/versions/${id}` })),
    'GET /api/reports/versions/:id/file': reportVersions((id) => () => ({ url: `/api/reports/versions/${id}/file?format=docx` })),
    // a fresh version per cell: a final one cannot be finalised again
    'POST /api/reports/versions/:id/finalize': reportVersions((_id, unit) => async () => ({
      url: `/api/reports/versions/${await w.reportVersion(unit)}/finalize`,
    })),
    'GET /api/reports/versions/:id/compare': reportVersions((id) => () => ({ url: `/api/reports/versions/${id}/compare` })),
    'POST /api/reports/suggestions': one("a past report's text", () => ({ url: '/api/reports/suggestions', payload: { text: '共流转土地*亩。' } })),
    'POST /api/reports/suggestions/upload': {
      'a .txt report': () => ({ url: '/api/reports/suggestions/upload', raw: multipartFile('上半年工作汇报.txt', '共流转土地*亩。\n') }),
      'a file that is not a Word document': () => ({
        url: '/api/reports/suggestions/upload',
        raw: multipartFile('上半年工作汇报.docx', NOT_A_WORKBOOK),
      }),
    },
    'POST /api/reports/notices': one("the township's daily notice", (p) => ({
      url: '/api/reports/notices',
      payload: { indicator: ownIndicator(p), asOf: SUPERVISION_TODAY },
    })),

    'GET /api/township-clock': both('/api/township-clock'),
    'PUT /api/township-clock': {
      // the date the world fixed: the cell changes nothing that later cells read
      'township A named by code': () => ({ url: `/api/township-clock?township=${CODES.townA}`, payload: { today: SUPERVISION_TODAY } }),
      'township B named by code': () => ({ url: `/api/township-clock?township=${CODES.townB}`, payload: { today: SUPERVISION_TODAY } }),
    },
    'GET /api/notifications': one('own session', () => ({ url: '/api/notifications' })),
    'POST /api/notifications/read': one('own session', () => ({ url: '/api/notifications/read', payload: { all: true } })),
    'GET /api/notification-channels': both('/api/notification-channels'),
    'PUT /api/notification-channels': {
      // no channel: the cell configures nothing that sends
      'township A named by code': () => ({ url: `/api/notification-channels?township=${CODES.townA}`, payload: { channels: [] } }),
      'township B named by code': () => ({ url: `/api/notification-channels?township=${CODES.townB}`, payload: { channels: [] } }),
    },
  };
}
