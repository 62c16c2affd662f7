// What the cadre-organisation (组线包村) and work-line routes answer. The server declares these as response
// schemas; the web imports only the types.
import { z } from 'zod';
import { orgUnitRef } from './org.js';

export const cadreMember = z.object({
  id: z.number().int(),
  name: z.string(),
  position: z.string().nullable(),
  isLeader: z.boolean(),
  /** The member's account, when one is linked. */
  userId: z.number().int().nullable(),
});
export type CadreMember = z.infer<typeof cadreMember>;

/** A big group with its small groups as children, or a small group (no children) with the villages it covers. */
export const cadreGroup = z
  .object({
    id: z.number().int(),
    kind: z.enum(['big', 'small']),
    name: z.string(),
    parentId: z.number().int().nullable(),
    leader: z.object({ name: z.string(), position: z.string().nullable() }).nullable(),
    members: z.array(cadreMember),
    villages: z.array(orgUnitRef),
    get children() {
      return z.array(cadreGroup);
    },
    // A recursive schema is published in OpenAPI as a component, which needs a name.
  })
  .meta({ id: 'CadreGroup' });
export type CadreGroup = z.infer<typeof cadreGroup>;

export const cadreOrganisation = z.object({ township: orgUnitRef, items: z.array(cadreGroup) });
export type CadreOrganisation = z.infer<typeof cadreOrganisation>;

export const workLine = z.object({
  id: z.number().int(),
  name: z.string(),
  leaderName: z.string().nullable(),
  /** The responsible leader's account, when one is linked. */
  leaderUserId: z.number().int().nullable(),
  description: z.string().nullable(),
});
export type WorkLine = z.infer<typeof workLine>;

export const workLineList = z.object({ items: z.array(workLine) });
