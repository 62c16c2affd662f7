// The one place where (role, scope, action, target) is decided. Pure: services resolve the principal's
// scopes and the target's path, then ask `can`. Nothing else in the server compares roles.
import type { Abilities } from '../../core/abilities.js';
import type { Role } from '../../core/roles.js';

export type Action =
  | 'org.read'
  | 'org.write'
  | 'org.import'
  | 'users.manage'
  | 'users.approve_grant'
  | 'audit.read'
  | 'cadre.read'
  | 'cadre.write'
  | 'personal.read'
  | 'ledger.define'
  | 'ledger.read'
  | 'ledger.write'
  | 'ledger.restore'
  | 'indicator.read'
  | 'indicator.define'
  | 'indicator.target'
  | 'period.submit'
  | 'period.approve'
  | 'period.unlock'
  | 'task.read'
  | 'task.assign'
  | 'task.handle'
  | 'project.read'
  | 'project.write'
  | 'project.report'
  | 'goal.write'
  | 'notification.configure'
  | 'report.read'
  | 'report.define'
  | 'report.generate'
  | 'report.finalize'
  | 'system.backup';

/** A role as held by one user: the materialised paths of the subtrees it covers ('/' = whole deployment). */
export interface Grant {
  role: Role;
  scopePaths: string[];
}

export interface Principal {
  userId: number;
  username: string;
  grants: Grant[];
}

/** What an action is about: an org unit, given by its materialised path ('/' for a new top-level unit). */
export interface Target {
  path: string;
}

type Match = 'covers' | 'overlaps';

// covers: the target lies inside one of the role's subtrees.
// overlaps: the role's subtree and the target's subtree share units (township-wide settings such as the
// cadre organisation, readable by a village cadre of that township).
const RULES: Record<Action, { roles: readonly Role[]; match: Match }> = {
  'org.read': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker', 'admin', 'viewer'], match: 'covers' },
  'org.write': { roles: ['admin', 'leader'], match: 'covers' },
  'org.import': { roles: ['admin'], match: 'covers' },
  'users.manage': { roles: ['admin'], match: 'covers' },
  // A grant carrying personal.read, requested by someone without it (the administrator), waits for a township
  // leader of its scope: an administrator cannot give himself household data alone.
  'users.approve_grant': { roles: ['leader'], match: 'covers' },
  'audit.read': { roles: ['admin', 'leader'], match: 'covers' },
  'cadre.read': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker', 'admin', 'viewer'], match: 'overlaps' },
  'cadre.write': { roles: ['admin', 'leader'], match: 'covers' },
  // Household data: the people who work with households, never the administrator or a read-only viewer.
  'personal.read': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker'], match: 'covers' },
  // Ledger definitions are township configuration, made by those who run the work lines.
  'ledger.define': { roles: ['leader', 'line_lead'], match: 'covers' },
  // Ledger records hold household data: as personal.read, the administrator never sees them; a viewer reads.
  'ledger.read': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker', 'viewer'], match: 'covers' },
  'ledger.write': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker'], match: 'covers' },
  // Restoring a deleted record is the township's decision.
  'ledger.restore': { roles: ['leader'], match: 'covers' },
  // Indicator values are aggregates that the township publishes to its villages (rankings, notices): anyone
  // working in the township reads them; the rows behind a value stay under ledger.read.
  'indicator.read': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker', 'viewer'], match: 'overlaps' },
  'indicator.define': { roles: ['leader', 'line_lead'], match: 'covers' },
  'indicator.target': { roles: ['leader', 'line_lead'], match: 'covers' },
  // A village submits its periodic figures; the township approves (locks) them; only a leader unlocks.
  'period.submit': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre'], match: 'covers' },
  'period.approve': { roles: ['leader', 'line_lead'], match: 'covers' },
  'period.unlock': { roles: ['leader'], match: 'covers' },
  // Supervision (督办): the township hands out work; the lead unit's people sign, report and apply for completion.
  'task.read': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker', 'viewer'], match: 'covers' },
  'task.assign': { roles: ['leader', 'line_lead'], match: 'covers' },
  'task.handle': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker'], match: 'covers' },
  // Goals and key projects are published to the whole township (the board, 龙虎榜), like indicator values.
  'project.read': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker', 'viewer'], match: 'overlaps' },
  'project.write': { roles: ['leader', 'line_lead'], match: 'covers' },
  // Progress lines, investment and stage evidence come from the project's village and its cadre group.
  'project.report': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre'], match: 'covers' },
  'goal.write': { roles: ['leader'], match: 'covers' },
  // The township's outbound channels (e-mail, WeCom, DingTalk robots) and their secrets: township configuration.
  'notification.configure': { roles: ['admin', 'leader'], match: 'covers' },
  // Reports are written for a unit from its figures: a village cadre renders and saves his village's summary only.
  'report.read': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre', 'viewer'], match: 'covers' },
  // Templates and the township's profile are township configuration.
  'report.define': { roles: ['leader', 'line_lead'], match: 'covers' },
  'report.generate': { roles: ['leader', 'line_lead', 'group_leader', 'village_cadre'], match: 'covers' },
  // 定稿: the township's word that a version is the one sent up.
  'report.finalize': { roles: ['leader'], match: 'covers' },
  // Downloading a backup of the whole database (every household's data): a township leader, and only when his
  // scope covers every township the deployment holds (backup.service.ts). The administrator holds no
  // personal.read and so never downloads one; he backs up on the server itself (`zhenwu backup`).
  'system.backup': { roles: ['leader'], match: 'covers' },
};

export function pathCovers(scopePath: string, targetPath: string): boolean {
  return targetPath.startsWith(scopePath);
}

function pathsOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

export function can(principal: Principal, action: Action, target: Target): boolean {
  const rule = RULES[action];
  return principal.grants.some(
    (grant) =>
      rule.roles.includes(grant.role) &&
      grant.scopePaths.some((scope) => (rule.match === 'covers' ? pathCovers(scope, target.path) : pathsOverlap(scope, target.path))),
  );
}

/** Whether a role carries an action at all, whatever its scope: which grants hand out personal.read. */
export function roleMay(role: Role, action: Action): boolean {
  return RULES[action].roles.includes(role);
}

/** The subtrees in which the principal may perform an action: for filtering lists, never for refusing. */
export function scopesFor(principal: Principal, action: Action): string[] {
  const rule = RULES[action];
  const paths = principal.grants.filter((g) => rule.roles.includes(g.role)).flatMap((g) => g.scopePaths);
  // Drop paths already inside another: '/1/' makes '/1/5/' redundant.
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/**
 * Actions whose outcome the browser shows (menus, buttons); the server still decides every request.
 * The names are core/abilities.ts's, shared with the web; each is decided here.
 */
export function abilities(principal: Principal, townshipPath: string | null): Abilities {
  const target = { path: townshipPath ?? '/' };
  return {
    orgWrite: principal.grants.some((g) => RULES['org.write'].roles.includes(g.role)),
    orgImport: can(principal, 'org.import', target),
    usersManage: principal.grants.some((g) => RULES['users.manage'].roles.includes(g.role)),
    grantApprove: scopesFor(principal, 'users.approve_grant').length > 0,
    auditRead: principal.grants.some((g) => RULES['audit.read'].roles.includes(g.role)),
    cadreWrite: can(principal, 'cadre.write', target),
    ledgerDefine: can(principal, 'ledger.define', target),
    ledgerRead: scopesFor(principal, 'ledger.read').length > 0,
    ledgerWrite: scopesFor(principal, 'ledger.write').length > 0,
    ledgerRestore: can(principal, 'ledger.restore', target),
    indicatorRead: can(principal, 'indicator.read', target),
    indicatorDefine: can(principal, 'indicator.define', target),
    indicatorTarget: can(principal, 'indicator.target', target),
    periodSubmit: scopesFor(principal, 'period.submit').length > 0,
    periodApprove: can(principal, 'period.approve', target),
    periodUnlock: can(principal, 'period.unlock', target),
    taskRead: scopesFor(principal, 'task.read').length > 0,
    taskAssign: can(principal, 'task.assign', target),
    taskHandle: scopesFor(principal, 'task.handle').length > 0,
    projectWrite: can(principal, 'project.write', target),
    goalWrite: can(principal, 'goal.write', target),
    notificationConfigure: can(principal, 'notification.configure', target),
    reportRead: scopesFor(principal, 'report.read').length > 0,
    reportDefine: can(principal, 'report.define', target),
    reportGenerate: scopesFor(principal, 'report.generate').length > 0,
    reportFinalize: can(principal, 'report.finalize', target),
    systemBackup: can(principal, 'system.backup', target),
  };
}
