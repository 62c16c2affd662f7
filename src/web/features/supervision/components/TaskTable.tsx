import { Card, Flex, List, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { TASK_SOURCE_NAMES } from '../../../../core/supervision';
import { useIsMobile } from '../../../components/use-is-mobile';
import { LIGHT_HEX, type TaskSummary } from '../api/types';
import { NextDue, progressText } from './DueText';
import { TaskLightTag, TaskStatusTag } from './TaskTags';

export const taskPath = (id: number) => `/supervision/tasks/${id}`;

/** The source line under a title: 会议部署 · 镇党委会议（第12次）. */
const sourceText = (t: TaskSummary) => [TASK_SOURCE_NAMES[t.source], t.sourceRef].filter(Boolean).join(' · ');

/** A split task's village copies: the village is what tells them apart. */
function copyColumns(today: string): TableColumnsType<TaskSummary> {
  return [
    { title: '亮灯', key: 'light', width: 92, render: (_, t) => <TaskLightTag task={t} /> },
    { title: '村（社区）', key: 'lead', render: (_, t) => <Link to={taskPath(t.id)}>{t.lead.name}</Link> },
    { title: '责任人', key: 'responsible', render: (_, t) => t.responsibleName ?? '—' },
    { title: '状态', key: 'status', render: (_, t) => <TaskStatusTag task={t} /> },
    { title: '进度', key: 'progress', render: (_, t) => <span style={{ whiteSpace: 'nowrap' }}>{progressText(t)}</span> },
    { title: '下一时限', key: 'nextDue', render: (_, t) => <NextDue task={t} today={today} /> },
  ];
}

function columns(today: string): TableColumnsType<TaskSummary> {
  return [
    { title: '亮灯', key: 'light', width: 92, render: (_, t) => <TaskLightTag task={t} /> },
    {
      title: '任务',
      key: 'title',
      render: (_, t) => (
        <div style={{ minWidth: 200 }}>
          <Link to={taskPath(t.id)}>{t.title}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {sourceText(t)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: '牵头单位',
      key: 'lead',
      width: 140,
      render: (_, t) => (
        <>
          {t.lead.name}
          {t.responsibleName && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                责任人 {t.responsibleName}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    { title: '状态', key: 'status', width: 110, render: (_, t) => <TaskStatusTag task={t} /> },
    { title: '进度', key: 'progress', width: 110, render: (_, t) => <span style={{ whiteSpace: 'nowrap' }}>{progressText(t)}</span> },
    { title: '下一时限', key: 'nextDue', width: 170, render: (_, t) => <NextDue task={t} today={today} /> },
    {
      title: '交办',
      key: 'assigner',
      width: 130,
      render: (_, t) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {t.assignerName}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.createdOn}
            </Typography.Text>
          </div>
        </span>
      ),
    },
  ];
}

/** One task as a card on a phone: the light on the left edge, title, unit, status and deadline. */
function TaskCard({ task, today, compact }: { task: TaskSummary; today: string; compact?: boolean }) {
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      onClick={() => navigate(taskPath(task.id))}
      style={{ borderInlineStart: `4px solid ${LIGHT_HEX[task.light]}`, marginBottom: 10 }}
      styles={{ body: { padding: '10px 12px' } }}
    >
      <Flex justify="space-between" align="start" gap={8}>
        <Typography.Text strong style={{ fontSize: 15, minWidth: 0 }}>
          {compact ? task.lead.name : task.title}
        </Typography.Text>
        <TaskLightTag task={task} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {[compact ? null : task.lead.name, task.responsibleName, progressText(task)].filter(Boolean).join(' · ')}
      </Typography.Text>
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 6 }}>
        <TaskStatusTag task={task} />
        <NextDue task={task} today={today} />
      </Flex>
    </Card>
  );
}

export interface TaskPaging {
  current: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}

/** Tasks as a table at a desk, as cards on a phone. */
export function TaskTable({
  items,
  today,
  loading,
  pagination,
  emptyText = '暂无督办任务',
  compact,
}: {
  items: TaskSummary[] | undefined;
  today: string;
  loading?: boolean;
  /** Without it, all items on one page. */
  pagination?: TaskPaging;
  emptyText?: string;
  /** A split task's village copies: by village, without the repeated title. */
  compact?: boolean;
}) {
  const isMobile = useIsMobile();
  if (isMobile) {
    return (
      <List<TaskSummary>
        loading={loading}
        dataSource={items}
        locale={{ emptyText }}
        split={false}
        pagination={pagination ? { ...pagination, align: 'center', size: 'small', showTotal: (total) => `共 ${total} 项` } : false}
        renderItem={(t) => (
          <List.Item style={{ padding: 0, display: 'block' }}>
            <TaskCard task={t} today={today} compact={compact} />
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<TaskSummary>
      rowKey="id"
      size="middle"
      columns={compact ? copyColumns(today) : columns(today)}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText }}
      pagination={pagination ? { ...pagination, showSizeChanger: true, showTotal: (total) => `共 ${total} 项` } : false}
    />
  );
}
