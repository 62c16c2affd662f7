// Ledger field definitions and the validation of one record's values against them. Shared by the browser
// (the entry form validates as the user types) and the server (the same rules before anything is stored).
import { z } from 'zod';
import { idCardProblem, normalizeIdCard } from './id-card.js';
import { mobileProblem, normalizeMobile } from './phone.js';
import { normalizeUscc, usccProblem } from './uscc.js';
import { isRealDate } from './periods.js';

export const FIELD_TYPES = [
  'text',
  'longtext',
  'integer',
  'decimal',
  'date',
  'datetime',
  'choice',
  'multichoice',
  'boolean',
  'idcard',
  'mobile',
  'uscc',
  'orgunit',
  'user',
  'photos',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_TYPE_NAMES: Record<FieldType, string> = {
  text: '文本',
  longtext: '长文本',
  integer: '整数',
  decimal: '小数',
  date: '日期',
  datetime: '日期时间',
  choice: '单选',
  multichoice: '多选',
  boolean: '是/否',
  idcard: '身份证号码',
  mobile: '手机号码',
  uscc: '统一社会信用代码',
  orgunit: '组织单元',
  user: '用户',
  photos: '照片/附件',
};

/**
 * Numbers a record may hold when its field sets no narrower min/max: 1,000 万亿 either way. Far beyond any
 * township figure, while sums over millions of records stay exact enough and never overflow.
 */
export const NUMBER_LIMIT = 1e15;

const conditionValue = z.union([z.string(), z.number(), z.boolean()]);

export const fieldDefinition = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '字段标识应以小写字母开头，只含小写字母、数字和下划线'),
  label: z.string().trim().min(1, '请填写字段名称').max(40),
  type: z.enum(FIELD_TYPES, { message: '字段类型不正确' }),
  required: z.boolean().optional(),
  /** Shown, and required if `required`, only when another field has one of these values. */
  when: z.object({ field: z.string(), equals: z.union([conditionValue, z.array(conditionValue).min(1)]) }).optional(),
  unit: z.string().max(10).optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  min: z.number().min(-NUMBER_LIMIT, '最小值超出允许范围').max(NUMBER_LIMIT, '最小值超出允许范围').optional(),
  max: z.number().min(-NUMBER_LIMIT, '最大值超出允许范围').max(NUMBER_LIMIT, '最大值超出允许范围').optional(),
  minDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  maxDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  maxLength: z.number().int().min(1).max(10_000).optional(),
  pattern: z.string().max(200).optional(),
  patternMessage: z.string().max(100).optional(),
  choices: z.array(z.string().trim().min(1).max(50)).max(200).optional(),
  maxFiles: z.number().int().min(1).max(20).optional(),
  /** Unique within the ledger (checked by the server against stored records). */
  unique: z.boolean().optional(),
  /** Retired fields keep their data but no longer appear in forms or accept new values. */
  retired: z.boolean().optional(),
});
export type FieldDefinition = z.infer<typeof fieldDefinition>;

/** A list of fields that fits together: unique keys, conditions on earlier fields, choices where needed. */
export const fieldList = z
  .array(fieldDefinition)
  .min(1, '至少需要一个字段')
  .max(200)
  .superRefine((fields, ctx) => {
    const seen = new Map<string, FieldDefinition>();
    fields.forEach((f, i) => {
      const at = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [i, path], message });
      if (seen.has(f.key)) at('key', `字段标识“${f.key}”重复`);
      if ((f.type === 'choice' || f.type === 'multichoice') && !f.choices?.length) at('choices', '单选/多选字段需要选项');
      if (f.choices && new Set(f.choices).size !== f.choices.length) at('choices', '选项不能重复');
      if (f.min !== undefined && f.max !== undefined && f.min > f.max) at('max', '最大值不能小于最小值');
      if (f.minDate && f.maxDate && f.minDate > f.maxDate) at('maxDate', '最晚日期不能早于最早日期');
      if (f.pattern !== undefined && compilePattern(f.pattern) === null) at('pattern', '格式规则不是有效的正则表达式');
      if (f.when) {
        const target = seen.get(f.when.field);
        if (!target) at('when', `条件字段“${f.when.field}”必须是排在前面的字段`);
        else if (target.retired) at('when', `条件字段“${target.label}”已停用`);
      }
      seen.set(f.key, f);
    });
  });

export interface ValueError {
  field: string;
  message: string;
}

export type RecordValues = Record<string, unknown>;

function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return null;
  }
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Whether a field is shown (and may hold a value) given the other values of the record. */
export function isFieldActive(field: FieldDefinition, values: RecordValues): boolean {
  if (field.retired) return false;
  if (!field.when) return true;
  const actual = values[field.when.field];
  const expected = Array.isArray(field.when.equals) ? field.when.equals : [field.when.equals];
  const actualList = Array.isArray(actual) ? actual : [actual];
  return expected.some((e) => actualList.includes(e));
}

const BOOLEAN_WORDS: Record<string, boolean> = { 是: true, 否: false, true: true, false: false, 有: true, 无: false };

/** Reads one value as its type wants it; returns the normalised value or a Chinese problem. */
function coerce(field: FieldDefinition, raw: unknown): { value?: unknown; problem?: string } {
  const text = typeof raw === 'string' ? raw.trim() : raw;
  switch (field.type) {
    case 'text':
    case 'longtext': {
      if (typeof text !== 'string' && typeof text !== 'number') return { problem: '应为文本' };
      const s = String(text);
      const limit = field.maxLength ?? (field.type === 'text' ? 200 : 5000);
      if (s.length > limit) return { problem: `不能超过${limit}个字` };
      if (field.pattern !== undefined && !compilePattern(field.pattern)?.test(s)) return { problem: field.patternMessage ?? '格式不正确' };
      return { value: s };
    }
    case 'integer':
    case 'decimal': {
      const n =
        typeof text === 'number'
          ? text
          : typeof text === 'string' && /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text.replaceAll(',', ''))
            ? Number(text.replaceAll(',', ''))
            : NaN;
      if (!Number.isFinite(n)) return { problem: field.type === 'integer' ? '应为整数' : '应为数字' };
      if (field.type === 'integer' && !Number.isInteger(n)) return { problem: '应为整数' };
      if (
        field.type === 'decimal' &&
        field.decimals !== undefined &&
        Math.abs(n * 10 ** field.decimals - Math.round(n * 10 ** field.decimals)) > 1e-6
      ) {
        return { problem: `最多保留${field.decimals}位小数` };
      }
      const unit = field.unit ?? '';
      if (Math.abs(n) > NUMBER_LIMIT) return { problem: '超出允许范围（绝对值不能超过1000万亿）' };
      if (field.min !== undefined && n < field.min) return { problem: `不能小于${field.min}${unit}` };
      if (field.max !== undefined && n > field.max) return { problem: `不能大于${field.max}${unit}` };
      return { value: n };
    }
    case 'date':
    case 'datetime': {
      if (typeof text !== 'string') return { problem: field.type === 'date' ? '日期格式应为 YYYY-MM-DD' : '应为日期时间' };
      const day = text.slice(0, 10);
      if (field.type === 'date' ? !isRealDate(text) : !isRealDate(day) || Number.isNaN(Date.parse(text))) {
        return { problem: field.type === 'date' ? '日期格式应为 YYYY-MM-DD' : '日期时间格式不正确' };
      }
      if (field.minDate && day < field.minDate) return { problem: `不能早于${field.minDate}` };
      if (field.maxDate && day > field.maxDate) return { problem: `不能晚于${field.maxDate}` };
      return { value: text };
    }
    case 'choice':
      if (typeof text !== 'string' || !field.choices?.includes(text)) return { problem: `应为以下选项之一：${field.choices?.join('、')}` };
      return { value: text };
    case 'multichoice': {
      const list = Array.isArray(raw)
        ? raw
        : typeof text === 'string'
          ? text
              .split(/[,，、]/)
              .map((s) => s.trim())
              .filter(Boolean)
          : null;
      if (!list) return { problem: '应为选项列表' };
      const bad = list.filter((v) => !field.choices?.includes(v as string));
      if (bad.length) return { problem: `选项不在列表中：${bad.join('、')}` };
      return { value: [...new Set(list)] };
    }
    case 'boolean': {
      if (typeof text === 'boolean') return { value: text };
      const word = typeof text === 'string' ? BOOLEAN_WORDS[text.toLowerCase()] : undefined;
      return word === undefined ? { problem: '应为“是”或“否”' } : { value: word };
    }
    case 'idcard': {
      const problem = typeof text === 'string' ? idCardProblem(text) : '应为身份证号码';
      return problem ? { problem } : { value: normalizeIdCard(text as string) };
    }
    case 'mobile': {
      const s = typeof text === 'number' ? String(text) : text;
      const problem = typeof s === 'string' ? mobileProblem(s) : '应为手机号码';
      return problem ? { problem } : { value: normalizeMobile(s as string) };
    }
    case 'uscc': {
      const problem = typeof text === 'string' ? usccProblem(text) : '应为统一社会信用代码';
      return problem ? { problem } : { value: normalizeUscc(text as string) };
    }
    case 'orgunit':
      return typeof text === 'string' && /^\d{12}(\d{3}){0,2}$/.test(text) ? { value: text } : { problem: '应为组织单元代码' };
    case 'user':
      return typeof text === 'number' && Number.isInteger(text) && text > 0 ? { value: text } : { problem: '应为用户' };
    case 'photos': {
      if (!Array.isArray(raw) || raw.some((id) => typeof id !== 'string' || id.length === 0 || id.length > 100)) return { problem: '应为附件列表' };
      const limit = field.maxFiles ?? 9;
      if (raw.length > limit) return { problem: `最多${limit}个附件` };
      return { value: raw };
    }
  }
}

/**
 * Validates a record's values against its fields. Returns the normalised values (only active fields with a
 * value) and every problem, one per field, in the fields' order. Uniqueness is the server's to check.
 */
export function validateValues(fields: FieldDefinition[], values: RecordValues): { values: RecordValues; errors: ValueError[] } {
  const errors: ValueError[] = [];
  const clean: RecordValues = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(values)) {
    if (!byKey.has(key)) errors.push({ field: key, message: '台账中没有这个字段' });
  }
  // Conditions read normalised values, so "是" and true both satisfy a boolean condition.
  const normalised: RecordValues = { ...values };
  for (const field of fields) {
    const raw = values[field.key];
    if (field.retired) {
      if (!isEmpty(raw)) errors.push({ field: field.key, message: `“${field.label}”已停用，不能再填写` });
      continue;
    }
    const active = isFieldActive(field, normalised);
    if (!active) {
      if (!isEmpty(raw)) {
        const condition = byKey.get(field.when!.field)!;
        const expected = Array.isArray(field.when!.equals) ? field.when!.equals.join('或') : String(field.when!.equals);
        errors.push({ field: field.key, message: `仅当“${condition.label}”为“${displayCondition(expected)}”时填写` });
      }
      delete normalised[field.key];
      continue;
    }
    if (isEmpty(raw)) {
      if (field.required) errors.push({ field: field.key, message: `请填写${field.label}` });
      continue;
    }
    const { value, problem } = coerce(field, raw);
    // The national-standard checks already name what they check; the others read "<label><problem>".
    const selfContained = field.type === 'idcard' || field.type === 'mobile' || field.type === 'uscc';
    if (problem) errors.push({ field: field.key, message: selfContained ? problem : `${field.label}${problem}` });
    else {
      clean[field.key] = value;
      normalised[field.key] = value;
    }
  }
  return { values: clean, errors };
}

const displayCondition = (s: string) => s.replace(/\btrue\b/g, '是').replace(/\bfalse\b/g, '否');
