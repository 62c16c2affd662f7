// Request-schema pieces shared by the request contracts of every module (<m>-requests.ts).
import { z } from 'zod';
import { isRealDate } from '../periods.js';

/** A calendar day as YYYY-MM-DD that exists: 2022-13-01 and 2022-02-30 are refused, never rolled over. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isRealDate, '日期不存在');

/** A required text field whose messages name the field, whatever is wrong with it. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}应为文字`) })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

/** An optional text field (null or absent clears it), its messages naming the field. */
export const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullable()
    .optional();

/** A numeric id in a body, its messages naming what it identifies. */
export const bodyId = (label: string) =>
  z
    .number({ error: `${label}应为数字编号` })
    .int(`${label}应为整数`)
    .positive(`${label}不正确`);
