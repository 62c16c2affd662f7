// Roles of DESIGN.md §2. A user holds one or more, each bound to an org-unit scope.

export const ROLES = ['leader', 'line_lead', 'group_leader', 'village_cadre', 'grid_worker', 'admin', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  leader: '镇领导',
  line_lead: '条线负责人',
  group_leader: '组长',
  village_cadre: '村干部',
  grid_worker: '网格员',
  admin: '管理员',
  viewer: '查看',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
