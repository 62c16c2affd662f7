// The route-level authorisation matrix: for every route the app registers, and for each target it can name (a
// unit in or out of the user's scope, another township's record), what each kind of user gets. The test
// (authorization-matrix.routes.test.ts) fails on a route missing here, on an entry whose route is gone, and on
// any cell the server answers otherwise. A new route enters this table the day it is written.
//
// The principals (DESIGN.md §2, policy.ts RULES), in two townships of one county:
//   anonymous      no session
//   admin          管理员 of the whole deployment (no township)
//   village_admin  管理员 bound to 川山村 (township A)
//   leader         镇领导 of 川山坪镇 (township A)
//   line_lead      条线负责人 of township A
//   viewer         查看 of township A
//   group_leader   组长 whose small group covers 川山村 and 燕塘村
//   village_cadre  村干部 of 川山村
//   grid_worker    网格员 of 川山村一组 (a villager group of 川山村)
//   other_leader   镇领导 of 白水镇 (township B), probing township A's ids and codes
// "In scope" targets live in 川山村一组 (inside every township-A scope above); "another village" is 桥坪村.
//
// Outcomes: ok = 2xx; invalid = 400/413/415 for a bad input, after the access check let the principal through
// (the import paths are asked with an unreadable file too: the check must come before the file is read);
// deny = 403; hidden = 404 (another township's id is as unknown as a missing one); refused = the answer refuses
// the target in its body (400, or an import preview whose rows are refused) and stores nothing, as batch writes
// list every refused row; unauth = 401. Unlisted principals are denied; anonymous is unauth unless public.

export const PRINCIPALS = [
  'anonymous',
  'admin',
  'village_admin',
  'leader',
  'line_lead',
  'viewer',
  'group_leader',
  'village_cadre',
  'grid_worker',
  'other_leader',
] as const;
export type Principal = (typeof PRINCIPALS)[number];
export type Outcome = 'ok' | 'invalid' | 'deny' | 'hidden' | 'refused' | 'unauth';

export interface CaseSpec {
  /** Reachable without a session: anonymous is answered as everyone else is. */
  public?: boolean;
  ok?: readonly Principal[];
  invalid?: readonly Principal[];
  hidden?: readonly Principal[];
  refused?: readonly Principal[];
}
/** A route's cases, by the target they name. */
export type RouteSpec = Record<string, CaseSpec>;

const EVERYONE: Principal[] = PRINCIPALS.filter((p) => p !== 'anonymous');
// township A's users who read ledgers and indicators; + other_leader where the route reads his own township
const READERS: Principal[] = ['leader', 'line_lead', 'viewer', 'group_leader', 'village_cadre', 'grid_worker'];
const READERS_AB: Principal[] = [...READERS, 'other_leader'];
const WRITERS: Principal[] = ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker'];
const TOWNSHIP_WIDE: Principal[] = ['leader', 'line_lead', 'viewer'];
const DEFINERS: Principal[] = ['leader', 'line_lead'];
const DEFINERS_AB: Principal[] = [...DEFINERS, 'other_leader'];
const ORG_READERS_G1: Principal[] = ['admin', 'village_admin', ...READERS];
const ORG_READERS_V3: Principal[] = ['admin', ...TOWNSHIP_WIDE];
const ORG_WRITERS_V1: Principal[] = ['admin', 'village_admin', 'leader'];
const ORG_WRITERS_V3: Principal[] = ['admin', 'leader'];
const CADRE_READERS_A: Principal[] = ['admin', 'village_admin', ...READERS];

const PUBLIC: RouteSpec = { '—': { public: true, ok: PRINCIPALS } };
const SELF: RouteSpec = { 'own session': { ok: EVERYONE } };
const IN_SCOPE = 'in 川山村一组';
const OTHER_VILLAGE = 'in 桥坪村';
/** A unit of township A by code: read in and out of the user's scope. */
const orgRead: RouteSpec = { [IN_SCOPE]: { ok: ORG_READERS_G1 }, [OTHER_VILLAGE]: { ok: ORG_READERS_V3 } };
const orgWrite: RouteSpec = { [IN_SCOPE]: { ok: ORG_WRITERS_V1 }, [OTHER_VILLAGE]: { ok: ORG_WRITERS_V3 } };
const byTownshipCode = (a: readonly Principal[]): RouteSpec => ({
  'township A named by code': { ok: a },
  'township B named by code': { ok: ['admin', 'other_leader'] },
});
const manageUser: RouteSpec = { 'a cadre of 川山村': { ok: ['admin', 'village_admin'] }, 'a cadre of 桥坪村': { ok: ['admin'] } };
// township A's cadre group or work line by id: another township's is as unknown as a missing one
const cadreItem: RouteSpec = { "township A's": { ok: ['admin', 'leader'], hidden: ['other_leader'] } };
// a record of township A by id; township B has a ledger with the same key, so only the record's township hides it
const recordRead: RouteSpec = {
  [IN_SCOPE]: { ok: READERS, hidden: ['other_leader'] },
  [OTHER_VILLAGE]: { ok: TOWNSHIP_WIDE, hidden: ['other_leader'] },
};
const recordWrite: RouteSpec = { [IN_SCOPE]: { ok: WRITERS, hidden: ['other_leader'] }, [OTHER_VILLAGE]: { ok: DEFINERS, hidden: ['other_leader'] } };
// and the other way round: township B's record, asked for by township A's users
const IN_B = 'in township B';
const recordReadB: RouteSpec = { ...recordRead, [IN_B]: { ok: ['other_leader'], hidden: READERS } };
const recordWriteB: RouteSpec = { ...recordWrite, [IN_B]: { ok: ['other_leader'], hidden: WRITERS } };
const recordList: RouteSpec = {
  'all in scope': { ok: READERS_AB },
  [`${IN_SCOPE} (orgUnit=)`]: { ok: READERS, hidden: ['other_leader'] },
  [`${OTHER_VILLAGE} (orgUnit=)`]: { ok: TOWNSHIP_WIDE, hidden: ['other_leader'] },
  'deleted records (deleted=true)': { ok: ['leader', 'other_leader'] },
};
// township A's own definitions by key (ledger, indicator, ranking, rule): township B has none of these keys
const aKeyRead: RouteSpec = { "township A's": { ok: READERS, hidden: ['other_leader'] } };
const aKeyDefine: RouteSpec = { "township A's": { ok: DEFINERS, hidden: ['other_leader'] } };
const periodApprove: RouteSpec = { 川山村: { ok: DEFINERS, hidden: ['other_leader'] }, 桥坪村: { ok: DEFINERS, hidden: ['other_leader'] } };
const indicatorUnit: RouteSpec = { [IN_SCOPE]: { ok: READERS }, [OTHER_VILLAGE]: { ok: TOWNSHIP_WIDE } };
const importJob: RouteSpec = {
  // A job belongs to its uploader: anyone else's is unknown. Those who cannot upload name a random job id.
  'own upload': { ok: [...WRITERS, 'other_leader'], hidden: ['admin', 'village_admin', 'viewer'] },
  "the leader's upload": { ok: ['leader'], hidden: EVERYONE.filter((p) => p !== 'leader') },
};

// Supervision (督办). A task is read in its lead unit's subtree (task.read covers): a village's cadres and its group
// leader read its tasks, not another village's; the grid worker's scope (a villager group) leads no task. Its
// handlers (task.handle over the lead unit) sign it, report and ask for delays; its assigners (task.assign: the
// township's leaders and work-line leads) approve completion and decide delays. Township B's ids are unknown in A.
const LED_V1 = 'led by 川山村';
const LED_V3 = 'led by 桥坪村';
const TASK_READERS_V1: Principal[] = ['leader', 'line_lead', 'viewer', 'group_leader', 'village_cadre'];
const HANDLERS_V1: Principal[] = ['leader', 'line_lead', 'group_leader', 'village_cadre'];
const taskRead: RouteSpec = {
  [LED_V1]: { ok: TASK_READERS_V1, hidden: ['other_leader'] },
  [LED_V3]: { ok: TOWNSHIP_WIDE, hidden: ['other_leader'] },
  [IN_B]: { ok: ['other_leader'], hidden: READERS },
};
// the viewer holds no task.handle: refused before the task is looked up, in either township
const taskHandle: RouteSpec = {
  [LED_V1]: { ok: HANDLERS_V1, hidden: ['other_leader'] },
  [LED_V3]: { ok: DEFINERS, hidden: ['other_leader'] },
  [IN_B]: { ok: ['other_leader'], hidden: WRITERS },
};
const taskCreate: RouteSpec = {
  [LED_V1]: { ok: DEFINERS, refused: ['other_leader'] },
  [LED_V3]: { ok: DEFINERS, refused: ['other_leader'] },
  '到各村: 川山村 and 桥坪村': { ok: DEFINERS, refused: ['other_leader'] },
};
/** A township-wide read or write, each township asked for by code: the deployment administrator holds neither. */
const inTownships = (a: readonly Principal[], b: readonly Principal[]): RouteSpec => ({
  'township A named by code': { ok: a },
  'township B named by code': { ok: b },
});
// Goals and projects are published to the whole township (project.read overlaps); a project's progress comes from
// its village (project.report covers its location).
const IN_V1 = 'in 川山村';
const IN_V3 = 'in 桥坪村';
const projectRead: RouteSpec = {
  [IN_V1]: { ok: READERS, hidden: ['other_leader'] },
  [IN_V3]: { ok: READERS, hidden: ['other_leader'] },
  [IN_B]: { ok: ['other_leader'], hidden: READERS },
};

// Reports (报告) are read in the user's own township (report.read covers): a village's cadres and its group leader
// render and read their villages' reports, a viewer reads, the grid worker and the administrators hold no report
// role. Templates and the profile are township configuration (report.define); saving a version needs
// report.generate over its unit, 定稿 a leader's report.finalize. Another township's unit or version is unknown.
const REPORT_READERS: Principal[] = ['leader', 'line_lead', 'viewer', 'group_leader', 'village_cadre'];
const REPORT_GENERATORS_V1: Principal[] = ['leader', 'line_lead', 'group_leader', 'village_cadre'];
const reportUnit: RouteSpec = {
  [IN_SCOPE]: { ok: REPORT_READERS, hidden: ['other_leader'] },
  [OTHER_VILLAGE]: { ok: TOWNSHIP_WIDE, hidden: ['other_leader'] },
};
const reportVersion = (v1: readonly Principal[], v3: readonly Principal[], b: readonly Principal[] = ['other_leader']): RouteSpec => ({
  [IN_V1]: { ok: v1, hidden: ['other_leader'] },
  [IN_V3]: { ok: v3, hidden: ['other_leader'] },
  [IN_B]: { ok: b, hidden: REPORT_READERS },
});
const reportTemplate = (a: readonly Principal[]): RouteSpec => ({ "township A's": { ok: a, hidden: ['other_leader'] } });

export const MATRIX: Record<string, RouteSpec> = {
  'GET /api/health': PUBLIC,
  'GET /api/health/ready': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'POST /api/auth/login': { 'a valid username and password': { public: true, ok: PRINCIPALS } },
  'POST /api/auth/logout': SELF,
  'POST /api/auth/password': SELF,
  'GET /api/me': SELF,
  'GET /api/auth/two-factor': SELF,
  'POST /api/auth/two-factor/setup': SELF,
  'POST /api/auth/two-factor/confirm': SELF,
  'POST /api/auth/two-factor/verify': { 'own login waiting for its code': { ok: EVERYONE } },
  'POST /api/auth/two-factor/step-up': SELF,
  'POST /api/auth/two-factor/recovery-codes': SELF,
  // administrators must keep their second factor
  'DELETE /api/auth/two-factor': { 'own session': { ok: EVERYONE.filter((p) => p !== 'admin' && p !== 'village_admin') } },

  'GET /api/org-units': { 'top units of the scope': { ok: EVERYONE }, ...orgRead },
  'GET /api/org-units/search': { 'units of the scope': { ok: EVERYONE } },
  'GET /api/org-units/export': orgRead,
  'GET /api/org-units/:code': orgRead,
  'GET /api/org-units/merge-progress': byTownshipCode(['admin', ...TOWNSHIP_WIDE]),
  'GET /api/org-units/merge-progress/export': byTownshipCode(['admin', ...TOWNSHIP_WIDE]),
  'POST /api/org-units': orgWrite,
  'PATCH /api/org-units/:code': orgWrite,
  'POST /api/org-units/:code/move': { ...orgWrite, 'a grid of 川山村一组 to 桥坪村': { ok: ORG_WRITERS_V3 } },
  'POST /api/org-units/:code/close': orgWrite,
  'PUT /api/org-units/:code/merge-plan': { 川山村: { ok: ORG_WRITERS_V1 }, 桥坪村: { ok: ORG_WRITERS_V3 } },
  'POST /api/org-units/merge': orgWrite,
  'POST /api/org-units/import': {
    'a new village of township A': { ok: ['admin'], refused: ['village_admin'] },
    'a new village of township B': { ok: ['admin'], refused: ['village_admin'] },
    'a file that is not CSV': { invalid: ['admin', 'village_admin'] },
  },

  'GET /api/users': { 'users of the scope': { ok: ['admin', 'village_admin'] } },
  'GET /api/users/export': { 'users of the scope': { ok: ['admin', 'village_admin'] } },
  'GET /api/users/pending-grants': { 'grants of the scope': { ok: ['leader', 'other_leader'] } },
  'GET /api/users/:id': manageUser,
  'POST /api/users': manageUser,
  'PATCH /api/users/:id': { ...manageUser, 'a cadre of 川山村, given a role in 桥坪村': { ok: ['admin'] } },
  'POST /api/users/:id/reset-password': manageUser,
  'POST /api/users/:id/disable': manageUser,
  'POST /api/users/:id/enable': manageUser,
  'POST /api/users/:id/revoke-sessions': manageUser,
  'POST /api/users/:id/reset-two-factor': manageUser,
  'POST /api/users/:id/roles/:roleId/approve': { 'a pending grant on 川山村': { ok: ['leader'] } },

  'GET /api/audit': { 'entries of the scope': { ok: ['admin', 'village_admin', 'leader', 'other_leader'] } },
  'GET /api/audit/export': { 'entries of the scope': { ok: ['admin', 'village_admin', 'leader', 'other_leader'] } },
  // A backup is the whole database: only a leader whose scope covers every township may download it, and this
  // deployment holds two, so nobody may (backup.routes.test.ts: the leader of a one-township deployment does).
  'POST /api/system/backups': { 'a deployment of two townships': {} },

  'GET /api/cadre-groups': byTownshipCode(CADRE_READERS_A),
  'GET /api/cadre-groups/export': byTownshipCode(CADRE_READERS_A),
  'POST /api/cadre-groups': byTownshipCode(['admin', 'leader']),
  'PATCH /api/cadre-groups/:id': cadreItem,
  'DELETE /api/cadre-groups/:id': cadreItem,
  'PUT /api/cadre-groups/:id/members': cadreItem,
  'PUT /api/cadre-groups/:id/villages': cadreItem,
  'GET /api/work-lines': byTownshipCode(CADRE_READERS_A),
  'POST /api/work-lines': byTownshipCode(['admin', 'leader']),
  'PATCH /api/work-lines/:id': cadreItem,
  'DELETE /api/work-lines/:id': cadreItem,

  'GET /api/ledgers': { 'ledgers of the township': { ok: READERS_AB } },
  'POST /api/ledgers': { 'a new ledger': { ok: DEFINERS_AB } },
  'GET /api/ledger-library': { 'the library': { ok: READERS_AB } },
  'POST /api/ledger-library/install': { 'a library ledger': { ok: DEFINERS_AB } },
  'GET /api/ledgers/:key': aKeyRead,
  'PUT /api/ledgers/:key/fields': aKeyDefine,
  'PUT /api/ledgers/:key/workflow': aKeyDefine,
  'GET /api/ledgers/:key/template.xlsx': { 'the household ledger': { ok: [...WRITERS, 'other_leader'] } },

  'GET /api/ledgers/:key/periods/:period': aKeyRead,
  'PUT /api/ledgers/:key/periods/:period': {
    川山村: { ok: ['leader', 'line_lead', 'group_leader', 'village_cadre'], refused: ['grid_worker'], hidden: ['other_leader'] },
    桥坪村: { ok: DEFINERS, refused: ['group_leader', 'village_cadre', 'grid_worker'], hidden: ['other_leader'] },
  },
  'GET /api/ledgers/:key/submissions/:period': aKeyRead,
  'POST /api/ledgers/:key/submissions/:period/submit': {
    川山村: { ok: ['leader', 'line_lead', 'group_leader', 'village_cadre'], hidden: ['other_leader'] },
    桥坪村: { ok: DEFINERS, hidden: ['other_leader'] },
  },
  'POST /api/ledgers/:key/submissions/:period/approve': periodApprove,
  'POST /api/ledgers/:key/submissions/:period/return': periodApprove,
  'POST /api/ledgers/:key/submissions/:period/unlock': {
    川山村: { ok: ['leader'], hidden: ['other_leader'] },
    桥坪村: { ok: ['leader'], hidden: ['other_leader'] },
  },
  'GET /api/submissions/overdue': { 'the township': { ok: READERS_AB } },

  'GET /api/ledgers/:key/records': recordList,
  'GET /api/ledgers/:key/records.xlsx': recordList,
  'POST /api/ledgers/:key/records': { [IN_SCOPE]: { ok: WRITERS }, [OTHER_VILLAGE]: { ok: DEFINERS } },
  'GET /api/ledgers/:key/records/:id': recordReadB,
  'GET /api/ledgers/:key/records/:id/history': recordReadB,
  'PATCH /api/ledgers/:key/records/:id': recordWriteB,
  'DELETE /api/ledgers/:key/records/:id': recordWrite,
  'POST /api/ledgers/:key/records/:id/transition': recordWrite,
  'POST /api/ledgers/:key/records/:id/restore': {
    [IN_SCOPE]: { ok: ['leader'], hidden: ['other_leader'] },
    [OTHER_VILLAGE]: { ok: ['leader'], hidden: ['other_leader'] },
  },
  'POST /api/ledgers/:key/imports': {
    [IN_SCOPE]: { ok: WRITERS, refused: ['other_leader'] },
    [OTHER_VILLAGE]: { ok: DEFINERS, refused: ['group_leader', 'village_cadre', 'grid_worker', 'other_leader'] },
    'a file that is neither xlsx nor csv': { invalid: [...WRITERS, 'other_leader'] },
  },
  'GET /api/ledgers/:key/imports/:id': importJob,
  'POST /api/ledgers/:key/imports/:id/commit': importJob,

  'GET /api/indicators': { 'indicators of the township': { ok: READERS_AB } },
  'POST /api/indicators': { 'a new indicator': { ok: DEFINERS_AB } },
  'GET /api/indicator-library': { 'the library': { ok: DEFINERS_AB } },
  'POST /api/indicator-library/install': { 'library indicators': { ok: DEFINERS_AB } },
  'POST /api/indicators/preview': { 'a draft definition': { ok: DEFINERS_AB } },
  'GET /api/indicators/values': indicatorUnit,
  'GET /api/indicators/:key': aKeyRead,
  'PUT /api/indicators/:key': aKeyDefine,
  'DELETE /api/indicators/:key': aKeyDefine,
  'GET /api/indicators/:key/explain': indicatorUnit,
  'GET /api/indicators/:key/explain.xlsx': indicatorUnit,
  'GET /api/indicators/:key/targets': aKeyRead,
  'PUT /api/indicators/:key/targets/:period': aKeyDefine,
  'GET /api/indicators/:key/targets/:period/template.xlsx': aKeyDefine,
  'POST /api/indicators/:key/targets/:period/import': {
    "township A's": { ok: DEFINERS, hidden: ['other_leader'] },
    'a file that is not xlsx': { invalid: DEFINERS, hidden: ['other_leader'] },
  },

  'GET /api/rankings': { 'rankings of the township': { ok: READERS_AB } },
  'POST /api/rankings': { 'a new ranking': { ok: DEFINERS_AB } },
  'PUT /api/rankings/:key': aKeyDefine,
  'DELETE /api/rankings/:key': aKeyDefine,
  'GET /api/rankings/:key/board': aKeyRead,
  'GET /api/rankings/:key/board.xlsx': aKeyRead,
  'GET /api/quality-rules': { 'rules of the township': { ok: READERS_AB } },
  'POST /api/quality-rules': { 'a new rule': { ok: DEFINERS_AB } },
  'PUT /api/quality-rules/:id': aKeyDefine,
  'DELETE /api/quality-rules/:id': aKeyDefine,
  'GET /api/quality-rules/violations': { 'the township': { ok: READERS_AB } },

  'POST /api/attachments': {
    'an image': { ok: [...WRITERS, 'other_leader'] },
    'a file that is not an image or PDF': { invalid: [...WRITERS, 'other_leader'] },
  },
  'GET /api/attachments/:id': {
    [`photo of a record ${IN_SCOPE}`]: { ok: READERS, hidden: ['other_leader'] },
    [`photo of a record ${OTHER_VILLAGE}`]: { ok: TOWNSHIP_WIDE, hidden: ['other_leader'] },
    'a file the leader uploaded, not attached yet': { ok: TOWNSHIP_WIDE, hidden: ['other_leader'] },
  },

  'GET /api/tasks': inTownships(READERS, ['other_leader']),
  'GET /api/tasks/export': inTownships(READERS, ['other_leader']),
  'POST /api/tasks': taskCreate,
  'GET /api/tasks/:id': taskRead,
  'POST /api/tasks/:id/transitions': {
    [`sign, ${LED_V1}`]: { ok: HANDLERS_V1, hidden: ['other_leader'] },
    [`sign, ${LED_V3}`]: { ok: DEFINERS, hidden: ['other_leader'] },
    [`sign, ${IN_B}`]: { ok: ['other_leader'], hidden: READERS },
    // a village's cadres ask for completion; only an assigner grants it
    [`approve completion, ${LED_V1}`]: { ok: DEFINERS, hidden: ['other_leader'] },
    [`approve completion, ${LED_V3}`]: { ok: DEFINERS, hidden: ['other_leader'] },
  },
  'POST /api/tasks/:id/updates': taskHandle,
  'POST /api/tasks/:id/delays': taskHandle,
  'POST /api/tasks/:id/delays/:delayId/decision': {
    [LED_V1]: { ok: DEFINERS, hidden: ['other_leader'] },
    [LED_V3]: { ok: DEFINERS, hidden: ['other_leader'] },
    [IN_B]: { ok: ['other_leader'], hidden: READERS },
  },

  'GET /api/goals': inTownships(READERS, ['other_leader']),
  'GET /api/goals/export': inTownships(READERS, ['other_leader']),
  'POST /api/goals': inTownships(['leader'], ['other_leader']),
  'GET /api/goals/:id': { "township A's": { ok: READERS, hidden: ['other_leader'] }, [IN_B]: { ok: ['other_leader'], hidden: READERS } },
  'PATCH /api/goals/:id': { "township A's": { ok: ['leader'], hidden: ['other_leader'] }, [IN_B]: { ok: ['other_leader'], hidden: ['leader'] } },

  'GET /api/projects': inTownships(READERS, ['other_leader']),
  'GET /api/projects/board': inTownships(READERS, ['other_leader']),
  'GET /api/tasks/group-board': inTownships(READERS, ['other_leader']),
  'GET /api/tasks/assigners': inTownships(READERS, ['other_leader']),
  'GET /api/projects/export': inTownships(READERS, ['other_leader']),
  'POST /api/projects': { [IN_V1]: { ok: DEFINERS, refused: ['other_leader'] }, [IN_V3]: { ok: DEFINERS, refused: ['other_leader'] } },
  'GET /api/projects/:id': projectRead,
  'PATCH /api/projects/:id': { [IN_V1]: { ok: DEFINERS, hidden: ['other_leader'] }, [IN_B]: { ok: ['other_leader'], hidden: DEFINERS } },
  'POST /api/projects/:id/updates': {
    [IN_V1]: { ok: HANDLERS_V1, hidden: ['other_leader'] },
    [IN_V3]: { ok: DEFINERS, hidden: ['other_leader'] },
    [IN_B]: { ok: ['other_leader'], hidden: READERS },
  },

  'POST /api/reports/render': reportUnit,
  'POST /api/reports/preview': reportUnit,
  'GET /api/reports/templates': { 'templates of the township': { ok: [...REPORT_READERS, 'other_leader'] } },
  'POST /api/reports/templates': { 'a new template': { ok: DEFINERS_AB } },
  'GET /api/reports/templates/:key': reportTemplate(REPORT_READERS),
  'PUT /api/reports/templates/:key': reportTemplate(DEFINERS),
  'DELETE /api/reports/templates/:key': reportTemplate(DEFINERS),
  'GET /api/reports/profile': { "the township's profile": { ok: [...REPORT_READERS, 'other_leader'] } },
  'PUT /api/reports/profile': { "the township's profile": { ok: DEFINERS_AB } },
  'GET /api/reports/versions': { 'versions of the scope': { ok: [...REPORT_READERS, 'other_leader'] } },
  'POST /api/reports/versions': {
    [IN_SCOPE]: { ok: REPORT_GENERATORS_V1, hidden: ['other_leader'] },
    [OTHER_VILLAGE]: { ok: DEFINERS, hidden: ['other_leader'] },
  },
  'GET /api/reports/versions/:id': reportVersion(REPORT_READERS, TOWNSHIP_WIDE),
  'GET /api/reports/versions/:id/file': reportVersion(REPORT_READERS, TOWNSHIP_WIDE),
  'POST /api/reports/versions/:id/finalize': reportVersion(['leader'], ['leader']),
  'GET /api/reports/versions/:id/compare': reportVersion(REPORT_READERS, TOWNSHIP_WIDE),
  'POST /api/reports/suggestions': { "a past report's text": { ok: DEFINERS_AB } },
  'POST /api/reports/suggestions/upload': { 'a .txt report': { ok: DEFINERS_AB }, 'a file that is not a Word document': { invalid: DEFINERS_AB } },
  // a notice ranks every village: the township's, not a village's
  'POST /api/reports/notices': { "the township's daily notice": { ok: [...TOWNSHIP_WIDE, 'other_leader'] } },

  'GET /api/township-clock': inTownships(['admin', 'village_admin', ...READERS], ['admin', 'other_leader']),
  // the whole township's date (and with it every village's deadlines and lights): not a village-bound administrator's
  'PUT /api/township-clock': inTownships(['admin'], ['admin']),

  // one's own notifications only (another's ids are ignored); a township's channels: its leaders and the administrator
  'GET /api/notifications': SELF,
  'POST /api/notifications/read': SELF,
  'GET /api/notification-channels': inTownships(['admin', 'leader'], ['admin', 'other_leader']),
  'PUT /api/notification-channels': inTownships(['admin', 'leader'], ['admin', 'other_leader']),
};

/** What a principal gets in one case of a route. */
export function outcomeOf(spec: CaseSpec, principal: Principal): Outcome {
  if (spec.ok?.includes(principal)) return 'ok';
  if (spec.invalid?.includes(principal)) return 'invalid';
  if (spec.hidden?.includes(principal)) return 'hidden';
  if (spec.refused?.includes(principal)) return 'refused';
  return principal === 'anonymous' && !spec.public ? 'unauth' : 'deny';
}

/** The matrix in numbers, for docs/security.md: derived from the table alone, so a rerun gives the same. */
export function matrixCounts(matrix: Record<string, RouteSpec> = MATRIX) {
  const cells = Object.values(matrix).flatMap((route) => Object.values(route).flatMap((spec) => PRINCIPALS.map((p) => outcomeOf(spec, p))));
  const count = (o: Outcome) => cells.filter((c) => c === o).length;
  return {
    routes: Object.keys(matrix).length,
    cases: Object.values(matrix).reduce((n, route) => n + Object.keys(route).length, 0),
    principals: PRINCIPALS.length,
    cells: cells.length,
    allowed: count('ok') + count('invalid'),
    denied: cells.length - count('ok') - count('invalid'),
    byOutcome: {
      ok: count('ok'),
      invalid: count('invalid'),
      deny: count('deny'),
      hidden: count('hidden'),
      refused: count('refused'),
      unauth: count('unauth'),
    },
  };
}
