export interface OrgUnitRef {
  code: string;
  name: string;
}

export interface RoleGrant {
  /** The grant's id; older servers omit it. */
  id?: number;
  role: string;
  /** Waiting for a township leader's approval (a household-data role an administrator asked for): not usable yet. */
  pending?: boolean;
  roleName: string;
  /** null for roles without a unit scope (administrator: the whole deployment). */
  orgUnit: OrgUnitRef | null;
  cadreGroup: { id: number; name: string } | null;
}

/** Where a role applies: its cadre group, its org unit, or the whole system. */
export function roleScope(grant: RoleGrant): string {
  if (grant.cadreGroup) return grant.cadreGroup.name;
  return grant.orgUnit?.name ?? '全系统';
}

export interface Abilities {
  orgWrite: boolean;
  /** Importing statistical divisions (administrators); older servers omit it and imply it by orgWrite. */
  orgImport?: boolean;
  usersManage: boolean;
  /** Approving household-data roles that an administrator granted (township leaders); older servers omit it. */
  grantApprove?: boolean;
  auditRead: boolean;
  cadreWrite: boolean;
  /** Defining ledgers (township leaders, work-line leads). */
  ledgerDefine: boolean;
  ledgerRead: boolean;
  ledgerWrite: boolean;
  /** Seeing and restoring deleted ledger records (township leaders). */
  ledgerRestore: boolean;
  /** Indicator values, dashboards and rankings (everyone working in the township but the administrator). */
  indicatorRead: boolean;
  /** Defining indicators, rankings and quality rules (township leaders, work-line leads). */
  indicatorDefine: boolean;
  indicatorTarget: boolean;
  /** Submitting a periodic ledger's period for approval (village cadres and up). */
  periodSubmit: boolean;
  periodApprove: boolean;
  periodUnlock: boolean;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  /** `demo`: the township's data is the synthetic demo data. */
  township: (OrgUnitRef & { demo?: boolean }) | null;
  roles: RoleGrant[];
  abilities: Abilities;
}
