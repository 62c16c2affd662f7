export interface CadreMember {
  id?: number;
  name: string;
  position: string | null;
  isLeader: boolean;
  userId: number | null;
}

export interface CadreGroup {
  id: number;
  kind: 'big' | 'small';
  name: string;
  parentId: number | null;
  leader: { name: string; position: string | null } | null;
  members: CadreMember[];
  villages: { code: string; name: string }[];
  children: CadreGroup[];
}

export interface WorkLine {
  id: number;
  name: string;
  leaderName: string | null;
  leaderUserId: number | null;
  description: string | null;
}

export const cadreKeys = {
  groups: ['cadre-groups'] as const,
  workLines: ['work-lines'] as const,
};
