import { Tag } from 'antd';
import { TASK_LIGHT_NAMES, TASK_LIGHT_SHORT_NAMES, TASK_STATUS_NAMES } from '../../../../core/supervision';
import { LIGHT_COLORS, type TaskSummary } from '../api/types';

/** The task's light as a coloured tag; a task finished after its deadline reads “逾期办结”. */
export function TaskLightTag({ task, long }: { task: Pick<TaskSummary, 'light' | 'late'>; long?: boolean }) {
  const lateDone = task.light === 'green' && task.late;
  const text = lateDone ? '逾期办结' : long ? TASK_LIGHT_NAMES[task.light] : TASK_LIGHT_SHORT_NAMES[task.light];
  return (
    <Tag color={lateDone ? 'orange' : LIGHT_COLORS[task.light]} style={{ marginInlineEnd: 0 }} title={TASK_LIGHT_NAMES[task.light]}>
      {text}
    </Tag>
  );
}

/** The flow status; a paused task says so. */
export function TaskStatusTag({ task }: { task: Pick<TaskSummary, 'status' | 'paused'> }) {
  const color = task.status === 'done' ? 'success' : task.status === 'completion_requested' ? 'processing' : undefined;
  return (
    <Tag color={task.paused ? 'default' : color} style={{ marginInlineEnd: 0 }}>
      {TASK_STATUS_NAMES[task.status]}
      {task.paused ? '（暂停）' : ''}
    </Tag>
  );
}
