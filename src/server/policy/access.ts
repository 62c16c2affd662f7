// The one access path of every use case. A service names the action and what it is about; this resolves the
// township (or the unit) from the org surface and asks the policy (policy.ts). Services never compare roles or
// scopes themselves, so a new domain cannot check access its own way.
import type { Queryable } from '../db/connection.js';
import { forbidden, invalid, notFound } from '../http/app-error.js';
import type { ServiceContext } from '../http/context.js';
import { findUnit, type OrgUnitRef } from '../modules/org/index.js';
import { can, scopesFor, type Action } from './policy.js';

/** The refusal of each action, when no unit is named. */
const DENIED: Record<Action, string> = {
  'org.read': '您无权查看组织架构',
  'org.write': '您无权修改组织架构',
  'org.import': '只有管理员可以导入区划',
  'users.manage': '您无权管理用户',
  'users.approve_grant': '只有镇领导可以审批角色授权',
  'audit.read': '您无权查看审计日志',
  'cadre.read': '您无权查看组线包村',
  'cadre.write': '您无权修改组线包村',
  'personal.read': '您无权查看个人信息',
  'ledger.define': '您无权定义或修改台账',
  'ledger.read': '您无权查看台账数据',
  'ledger.write': '您无权录入或修改台账数据',
  'ledger.restore': '您无权恢复台账记录',
  'indicator.read': '您无权查看指标',
  'indicator.define': '您无权定义或修改指标',
  'indicator.target': '您无权设置目标值',
  'period.submit': '您无权上报台账数据',
  'period.approve': '您无权审核上报的数据',
  'period.unlock': '只有镇领导可以解锁已审核的数据',
  'task.read': '您无权查看督办任务',
  'task.assign': '您无权交办督办任务',
  'task.handle': '您无权办理督办任务',
  'project.read': '您无权查看重点工作和项目',
  'project.write': '您无权编辑重点项目',
  'project.report': '您无权填报项目进展',
  'goal.write': '只有镇领导可以编辑重点工作',
  'notification.configure': '只有镇领导和管理员可以配置通知渠道',
  'report.read': '您无权查看报告',
  'report.define': '您无权编辑报告模板',
  'report.generate': '您无权生成报告',
  'report.finalize': '只有镇领导可以定稿报告',
  'system.backup': '只有镇领导可以下载数据备份',
};

/** The verb of an action on one unit: “您无权<verb>“燕塘村”的台账数据”. */
const UNIT_DENIED: Partial<Record<Action, (name: string) => string>> = {
  'ledger.read': (name) => `您无权查看“${name}”的台账数据`,
  'ledger.write': (name) => `您无权录入或修改“${name}”的台账数据`,
  'ledger.restore': (name) => `您无权恢复“${name}”的台账数据`,
  'period.submit': (name) => `您无权上报“${name}”的数据`,
  'period.approve': (name) => `您无权审核“${name}”的数据`,
  'period.unlock': (name) => `您无权解锁“${name}”的数据`,
  'indicator.read': (name) => `您无权查看“${name}”的指标`,
  'org.read': (name) => `您无权查看“${name}”`,
  'org.write': (name) => `您无权修改“${name}”`,
  'task.read': (name) => `您无权查看“${name}”的督办任务`,
  'task.assign': (name) => `您无权向“${name}”交办任务`,
  'task.handle': (name) => `您无权办理“${name}”的督办任务`,
  'project.report': (name) => `您无权填报“${name}”的项目进展`,
  'report.read': (name) => `您无权查看“${name}”的报告`,
  'report.generate': (name) => `您无权生成“${name}”的报告`,
  'report.finalize': (name) => `您无权定稿“${name}”的报告`,
};

/**
 * Actions on the township's own configuration (definitions, targets, the cadre organisation, the notification
 * channels) need a scope covering the whole township; the others are open to a user with a scope somewhere in it,
 * and each unit they touch is checked again with `requireUnit`.
 */
const TOWNSHIP_WIDE = new Set<Action>([
  'ledger.define',
  'indicator.read',
  'indicator.define',
  'indicator.target',
  'cadre.read',
  'cadre.write',
  'project.read',
  'project.write',
  'goal.write',
  'notification.configure',
  'report.define',
]);

export interface TownshipTarget {
  /** A township named by its code (for users bound to no township: a deployment administrator, a county viewer). */
  code?: string;
  /** Hold the township's row for the transaction: writes of township-wide settings run one after the other. */
  lock?: boolean;
  /** What the user cannot use without a township, for the message: “您的账号不属于任何乡镇，无法使用台账”. */
  what?: string;
  /** The refusal instead of the action's own: a text, or one naming the township once it is known. */
  denied?: string | ((township: OrgUnitRef) => string);
}

/** The township the request is about, after checking that the action is open to the user there. */
export async function requireTownship(ctx: ServiceContext, action: Action, q: Queryable = ctx.db, target: TownshipTarget = {}): Promise<OrgUnitRef> {
  const refusal = (township?: OrgUnitRef) =>
    typeof target.denied === 'string' ? target.denied : township && target.denied ? target.denied(township) : DENIED[action];
  let township: OrgUnitRef | undefined;
  if (target.code) {
    township = await findUnit(q, { code: target.code }, target.lock);
    if (!township) throw notFound(`乡镇 ${target.code} `);
    if (township.level !== 'town') throw invalid([{ field: 'township', message: `“${township.name}”不是乡镇（街道）` }]);
  } else if (ctx.townshipId != null) {
    township = await findUnit(q, { id: ctx.townshipId }, target.lock);
  }
  const scopes = scopesFor(ctx.principal, action);
  if (scopes.length === 0) throw forbidden(refusal(township));
  if (!township) {
    const message = target.what ? `您的账号不属于任何乡镇，无法使用${target.what}` : '请指定乡镇（township=乡镇代码）';
    throw invalid([{ field: 'township', message }], target.what ? '未关联乡镇' : '请指定乡镇');
  }
  const path = township.path;
  const allowed = TOWNSHIP_WIDE.has(action) ? can(ctx.principal, action, { path }) : scopes.some((s) => s.startsWith(path) || path.startsWith(s));
  if (!allowed) throw forbidden(refusal(township));
  return township;
}

/** Refuses an action on one unit (a record's, a village's) outside the user's scope for it. */
export function requireUnit(ctx: ServiceContext, action: Action, unit: { name: string; path: string }): void {
  if (!can(ctx.principal, action, { path: unit.path })) throw forbidden(UNIT_DENIED[action]?.(unit.name) ?? DENIED[action]);
}

/** Whether the user may perform the action on the unit: for choosing what to show, never for refusing. */
export function mayAccess(ctx: ServiceContext, action: Action, unit: { path: string }): boolean {
  return can(ctx.principal, action, { path: unit.path });
}
