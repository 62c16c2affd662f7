import { Tag } from 'antd';
import { useTasks } from '../api/get-tasks';
import type { TaskFilters } from '../api/types';
import { TaskMiniList } from './TaskMiniList';

const SHOWN = 6;
const FILTERS: TaskFilters = { light: ['red', 'blue'] };

/** 逾期/即将到期 on the 工作台: red (overdue) tasks first, then those due within three days. */
export function DueTasksCard() {
  const { data, error, isPending } = useTasks(FILTERS, 1, SHOWN);
  return (
    <TaskMiniList
      title="逾期/即将到期"
      data={data}
      error={error}
      isPending={isPending}
      moreTo="/supervision?light=red,blue"
      empty="没有逾期或3天内到期的任务"
      extra={
        data && (
          <>
            {data.lights.red > 0 && (
              <Tag color="red" style={{ marginInlineEnd: 0 }}>
                逾期 {data.lights.red}
              </Tag>
            )}
            {data.lights.blue > 0 && (
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                将到期 {data.lights.blue}
              </Tag>
            )}
          </>
        )
      }
    />
  );
}
