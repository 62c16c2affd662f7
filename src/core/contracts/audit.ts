// What the audit-log routes answer. The server declares these as response schemas; the web imports only the types.
import { z } from 'zod';

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  /** The township the entry belongs to; null for deployment-wide entries. (Its unit's tree path stays internal.) */
  townshipId: z.number().int().nullable(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** Snapshots of the entity, masked as its records are for readers without personal.read there. */
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditPage = z.object({ items: z.array(auditEntry), total: z.number().int() });
export type AuditPage = z.infer<typeof auditPage>;
