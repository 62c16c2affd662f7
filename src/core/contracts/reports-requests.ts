// Request contracts of the reports module (docs/api.md, docs/reports.md).
import { z } from 'zod';
import { dateSchema, optionalText, requiredText } from './request-fields.js';

/** Templates are at most this long: the demo half-year report is about 9,000 characters. */
export const TEMPLATE_MAX_CHARS = 200_000;

const templateKey = z.string({ error: '请填写模板键' }).regex(/^[a-z][a-z0-9-]{1,39}$/, '模板键应为小写字母开头的字母、数字或连字符，2到40位');
const period = z.string({ error: '请选择报告期' }).trim().min(1, '请选择报告期').max(20, '报告期不正确');
const orgUnit = z
  .string()
  .regex(/^\d{12}(\d{3}){0,2}$/, '组织单元代码不正确')
  .optional();
const body = z.string({ error: '请填写模板内容' }).max(TEMPLATE_MAX_CHARS, `模板不能超过${TEMPLATE_MAX_CHARS}个字`);

export const REPORT_FORMATS = ['text', 'html', 'docx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const renderBody = z
  .object({
    template: templateKey.optional(),
    /** The text of a template being edited, instead of a saved template's key. */
    body: body.optional(),
    period,
    asOf: dateSchema.optional(),
    orgUnit,
    format: z.enum(REPORT_FORMATS, { error: '格式应为 text、html、docx 或 json' }).default('json'),
  })
  .refine((b) => (b.template ? !b.body : b.body !== undefined), {
    message: '请指定模板（template）或模板内容（body），二者选一',
    path: ['template'],
  });
export type RenderBody = z.input<typeof renderBody>;

export const templateParams = z.object({ key: templateKey });

export const createTemplateBody = z.object({ key: templateKey, name: requiredText('模板名称', 60), description: optionalText('说明', 500), body });
export type CreateTemplateBody = z.input<typeof createTemplateBody>;

export const updateTemplateBody = z.object({
  version: z.number({ error: '请提供模板版本号' }).int().positive(),
  name: requiredText('模板名称', 60),
  description: optionalText('说明', 500),
  body,
});
export type UpdateTemplateBody = z.input<typeof updateTemplateBody>;

export const saveVersionBody = z.object({ template: templateKey, period, asOf: dateSchema.optional(), orgUnit, note: optionalText('备注', 200) });
export type SaveVersionBody = z.input<typeof saveVersionBody>;

export const versionParams = z.object({ id: z.coerce.number().int().positive() });
export const versionFormatQuery = z.object({ format: z.enum(['text', 'html', 'docx'], { error: '格式应为 text、html 或 docx' }).default('docx') });

export const versionListQuery = z.object({
  template: templateKey.optional(),
  period: period.optional(),
  orgUnit,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** Compare a version with another (`with`=id) or, without it, with today's data. */
export const compareQuery = z.object({ with: z.coerce.number().int().positive().optional() });

export const profileBody = z.object({
  short: optionalText('乡镇简称', 20),
  goal: optionalText('工作目标', 60),
  motto: optionalText('工作总方针', 200),
  campaign: optionalText('市委行动名称', 40),
});
export type ProfileBody = z.input<typeof profileBody>;

export const suggestBody = z.object({
  text: z.string({ error: '请粘贴报告正文' }).trim().min(1, '请粘贴报告正文').max(TEMPLATE_MAX_CHARS, `正文不能超过${TEMPLATE_MAX_CHARS}个字`),
  period: period.optional(),
});

export const noticeBody = z.object({
  indicator: z.string({ error: '请选择指标' }).regex(/^[a-z][a-z0-9_]{1,47}$/, '指标键不正确'),
  asOf: dateSchema.optional(),
  format: z.enum(REPORT_FORMATS, { error: '格式应为 text、html、docx 或 json' }).default('json'),
});
export type NoticeBody = z.input<typeof noticeBody>;
