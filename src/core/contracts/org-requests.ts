// What a client sends to the org-unit routes. The server validates requests with these schemas (org.schemas.ts
// re-exports them); the web imports only the types, which are what a client sends (z.input) — the server works on
// what they parse to (z.output).
import { z } from 'zod';
import { ORG_LEVELS } from '../org-levels.js';
import { dateSchema } from './request-fields.js';

const unitName = z.string().trim().min(1, '请填写名称').max(100, '名称不能超过100个字');

export const listQuery = z.object({
  parent: z.string().max(32).optional(),
  asOf: dateSchema.optional(),
  includeClosed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type OrgListQuery = z.input<typeof listQuery>;
export const searchQuery = z.object({ q: z.string().trim().min(1, '请输入搜索内容').max(50) });
export type OrgSearchQuery = z.input<typeof searchQuery>;
export const createBody = z.object({
  parentCode: z.string().min(1, '请选择上级单位'),
  name: unitName,
  level: z.enum(ORG_LEVELS, { message: '级别不正确' }),
  code: z.string().trim().optional(),
  validFrom: dateSchema.optional(),
});
export type CreateOrgUnitBody = z.input<typeof createBody>;
export const renameBody = z.object({ name: unitName });
export type RenameOrgUnitBody = z.input<typeof renameBody>;
export const moveBody = z.object({ parentCode: z.string().min(1, '请选择新的上级单位') });
export type MoveOrgUnitBody = z.input<typeof moveBody>;
export const closeBody = z.object({ date: dateSchema });
export type CloseOrgUnitBody = z.input<typeof closeBody>;
export const mergeBody = z.object({
  groupCodes: z.array(z.string().min(1)).min(2, '请至少选择两个村民小组').max(50),
  name: unitName,
  date: dateSchema,
});
export type MergeGroupsBody = z.input<typeof mergeBody>;
export const progressQuery = z.object({ township: z.string().min(1, '请指定乡镇') });
export type MergeProgressQuery = z.input<typeof progressQuery>;
export const planBody = z.object({ plannedGroups: z.number().int('应为整数').min(1, '至少为1').max(999) });
export type MergePlanBody = z.input<typeof planBody>;
