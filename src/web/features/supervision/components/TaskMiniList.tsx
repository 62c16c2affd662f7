import { Card, Empty, Flex, List, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TaskList } from '../api/types';
import { NextDue } from './DueText';
import { taskPath } from './TaskTable';
import { TaskLightTag } from './TaskTags';

/** A 工作台 card: a few tasks, red first (the server's order), each a link, and a link to the whole list. */
export function TaskMiniList({
  title,
  data,
  error,
  isPending,
  moreTo,
  empty,
  extra,
}: {
  title: string;
  data: TaskList | undefined;
  error: unknown;
  isPending: boolean;
  moreTo: string;
  empty: string;
  extra?: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Flex gap={8} align="center">
          {extra}
          <Link to={moreTo}>全部</Link>
        </Flex>
      }
      style={{ height: '100%' }}
    >
      {error ? (
        <Typography.Text type="danger">加载失败</Typography.Text>
      ) : isPending || !data ? (
        <Typography.Text type="secondary">正在加载…</Typography.Text>
      ) : data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          split
          renderItem={(t) => (
            <List.Item style={{ padding: '8px 0' }}>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Flex justify="space-between" gap={8} align="start">
                  <Link to={taskPath(t.id)} style={{ minWidth: 0 }}>
                    {t.title}
                  </Link>
                  <TaskLightTag task={t} />
                </Flex>
                <Flex justify="space-between" gap={8} wrap style={{ fontSize: 12 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t.lead.name}
                  </Typography.Text>
                  <span style={{ fontSize: 12 }}>
                    <NextDue task={t} today={data.today} />
                  </span>
                </Flex>
              </div>
            </List.Item>
          )}
          footer={
            data.total > data.items.length ? (
              <Link to={moreTo} style={{ fontSize: 12 }}>
                另有 {data.total - data.items.length} 项，查看全部
              </Link>
            ) : undefined
          }
        />
      )}
    </Card>
  );
}
