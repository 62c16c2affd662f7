// 督办任务 as a board (看板): a column per flow status with the list's filters. Each column asks the server for its
// own status, so every column's count is the true total and a long 已办结 column cannot crowd the open ones out
// of a shared page; the requests share the list's query keys, so a task's move refreshes the board too.
// No dragging: a move goes through the task page's buttons, which know who may do what.
import { Badge, Card, Empty, Flex, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { TASK_STATUS_NAMES, TASK_STATUSES, type TaskStatus } from '../../../../core/supervision';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useTasks } from '../api/get-tasks';
import { LIGHT_HEX, type TaskFilters, type TaskSummary } from '../api/types';
import { NextDue } from './DueText';
import { taskPath } from './TaskTable';
import { TaskLightTag } from './TaskTags';

/** Cards per column; the rest are a link to the list filtered by that status. */
const COLUMN_SIZE = 30;

const STATUS_COLORS: Record<TaskStatus, string> = {
  assigned: '#8c8c8c',
  signed: '#1677ff',
  in_progress: '#08979c',
  completion_requested: '#d48806',
  done: '#389e0d',
};

function KanbanCard({ task, today }: { task: TaskSummary; today: string }) {
  return (
    <Link to={taskPath(task.id)} style={{ display: 'block', color: 'inherit' }}>
      <div
        style={{
          background: '#fff',
          border: '1px solid #f0f0f0',
          borderInlineStart: `3px solid ${LIGHT_HEX[task.light]}`,
          borderRadius: 6,
          padding: '8px 10px',
        }}
      >
        <Typography.Text strong style={{ display: 'block', fontSize: 13, lineHeight: 1.45 }}>
          {task.title}
        </Typography.Text>
        <Flex justify="space-between" align="center" gap={6} style={{ marginTop: 6 }}>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, minWidth: 0 }}>
            {task.lead.name}
            {task.paused ? ' · 暂停' : ''}
          </Typography.Text>
          <TaskLightTag task={task} />
        </Flex>
        <div style={{ fontSize: 12, marginTop: 4 }}>
          <NextDue task={task} today={today} />
        </div>
      </div>
    </Link>
  );
}

function KanbanColumn({
  status,
  filters,
  isMobile,
  onShowAll,
}: {
  status: TaskStatus;
  filters: TaskFilters;
  isMobile: boolean;
  onShowAll: (status: TaskStatus) => void;
}) {
  const { data, isPending, isFetching, error } = useTasks({ ...filters, status: [status] }, 1, COLUMN_SIZE);
  return (
    <section
      aria-label={TASK_STATUS_NAMES[status]}
      style={isMobile ? { flex: '0 0 82%', minWidth: 0, scrollSnapAlign: 'start' } : { flex: '1 1 0', minWidth: 210, maxWidth: 380 }}
    >
      <div style={{ background: '#f5f7fa', borderRadius: 8, padding: 8, height: '100%' }}>
        <Flex justify="space-between" align="center" style={{ padding: '2px 4px 8px' }}>
          <Flex align="center" gap={6}>
            <Badge color={STATUS_COLORS[status]} />
            <Typography.Text strong>{TASK_STATUS_NAMES[status]}</Typography.Text>
          </Flex>
          <Flex align="center" gap={6}>
            {isFetching && <Spin size="small" />}
            <Typography.Text type="secondary">{data?.total ?? ''}</Typography.Text>
          </Flex>
        </Flex>
        {error ? (
          <Typography.Text type="danger">加载失败</Typography.Text>
        ) : isPending ? (
          <Typography.Text type="secondary" style={{ padding: 4 }}>
            正在加载…
          </Typography.Text>
        ) : data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有任务" style={{ margin: '12px 0' }} />
        ) : (
          <Flex vertical gap={8}>
            {data.items.map((t) => (
              <KanbanCard key={t.id} task={t} today={data.today} />
            ))}
            {data.total > data.items.length && (
              <Typography.Link onClick={() => onShowAll(status)} style={{ fontSize: 12, padding: '0 4px' }}>
                另有 {data.total - data.items.length} 项，在列表中查看
              </Typography.Link>
            )}
          </Flex>
        )}
      </div>
    </section>
  );
}

/**
 * The board for the page's filters. A status filter narrows the columns to the statuses chosen; on a phone the
 * columns scroll sideways, one and a bit in view.
 */
export function TaskKanban({ filters, onShowAll }: { filters: TaskFilters; onShowAll: (status: TaskStatus) => void }) {
  const isMobile = useIsMobile();
  const statuses = TASK_STATUSES.filter((s) => !filters.status?.length || filters.status.includes(s));
  if (statuses.length === 0) return <Card>没有可显示的状态</Card>;
  return (
    <Flex
      gap={isMobile ? 8 : 12}
      style={{ overflowX: 'auto', paddingBottom: 8, scrollSnapType: isMobile ? 'x mandatory' : undefined, alignItems: 'stretch' }}
    >
      {statuses.map((s) => (
        <KanbanColumn key={s} status={s} filters={filters} isMobile={isMobile} onShowAll={onShowAll} />
      ))}
    </Flex>
  );
}
