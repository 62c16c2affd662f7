// Audit entries as the server answers them (core/contracts/audit.ts); Chinese names of actions and entities.
export type { AuditEntry, AuditPage } from '../../../../core/contracts/audit';

export type { AuditFilters } from '../../../../core/contracts/audit-requests';
import type { AuditFilters } from '../../../../core/contracts/audit-requests';

/** Chinese names of the actions and entities the server writes; unknown ones show as recorded. */
export const ACTION_NAMES: Record<string, string> = {
  login: '登录',
  'login.failed': '登录失败',
  logout: '退出登录',
  'password.change': '修改密码',
  'org.create': '新增组织单元',
  'org.rename': '重命名组织单元',
  'org.move': '移动组织单元',
  'org.close': '撤销组织单元',
  'org.import': '导入区划',
  'org.merge': '合并村民小组',
  'org.merge-plan': '修改合组计划',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.reset-password': '重置密码',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.revoke-sessions': '强制下线',
  'role.grant.requested': '申请授予角色（待审批）',
  'role.grant.approved': '批准角色授权',
  'audit.export': '导出审计日志',
  'system.backup': '下载数据备份',
  'cadre.create': '新增干部分组',
  'cadre.update': '修改干部分组',
  'cadre.delete': '删除干部分组',
  'cadre.members': '设置分组成员',
  'cadre.villages': '设置包村',
  'work_line.create': '新增工作条线',
  'work_line.update': '修改工作条线',
  'work_line.delete': '删除工作条线',
  'user.export': '导出用户',
  'ledger.create': '新建台账',
  'ledger.fields': '修改台账字段',
  'ledger.workflow': '修改台账流程',
  'ledger.library': '添加内置台账',
  'ledger.demo': '载入演示台账数据',
  'ledger.export_personal': '导出含个人信息的台账',
  'personal.read': '查看未脱敏的个人信息',
  'personal_data.encrypt': '加密存量个人信息',
  'personal_data.rotate': '更换个人信息密钥',
  'ledger_record.create': '新增台账记录',
  'ledger_record.update': '修改台账记录',
  'ledger_record.delete': '删除台账记录',
  'ledger_record.restore': '恢复台账记录',
  'ledger_record.transition': '台账记录状态流转',
  'ledger_record.import': '导入台账记录',
  'attachment.upload': '上传附件',
};

export const ENTITY_NAMES: Record<string, string> = {
  user: '用户',
  session: '会话',
  org_unit: '组织单元',
  audit_log: '审计日志',
  personal_data: '个人信息加密',
  cadre_group: '干部分组',
  work_line: '工作条线',
  ledger: '台账',
  ledger_record: '台账记录',
  attachment: '附件',
  backup: '数据备份',
};

const VERBS: Record<string, string> = { create: '新增', update: '修改', delete: '删除', export: '导出', import: '导入' };
const SUBJECTS: Record<string, string> = { org: '组织单元', user: '用户', cadre: '干部分组', work_line: '工作条线', audit: '审计日志' };

/** A Chinese name for any action, including ones added after this list: 'cadre.create' → 新增干部分组. */
export function actionName(action: string): string {
  if (ACTION_NAMES[action]) return ACTION_NAMES[action];
  const [subject, verb] = action.split('.');
  if (verb && VERBS[verb] && SUBJECTS[subject]) return `${VERBS[verb]}${SUBJECTS[subject]}`;
  return action;
}

export function actorName(username: string | null): string {
  if (!username) return '—';
  return username === 'system' ? '系统' : username;
}

export const auditKeys = { list: (filters: AuditFilters, page: number, pageSize: number) => ['audit', filters, page, pageSize] as const };
