// Small pieces the project and goal pages share: 万元 figures, status and stage tags, task light tags, and the
// server's field errors put under nested form fields (stages.0.due).
import { Tag, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ProjectStage } from '../../../../core/contracts/supervision';
import { PROJECT_STATUS_NAMES, TASK_LIGHT_SHORT_NAMES, type ProjectStatus, type TaskLight } from '../../../../core/supervision';
import { ApiError } from '../../../lib/api-client';

/** 万元 with two decimals (1,234.50); a dash when there is none. */
export function formatWan(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return value.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

const STATUS_COLORS: Record<ProjectStatus, string> = { preparing: 'default', building: 'processing', completed: 'success', paused: 'warning' };

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{PROJECT_STATUS_NAMES[status]}</Tag>;
}

export const STAGE_STATE_NAMES: Record<ProjectStage['state'], string> = {
  done: '按时完成',
  done_late: '逾期完成',
  overdue: '逾期未完成',
  open: '未到期',
};
const STAGE_STATE_COLORS: Record<ProjectStage['state'], string> = { done: 'green', done_late: 'orange', overdue: 'red', open: 'blue' };

export function StageStateTag({ state }: { state: ProjectStage['state'] }) {
  return <Tag color={STAGE_STATE_COLORS[state]}>{STAGE_STATE_NAMES[state]}</Tag>;
}

const LIGHT_COLORS: Record<TaskLight, string> = { red: 'red', yellow: 'gold', blue: 'blue', normal: 'cyan', grey: 'default', green: 'green' };

/** A task's light as a light tag (逾期办结 for a task finished late). */
export function ProjectTaskLightTag({ light, late }: { light: TaskLight; late?: boolean }) {
  return (
    <Tag color={LIGHT_COLORS[light]} style={{ marginInlineEnd: 0 }}>
      {light === 'green' && late ? '逾期办结' : TASK_LIGHT_SHORT_NAMES[light]}
    </Tag>
  );
}

/** A link to a 督办 task; as a block it lets a long title end in an ellipsis inside a flex row. */
export function TaskLink({ id, children }: { id: number; children: ReactNode }) {
  return (
    <Link to={`/supervision/tasks/${id}`} style={{ display: 'block', flex: 1, minWidth: 0 }}>
      {children}
    </Link>
  );
}

/**
 * Puts the server's per-field messages under the matching form fields, nested paths included
 * (`stages.0.due` → ['stages', 0, 'due']). Returns true when every message found a field.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fieldNames: string[]): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  const known = error.errors.filter((e) => fieldNames.includes(e.field.split('.')[0]));
  form.setFields(known.map((e) => ({ name: e.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [e.message] })));
  return known.length === error.errors.length;
}
