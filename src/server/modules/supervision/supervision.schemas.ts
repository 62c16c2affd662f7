// The supervision routes' request schemas: bodies and queries are shared contracts
// (core/contracts/supervision-requests.ts); path parameters and the parsed shapes the services take stay here.
import { z } from 'zod';
import type * as r from '../../../core/contracts/supervision-requests.js';
import { dateSchema } from '../../../core/contracts/request-fields.js';

export {
  createGoalBody,
  createProjectBody,
  createTaskBody,
  delayDecisionBody,
  delayRequestBody,
  goalListQuery,
  projectListQuery,
  projectUpdateBody,
  taskListQuery,
  taskUpdateBody,
  townshipQuery,
  transitionBody,
  updateGoalBody,
  updateProjectBody,
} from '../../../core/contracts/supervision-requests.js';

const positiveId = z.coerce.number({ error: '编号应为数字' }).int('编号应为整数').positive('编号不正确');
export const idParams = z.object({ id: positiveId });
export const delayParams = z.object({ id: positiveId, delayId: positiveId });
/** A fixed date for the township (demo, training), or null to follow the real China date. */
export const clockBody = z.object({ today: dateSchema.nullable() });
export const projectExportQuery = z.object({
  township: z
    .string()
    .regex(/^\d{12}$/, '乡镇代码应为12位数字')
    .optional(),
  year: z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确').optional(),
});

export type CreateTaskInput = z.output<typeof r.createTaskBody>;
export type TransitionInput = z.output<typeof r.transitionBody>;
export type TaskUpdateInput = z.output<typeof r.taskUpdateBody>;
export type DelayRequestInput = z.output<typeof r.delayRequestBody>;
export type DelayDecisionInput = z.output<typeof r.delayDecisionBody>;
export type TaskListInput = z.output<typeof r.taskListQuery>;
export type CreateGoalInput = z.output<typeof r.createGoalBody>;
export type UpdateGoalInput = z.output<typeof r.updateGoalBody>;
export type CreateProjectInput = z.output<typeof r.createProjectBody>;
export type UpdateProjectInput = z.output<typeof r.updateProjectBody>;
export type ProjectUpdateInput = z.output<typeof r.projectUpdateBody>;
export type ProjectListInput = z.output<typeof r.projectListQuery>;
export type StageInput = z.output<typeof r.stageInput>;
