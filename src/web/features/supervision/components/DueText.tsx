import { Typography } from 'antd';
import { daysBetween } from '../../../../core/supervision';
import type { TaskSummary } from '../api/types';

/** How far a date is from the township's today: “今天到期”, “还剩3天”, “逾期5天”. */
export function dueDistance(due: string, today: string): { text: string; late: boolean; soon: boolean } {
  const days = daysBetween(today, due);
  if (days < 0) return { text: `逾期${-days}天`, late: true, soon: false };
  if (days === 0) return { text: '今天到期', late: false, soon: true };
  return { text: `还剩${days}天`, late: false, soon: days <= 3 };
}

/** A task's next deadline with its distance; a finished task shows the day it was finished. */
export function NextDue({ task, today }: { task: Pick<TaskSummary, 'nextDue' | 'doneOn' | 'status'>; today: string }) {
  if (task.status === 'done') {
    return <Typography.Text type="secondary">{task.doneOn ? `${task.doneOn} 办结` : '已办结'}</Typography.Text>;
  }
  if (!task.nextDue) return <Typography.Text type="secondary">—</Typography.Text>;
  const d = dueDistance(task.nextDue, today);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {task.nextDue}{' '}
      <Typography.Text type={d.late ? 'danger' : d.soon ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
        {d.text}
      </Typography.Text>
    </span>
  );
}

/** Nodes done of all, and for a split task how many villages finished. */
export function progressText(task: Pick<TaskSummary, 'nodesDone' | 'nodesTotal' | 'childrenDone' | 'childrenTotal'>): string {
  if (task.childrenTotal > 0) return `${task.childrenDone}/${task.childrenTotal} 村办结`;
  return `节点 ${task.nodesDone}/${task.nodesTotal}`;
}
