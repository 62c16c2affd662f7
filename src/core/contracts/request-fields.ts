// Request-schema pieces shared by the request contracts of every module (<m>-requests.ts).
import { z } from 'zod';
import { isRealDate } from '../periods.js';

/** A calendar day as YYYY-MM-DD that exists: 2022-13-01 and 2022-02-30 are refused, never rolled over. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isRealDate, '日期不存在');
