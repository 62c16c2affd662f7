export interface OrgUnitRef {
  code: string;
  name: string;
}

export interface RoleGrant {
  role: string;
  roleName: string;
  orgUnit: OrgUnitRef;
  cadreGroup: { id: number; name: string } | null;
}

export interface Abilities {
  orgWrite: boolean;
  usersManage: boolean;
  auditRead: boolean;
  cadreWrite: boolean;
}

export interface Me {
  id: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  township: OrgUnitRef | null;
  roles: RoleGrant[];
  abilities: Abilities;
}
