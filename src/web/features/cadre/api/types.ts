// The cadre organisation and work lines as the server answers them (core/contracts/cadre.ts).
export type { CadreGroup, CadreMember, CadreOrganisation, WorkLine } from '../../../../core/contracts/cadre';

export const cadreKeys = { groups: ['cadre-groups'] as const, workLines: ['work-lines'] as const };
