import { Tag } from 'antd';
import { useTasks } from '../api/get-tasks';
import type { TaskFilters } from '../api/types';
import { TaskMiniList } from './TaskMiniList';

const SHOWN = 5;
// Finished tasks are not "mine" any more; everything still open, red first.
const FILTERS: TaskFilters = { mine: 'handle', status: ['assigned', 'signed', 'in_progress', 'completion_requested'] };

/** 我的任务 on the 工作台: the open tasks the user must handle, the most urgent first. */
export function MyTasksCard() {
  const { data, error, isPending } = useTasks(FILTERS, 1, SHOWN);
  const red = data?.lights.red ?? 0;
  return (
    <TaskMiniList
      title="我的任务"
      data={data}
      error={error}
      isPending={isPending}
      moreTo="/supervision?mine=handle&status=assigned,signed,in_progress,completion_requested"
      empty="没有待办的督办任务"
      extra={
        red > 0 && (
          <Tag color="red" style={{ marginInlineEnd: 0 }}>
            逾期 {red}
          </Tag>
        )
      }
    />
  );
}
