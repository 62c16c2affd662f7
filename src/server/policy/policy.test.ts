import { describe, expect, it } from 'vitest';
import { abilities, can, scopesFor, type Action, type Principal } from './policy.js';
import type { Role } from '../../core/roles.js';

// A township /1/2/ with villages /1/2/10/ (燕塘村) and /1/2/11/ (桥坪村); group /1/2/10/20/.
const TOWNSHIP = '/1/2/';
const YANTANG = '/1/2/10/';
const QIAOPING = '/1/2/11/';
const YANTANG_GROUP = '/1/2/10/20/';
const OTHER_TOWNSHIP = '/1/3/';

const as = (role: Role, ...scopePaths: string[]): Principal => ({ userId: 1, username: 'u', grants: [{ role, scopePaths }] });

type Row = [string, Principal, Action, string, boolean];
const table: Row[] = [
  // village cadre: his village's subtree only
  ['village cadre reads his village', as('village_cadre', YANTANG), 'org.read', YANTANG, true],
  ['village cadre reads his groups', as('village_cadre', YANTANG), 'org.read', YANTANG_GROUP, true],
  ['village cadre reads another village', as('village_cadre', YANTANG), 'org.read', QIAOPING, false],
  ['village cadre reads the township unit', as('village_cadre', YANTANG), 'org.read', TOWNSHIP, false],
  ['village cadre changes the org tree', as('village_cadre', YANTANG), 'org.write', YANTANG_GROUP, false],
  ['village cadre reads household data of his village', as('village_cadre', YANTANG), 'personal.read', YANTANG_GROUP, true],
  ['village cadre reads the cadre organisation of his township', as('village_cadre', YANTANG), 'cadre.read', TOWNSHIP, true],
  ["village cadre reads another township's cadre organisation", as('village_cadre', YANTANG), 'cadre.read', OTHER_TOWNSHIP, false],
  ['village cadre changes the cadre organisation', as('village_cadre', YANTANG), 'cadre.write', TOWNSHIP, false],
  ['village cadre manages users', as('village_cadre', YANTANG), 'users.manage', YANTANG, false],
  ['village cadre reads the audit log', as('village_cadre', YANTANG), 'audit.read', YANTANG, false],
  // group leader: the villages his small group covers
  ['group leader reads a covered village', as('group_leader', YANTANG), 'org.read', YANTANG_GROUP, true],
  ['group leader reads an uncovered village', as('group_leader', YANTANG), 'org.read', QIAOPING, false],
  ['group leader with no covered village reads nothing', as('group_leader'), 'org.read', YANTANG, false],
  ['group leader changes the org tree', as('group_leader', YANTANG), 'org.write', YANTANG, false],
  // township leader
  ['leader reads any village of his township', as('leader', TOWNSHIP), 'org.read', QIAOPING, true],
  ['leader changes the org tree of his township', as('leader', TOWNSHIP), 'org.write', YANTANG_GROUP, true],
  ['leader changes another township', as('leader', TOWNSHIP), 'org.write', OTHER_TOWNSHIP, false],
  ['leader reads the audit log of his township', as('leader', TOWNSHIP), 'audit.read', TOWNSHIP, true],
  ['leader manages users', as('leader', TOWNSHIP), 'users.manage', TOWNSHIP, false],
  ['leader imports divisions', as('leader', TOWNSHIP), 'org.import', TOWNSHIP, false],
  // viewer: reads, never changes
  ['viewer reads', as('viewer', TOWNSHIP), 'org.read', YANTANG, true],
  ['viewer changes the org tree', as('viewer', TOWNSHIP), 'org.write', YANTANG, false],
  ['viewer changes the cadre organisation', as('viewer', TOWNSHIP), 'cadre.write', TOWNSHIP, false],
  ['viewer reads household data', as('viewer', TOWNSHIP), 'personal.read', YANTANG, false],
  ['viewer manages users', as('viewer', TOWNSHIP), 'users.manage', YANTANG, false],
  // administrator: accounts and the tree, but not household data
  ['deployment admin manages users anywhere', as('admin', '/'), 'users.manage', OTHER_TOWNSHIP, true],
  ['deployment admin imports new top-level units', as('admin', '/'), 'org.import', '/', true],
  ['township admin imports top-level units', as('admin', TOWNSHIP), 'org.import', '/', false],
  ['township admin manages users of another township', as('admin', TOWNSHIP), 'users.manage', OTHER_TOWNSHIP, false],
  ['admin reads household data', as('admin', '/'), 'personal.read', YANTANG, false],
  // a grant carrying household data, requested by an administrator, waits for a leader of its scope
  ['leader approves a grant in his township', as('leader', TOWNSHIP), 'users.approve_grant', YANTANG, true],
  ['leader approves a grant in another township', as('leader', TOWNSHIP), 'users.approve_grant', OTHER_TOWNSHIP, false],
  ['admin approves a grant', as('admin', '/'), 'users.approve_grant', YANTANG, false],
  ['line lead approves a grant', as('line_lead', TOWNSHIP), 'users.approve_grant', YANTANG, false],
  ['village cadre approves a grant in his village', as('village_cadre', YANTANG), 'users.approve_grant', YANTANG, false],
  ['viewer approves a grant', as('viewer', TOWNSHIP), 'users.approve_grant', YANTANG, false],
  ['line lead reads household data of the township', as('line_lead', TOWNSHIP), 'personal.read', YANTANG, true],
  ['line lead changes the org tree', as('line_lead', TOWNSHIP), 'org.write', YANTANG, false],
  ['grid worker reads his group', as('grid_worker', YANTANG_GROUP), 'org.read', YANTANG_GROUP, true],
  // ledgers: definitions are township configuration; records are household data
  ['leader defines ledgers of his township', as('leader', TOWNSHIP), 'ledger.define', TOWNSHIP, true],
  ['line lead defines ledgers of his township', as('line_lead', TOWNSHIP), 'ledger.define', TOWNSHIP, true],
  ['leader defines ledgers of another township', as('leader', TOWNSHIP), 'ledger.define', OTHER_TOWNSHIP, false],
  ['village cadre defines ledgers', as('village_cadre', YANTANG), 'ledger.define', TOWNSHIP, false],
  ['admin defines ledgers', as('admin', '/'), 'ledger.define', TOWNSHIP, false],
  ['viewer defines ledgers', as('viewer', TOWNSHIP), 'ledger.define', TOWNSHIP, false],
  ['village cadre reads ledger records of his village', as('village_cadre', YANTANG), 'ledger.read', YANTANG_GROUP, true],
  ['village cadre reads ledger records of another village', as('village_cadre', YANTANG), 'ledger.read', QIAOPING, false],
  ['viewer reads ledger records', as('viewer', TOWNSHIP), 'ledger.read', YANTANG, true],
  ['admin reads ledger records', as('admin', '/'), 'ledger.read', YANTANG, false],
  ['group leader reads ledger records of a covered village', as('group_leader', YANTANG), 'ledger.read', YANTANG, true],
  ['village cadre writes ledger records of his village', as('village_cadre', YANTANG), 'ledger.write', YANTANG, true],
  ['village cadre writes ledger records of another village', as('village_cadre', YANTANG), 'ledger.write', QIAOPING, false],
  ['grid worker writes ledger records of his group', as('grid_worker', YANTANG_GROUP), 'ledger.write', YANTANG_GROUP, true],
  ['line lead writes ledger records of the township', as('line_lead', TOWNSHIP), 'ledger.write', QIAOPING, true],
  ['viewer writes ledger records', as('viewer', TOWNSHIP), 'ledger.write', YANTANG, false],
  ['admin writes ledger records', as('admin', '/'), 'ledger.write', YANTANG, false],
  ['leader restores ledger records', as('leader', TOWNSHIP), 'ledger.restore', YANTANG, true],
  ['village cadre restores ledger records', as('village_cadre', YANTANG), 'ledger.restore', YANTANG, false],
  ['line lead restores ledger records', as('line_lead', TOWNSHIP), 'ledger.restore', YANTANG, false],
  // indicators: values are published to the whole township; definitions, targets and locks are the township's
  ['village cadre reads township indicator values', as('village_cadre', YANTANG), 'indicator.read', TOWNSHIP, true],
  ["village cadre reads another township's indicators", as('village_cadre', YANTANG), 'indicator.read', OTHER_TOWNSHIP, false],
  ['viewer reads indicator values', as('viewer', TOWNSHIP), 'indicator.read', TOWNSHIP, true],
  ['admin reads indicator values', as('admin', '/'), 'indicator.read', TOWNSHIP, false],
  ['line lead defines indicators', as('line_lead', TOWNSHIP), 'indicator.define', TOWNSHIP, true],
  ['village cadre defines indicators', as('village_cadre', YANTANG), 'indicator.define', TOWNSHIP, false],
  ['village cadre sets targets', as('village_cadre', YANTANG), 'indicator.target', YANTANG, false],
  ['leader sets targets', as('leader', TOWNSHIP), 'indicator.target', YANTANG, true],
  ["village cadre submits his village's period", as('village_cadre', YANTANG), 'period.submit', YANTANG, true],
  ["village cadre submits another village's period", as('village_cadre', YANTANG), 'period.submit', QIAOPING, false],
  ['viewer submits a period', as('viewer', TOWNSHIP), 'period.submit', YANTANG, false],
  ['village cadre approves a period', as('village_cadre', YANTANG), 'period.approve', YANTANG, false],
  ['line lead approves a period', as('line_lead', TOWNSHIP), 'period.approve', YANTANG, true],
  ['line lead unlocks a period', as('line_lead', TOWNSHIP), 'period.unlock', YANTANG, false],
  ['leader unlocks a period', as('leader', TOWNSHIP), 'period.unlock', YANTANG, true],
  ['grid worker reads his village unit', as('grid_worker', YANTANG_GROUP), 'org.read', YANTANG, false],
  // notification channels: township configuration of its leaders and administrators
  ['leader configures the notification channels of his township', as('leader', TOWNSHIP), 'notification.configure', TOWNSHIP, true],
  ["leader configures another township's notification channels", as('leader', TOWNSHIP), 'notification.configure', OTHER_TOWNSHIP, false],
  ['township admin configures the notification channels', as('admin', TOWNSHIP), 'notification.configure', TOWNSHIP, true],
  ['deployment admin configures any township', as('admin', '/'), 'notification.configure', OTHER_TOWNSHIP, true],
  ['village-bound admin configures the township', as('admin', YANTANG), 'notification.configure', TOWNSHIP, false],
  ['line lead configures the notification channels', as('line_lead', TOWNSHIP), 'notification.configure', TOWNSHIP, false],
  ['village cadre configures the notification channels', as('village_cadre', YANTANG), 'notification.configure', TOWNSHIP, false],
  ['viewer configures the notification channels', as('viewer', TOWNSHIP), 'notification.configure', TOWNSHIP, false],
];

describe('policy: role × scope × action × target', () => {
  it.each(table)('%s', (_label, principal, action, path, allowed) => {
    expect(can(principal, action, { path })).toBe(allowed);
  });

  it('a user holding several roles gets the union of what they allow', () => {
    const both: Principal = {
      userId: 1,
      username: 'u',
      grants: [
        { role: 'viewer', scopePaths: [TOWNSHIP] },
        { role: 'village_cadre', scopePaths: [YANTANG] },
      ],
    };
    expect(can(both, 'personal.read', { path: YANTANG })).toBe(true);
    expect(can(both, 'personal.read', { path: QIAOPING })).toBe(false);
    expect(can(both, 'org.read', { path: QIAOPING })).toBe(true);
  });

  it('scopesFor drops subtrees already covered by a wider one', () => {
    const p: Principal = {
      userId: 1,
      username: 'u',
      grants: [
        { role: 'leader', scopePaths: [TOWNSHIP] },
        { role: 'village_cadre', scopePaths: [YANTANG] },
      ],
    };
    expect(scopesFor(p, 'org.read')).toEqual([TOWNSHIP]);
    expect(scopesFor(p, 'org.write')).toEqual([TOWNSHIP]);
    expect(scopesFor(as('viewer', TOWNSHIP), 'org.write')).toEqual([]);
  });

  it('abilities tell the browser what to show', () => {
    expect(abilities(as('admin', '/'), null)).toMatchObject({
      usersManage: true,
      grantApprove: false,
      orgImport: true,
      ledgerRead: false,
      ledgerDefine: false,
      notificationConfigure: true,
    });
    expect(abilities(as('village_cadre', YANTANG), TOWNSHIP)).toEqual({
      orgWrite: false,
      orgImport: false,
      usersManage: false,
      grantApprove: false,
      auditRead: false,
      cadreWrite: false,
      ledgerDefine: false,
      ledgerRead: true,
      ledgerWrite: true,
      ledgerRestore: false,
      indicatorRead: true,
      indicatorDefine: false,
      indicatorTarget: false,
      periodSubmit: true,
      periodApprove: false,
      periodUnlock: false,
      taskRead: true,
      taskAssign: false,
      taskHandle: true,
      projectWrite: false,
      goalWrite: false,
      notificationConfigure: false,
      // his village's summary: read and save, never the templates or 定稿
      reportRead: true,
      reportDefine: false,
      reportGenerate: true,
      reportFinalize: false,
      systemBackup: false,
    });
    expect(abilities(as('leader', TOWNSHIP), TOWNSHIP)).toMatchObject({
      // shown to a leader; the server also requires his scope to cover every township (backup.service.ts)
      systemBackup: true,
      reportRead: true,
      reportDefine: true,
      reportGenerate: true,
      reportFinalize: true,
      orgWrite: true,
      cadreWrite: true,
      usersManage: false,
      grantApprove: true,
      ledgerDefine: true,
      ledgerRestore: true,
      indicatorDefine: true,
      periodApprove: true,
      periodUnlock: true,
      taskAssign: true,
      projectWrite: true,
      goalWrite: true,
      notificationConfigure: true,
    });
    expect(abilities(as('viewer', TOWNSHIP), TOWNSHIP)).toMatchObject({
      ledgerRead: true,
      ledgerWrite: false,
      taskRead: true,
      taskHandle: false,
      reportRead: true,
      reportGenerate: false,
      reportDefine: false,
    });
    expect(abilities(as('grid_worker', YANTANG), TOWNSHIP)).toMatchObject({ reportRead: false, reportGenerate: false });
    expect(abilities(as('line_lead', TOWNSHIP), TOWNSHIP)).toMatchObject({
      reportDefine: true,
      reportFinalize: false,
      taskAssign: true,
      projectWrite: true,
      goalWrite: false,
      notificationConfigure: false,
    });
  });
});
