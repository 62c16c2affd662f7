// What a client sends to the ledger routes (definitions, records, period grids and submissions, the library). The
// server validates requests with these schemas (ledgers.schemas.ts re-exports them); the web imports only the
// types, which are what a client sends (z.input) — the server works on what they parse to (z.output).
import { z } from 'zod';
import { fieldList } from '../ledger-fields.js';
import { workflowDefinition } from '../ledger-workflow.js';
import { PERIOD_TYPES } from '../periods.js';
import { dateSchema } from './request-fields.js';

// Data items of a periodic ledger are figures, with an optional remark; choices and personal data belong in a
// register ledger.
const PERIODIC_FIELD_TYPES = new Set(['integer', 'decimal', 'text', 'longtext']);

export function periodicFieldErrors(fields: { label: string; type: string }[]) {
  return fields.flatMap((f, i) =>
    PERIODIC_FIELD_TYPES.has(f.type) ? [] : [{ field: `fields.${i}.type`, message: `周期型台账的数据项“${f.label}”应为整数、小数或文本` }],
  );
}

export const createLedgerBody = z
  .object({
    key: z.string({ error: '请填写台账标识' }).regex(/^[a-z][a-z0-9_-]{0,59}$/, '台账标识应以小写字母开头，只含小写字母、数字、下划线和连字符'),
    name: z.string({ error: '请填写台账名称' }).trim().min(1, '请填写台账名称').max(60, '台账名称不能超过60个字'),
    kind: z.enum(['register', 'periodic'], { error: '类型应为登记型(register)或周期型(periodic)' }),
    workLineId: z.number({ error: '工作条线应为数字编号' }).int().positive().nullable().optional(),
    description: z.string().trim().max(500, '说明不能超过500个字').optional(),
    periodType: z.enum(PERIOD_TYPES, { error: '填报周期应为 day/week/month/quarter/half/year 之一' }).optional(),
    workflow: workflowDefinition.nullable().optional(),
    fields: fieldList,
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'periodic') {
      if (!body.periodType) ctx.addIssue({ code: 'custom', path: ['periodType'], message: '周期型台账需要选择填报周期' });
      if (body.workflow) ctx.addIssue({ code: 'custom', path: ['workflow'], message: '周期型台账不使用状态流转' });
      for (const e of periodicFieldErrors(body.fields))
        ctx.addIssue({ code: 'custom', path: e.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: e.message });
    } else if (body.periodType) {
      ctx.addIssue({ code: 'custom', path: ['periodType'], message: '登记型台账不需要填报周期' });
    }
  });
export type CreateLedgerBody = z.input<typeof createLedgerBody>;

export const workflowBody = z.object({ workflow: workflowDefinition.nullable() });
export type WorkflowBody = z.input<typeof workflowBody>;

export const fieldsBody = z.object({ fields: fieldList });
export type FieldsBody = z.input<typeof fieldsBody>;

/** A period of any type: 2022, 2022S1, 2022Q2, 202206, 2022W24, 20220615. */
export const ledgerPeriod = z
  .string()
  .regex(/^\d{4}(S[12]|Q[1-4]|W\d{2}|\d{2}|\d{4})?$/, '期间格式不正确，例如 2022、2022S1、2022Q2、202206、2022W24、20220615');

/**
 * List filters, shared by the list, its Excel export and the grid. Field filters come as `f.<key>=<value>`:
 * equality for choices, yes/no and texts; `from..to` (either end optional) for numbers and dates.
 */
export const recordsQuery = z
  .object({
    orgUnit: z
      .string()
      .regex(/^\d{12}(\d{3}){0,2}$/, '组织单元代码不正确')
      .optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    q: z.string().trim().max(100).optional(),
    status: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,29}$/, '状态不正确')
      .optional(),
    period: ledgerPeriod.optional(),
    sort: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, '排序字段不正确')
      .optional(),
    order: z.enum(['asc', 'desc'], { error: '排序方向应为 asc 或 desc' }).default('desc'),
    deleted: z
      .enum(['true', 'false'], { error: 'deleted 应为 true 或 false' })
      .optional()
      .transform((v) => v === 'true'),
  })
  .catchall(z.string().max(200))
  .transform((query) => {
    const fieldFilters: Record<string, string> = {};
    for (const [name, value] of Object.entries(query)) {
      if (name.startsWith('f.') && typeof value === 'string' && value !== '') fieldFilters[name.slice(2)] = value;
    }
    return { ...query, fieldFilters };
  });
/** The query string as sent: every value a string, field filters as `f.<key>`. */
export type RecordsQueryParams = z.input<typeof recordsQuery>;

export const transitionBody = z.object({
  version: z.number({ error: '请提供记录版本号' }).int().positive(),
  to: z.string({ error: '请选择目标状态' }).regex(/^[a-z][a-z0-9_]{0,29}$/, '状态不正确'),
  note: z.string().trim().max(500, '说明不能超过500个字').optional(),
  photos: z.array(z.string().min(1).max(100)).max(20, '最多20张照片').optional(),
});
export type TransitionBody = z.input<typeof transitionBody>;

export const gridBody = z.object({
  rows: z
    .array(
      z.object({
        orgUnit: z.string({ error: '请选择组织单元' }).regex(/^\d{12}(\d{3}){0,2}$/, '组织单元代码不正确'),
        version: z.number().int().positive().nullable().optional(),
        values: z.record(z.string(), z.unknown(), { error: '填写内容应为对象' }),
      }),
    )
    .min(1, '没有要保存的数据')
    .max(2000, '一次最多保存2000行'),
});
export type GridBody = z.input<typeof gridBody>;

const values = z.record(z.string(), z.unknown(), { error: '填写内容应为对象' });

export const createRecordBody = z.object({
  orgUnit: z.string({ error: '请选择组织单元' }).regex(/^\d{12}(\d{3}){0,2}$/, '组织单元代码不正确'),
  values,
});
export type CreateRecordBody = z.input<typeof createRecordBody>;

export const updateRecordBody = z.object({ version: z.number({ error: '请提供记录版本号' }).int().positive(), values });
export type UpdateRecordBody = z.input<typeof updateRecordBody>;

export const installLibraryBody = z.object({
  /** The library keys to install; absent: every ledger the township lacks. */
  keys: z.array(z.string().max(60)).min(1, '请选择要添加的台账').max(200).optional(),
});
export type InstallLibraryBody = z.input<typeof installLibraryBody>;

const unitCode = z.string({ error: '请选择村（社区）' }).regex(/^\d{12}(\d{3}){0,2}$/, '组织单元代码不正确');
const reason = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(500, `${what}不能超过500个字`);

export const submitBody = z.object({ orgUnit: unitCode });
export type SubmitBody = z.input<typeof submitBody>;
export const approveBody = z.object({
  orgUnits: z.array(unitCode, { error: '请选择要审核的村（社区）' }).min(1, '请选择要审核的村（社区）').max(2000, '一次最多审核2000个村（社区）'),
});
export type ApproveBody = z.input<typeof approveBody>;
export const returnBody = z.object({ orgUnit: unitCode, reason: reason('退回原因') });
export type ReturnBody = z.input<typeof returnBody>;
export const unlockBody = z.object({ orgUnit: unitCode, reason: reason('解锁原因') });
export type UnlockBody = z.input<typeof unlockBody>;

export const overdueQuery = z.object({ asOf: dateSchema.optional() });
export type OverdueQuery = z.input<typeof overdueQuery>;
