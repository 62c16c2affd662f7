// The abilities the server computes for the signed-in user and sends in /api/me, so the browser shows menus and
// buttons without re-implementing a rule. The names live here, shared by both sides; the server decides each one
// (policy.ts `abilities()`) and still checks every request.

export const ABILITIES = [
  'orgWrite',
  /** Importing statistical divisions (administrators). */
  'orgImport',
  'usersManage',
  /** Approving household-data roles that an administrator granted (township leaders). */
  'grantApprove',
  'auditRead',
  'cadreWrite',
  /** Defining ledgers (township leaders, work-line leads). */
  'ledgerDefine',
  'ledgerRead',
  'ledgerWrite',
  /** Seeing and restoring deleted ledger records (township leaders). */
  'ledgerRestore',
  /** Indicator values, dashboards and rankings (everyone working in the township but the administrator). */
  'indicatorRead',
  /** Defining indicators, rankings and quality rules (township leaders, work-line leads). */
  'indicatorDefine',
  'indicatorTarget',
  /** Submitting a periodic ledger's period for approval (village cadres and up). */
  'periodSubmit',
  'periodApprove',
  'periodUnlock',
  /** Seeing 督办 tasks somewhere (everyone working in the township but the administrator). */
  'taskRead',
  /** Handing out tasks (township leaders, work-line leads). */
  'taskAssign',
  /** Signing, reporting on and applying to finish the tasks of one's units. */
  'taskHandle',
  /** Editing key projects (township leaders, work-line leads). */
  'projectWrite',
  /** Editing goals (重点工作, township leaders). */
  'goalWrite',
  /** Configuring the township's outbound notification channels (township leaders, administrators). */
  'notificationConfigure',
  /** Reading and rendering reports of one's units (everyone working in the township but grid workers and the administrator). */
  'reportRead',
  /** Editing report templates and the township profile (township leaders, work-line leads). */
  'reportDefine',
  /** Saving report versions of one's units. */
  'reportGenerate',
  /** Marking a version final (定稿, township leaders). */
  'reportFinalize',
  /** Downloading a backup of the database (a township leader; the server also requires his scope to cover every township). */
  'systemBackup',
] as const;

export type Ability = (typeof ABILITIES)[number];
export type Abilities = Record<Ability, boolean>;
