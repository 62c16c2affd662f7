// The cadre routes' request schemas. Bodies and queries are shared contracts (core/contracts/cadre-requests.ts), so
// the web sends what is checked here; path parameters and the parsed shapes the services take stay here.
import { z } from 'zod';
import type { createGroupBody, createWorkLineBody, member, updateGroupBody, updateWorkLineBody } from '../../../core/contracts/cadre-requests.js';

export {
  createGroupBody,
  createWorkLineBody,
  membersBody,
  townshipQuery,
  updateGroupBody,
  updateWorkLineBody,
  villagesBody,
} from '../../../core/contracts/cadre-requests.js';

export const idParams = z.object({ id: z.coerce.number({ error: '编号应为数字' }).int('编号应为整数').positive('编号不正确') });

export type CreateGroupInput = z.infer<typeof createGroupBody>;
export type UpdateGroupInput = z.infer<typeof updateGroupBody>;
export type MemberInput = z.infer<typeof member>;
export type CreateWorkLineInput = z.infer<typeof createWorkLineBody>;
export type UpdateWorkLineInput = z.infer<typeof updateWorkLineBody>;
