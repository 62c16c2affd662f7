// The 督办 tasks of a project: a summary line each with its light, linking to the task.
import { Empty, Flex, List, Typography } from 'antd';
import { TASK_STATUS_NAMES } from '../../../../core/supervision';
import type { ProjectDetail } from '../api/projects';
import { ProjectTaskLightTag, TaskLink } from './ProjectParts';

export function ProjectTasksList({ tasks }: { tasks: ProjectDetail['tasks'] }) {
  if (tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有关联的督办任务" />;
  return (
    <List
      size="small"
      dataSource={tasks}
      renderItem={(t) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
            <Flex gap={8} align="center" style={{ minWidth: 0 }}>
              <ProjectTaskLightTag light={t.light} late={t.late} />
              <TaskLink id={t.id}>
                <Typography.Text ellipsis={{ tooltip: t.title }} style={{ color: 'inherit', display: 'block' }}>
                  {t.title}
                </Typography.Text>
              </TaskLink>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.lead.name} · {t.paused ? '已暂停' : TASK_STATUS_NAMES[t.status]}
              {t.nodesTotal > 0 ? ` · 节点 ${t.nodesDone}/${t.nodesTotal}` : ''}
              {t.nextDue ? ` · 下一时限 ${t.nextDue}` : ''}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
