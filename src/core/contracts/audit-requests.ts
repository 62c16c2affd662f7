// The audit log's filters, as a client sends them (the list adds its page).
import { z } from 'zod';
import { dateSchema } from './request-fields.js';

export const auditFilterQuery = z.object({
  user: z.string().trim().max(64).optional(),
  entity: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export type AuditFilters = z.input<typeof auditFilterQuery>;

export const auditListQuery = auditFilterQuery.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
