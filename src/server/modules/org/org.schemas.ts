import { z } from 'zod';
import { ORG_LEVELS } from '../../../core/org-levels.js';
import { dateSchema } from '../../http/schemas.js';

const unitName = z.string().trim().min(1, '请填写名称').max(100, '名称不能超过100个字');

export const codeParams = z.object({ code: z.string().min(1).max(32) });
export const listQuery = z.object({
  parent: z.string().max(32).optional(),
  asOf: dateSchema.optional(),
  includeClosed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export const searchQuery = z.object({ q: z.string().trim().min(1, '请输入搜索内容').max(50) });
export const createBody = z.object({
  parentCode: z.string().min(1, '请选择上级单位'),
  name: unitName,
  level: z.enum(ORG_LEVELS, { message: '级别不正确' }),
  code: z.string().trim().optional(),
  validFrom: dateSchema.optional(),
});
export const renameBody = z.object({ name: unitName });
export const moveBody = z.object({ parentCode: z.string().min(1, '请选择新的上级单位') });
export const closeBody = z.object({ date: dateSchema });
export const mergeBody = z.object({
  groupCodes: z.array(z.string().min(1)).min(2, '请至少选择两个村民小组').max(50),
  name: unitName,
  date: dateSchema,
});
export const progressQuery = z.object({ township: z.string().min(1, '请指定乡镇') });
export const planBody = z.object({ plannedGroups: z.number().int('应为整数').min(1, '至少为1').max(999) });
