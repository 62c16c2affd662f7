import { z } from 'zod';
import { fieldList } from '../../../core/ledger-fields.js';

export const keyParams = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_-]{0,59}$/, '台账标识不正确'),
});
export const recordParams = keyParams.extend({
  id: z.coerce.number({ error: '编号应为数字' }).int('编号应为整数').positive('编号不正确'),
});

export const createLedgerBody = z.object({
  key: z.string({ error: '请填写台账标识' }).regex(/^[a-z][a-z0-9_-]{0,59}$/, '台账标识应以小写字母开头，只含小写字母、数字、下划线和连字符'),
  name: z.string({ error: '请填写台账名称' }).trim().min(1, '请填写台账名称').max(60, '台账名称不能超过60个字'),
  kind: z.enum(['register', 'periodic'], { error: '类型应为登记型(register)或周期型(periodic)' }),
  workLineId: z.number({ error: '工作条线应为数字编号' }).int().positive().nullable().optional(),
  fields: fieldList,
});

export const fieldsBody = z.object({ fields: fieldList });

export const recordsQuery = z.object({
  orgUnit: z.string().regex(/^\d{12}(\d{3}){0,2}$/, '组织单元代码不正确').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(100).optional(),
});

const values = z.record(z.string(), z.unknown(), { error: '填写内容应为对象' });

export const createRecordBody = z.object({
  orgUnit: z.string({ error: '请选择组织单元' }).regex(/^\d{12}(\d{3}){0,2}$/, '组织单元代码不正确'),
  values,
});

export const updateRecordBody = z.object({
  version: z.number({ error: '请提供记录版本号' }).int().positive(),
  values,
});

export type CreateLedgerInput = z.infer<typeof createLedgerBody>;
export type RecordsQuery = z.infer<typeof recordsQuery>;
