import { App, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../lib/format';
import { ReasonModal } from '../../ledgers/components/ReasonModal';
import { useDecideDelay } from '../api/decide-delay';
import type { TaskDelay, TaskDetail } from '../api/types';
import { useTaskError } from './use-task-error';

const STATE_TAGS: Record<TaskDelay['state'], { color: string; text: string }> = {
  pending: { color: 'processing', text: '待审批' },
  approved: { color: 'success', text: '已同意' },
  refused: { color: 'error', text: '不同意' },
};

/** Delay requests, pending first; the assigner approves or refuses (with a reason) each pending one. */
export function TaskDelays({ task }: { task: TaskDetail }) {
  const { modal, message } = App.useApp();
  const decide = useDecideDelay(task.id);
  const onError = useTaskError();
  const [refusing, setRefusing] = useState<TaskDelay | null>(null);
  if (task.delays.length === 0) return null;
  const delays = [...task.delays].sort(
    (a, b) => Number(b.state === 'pending') - Number(a.state === 'pending') || b.requestedAt.localeCompare(a.requestedAt),
  );
  const pendingCount = delays.filter((d) => d.state === 'pending').length;

  const approve = (d: TaskDelay) =>
    modal.confirm({
      title: '同意延期？',
      content: `“${d.nodeTitle}”的时限将由 ${d.currentDue} 改为 ${d.requestedDue}，原定时限保留备查。`,
      okText: '同意延期',
      cancelText: '取消',
      onOk: () =>
        decide.mutateAsync({ delayId: d.id, approve: true }, { onSuccess: () => message.success('已同意延期'), onError }).catch(() => undefined),
    });

  return (
    <Card
      size="small"
      title="延期申请"
      extra={pendingCount > 0 && <Tag color="processing">{pendingCount} 项待审批</Tag>}
      style={pendingCount > 0 && task.mayDecideDelay ? { borderColor: '#1677ff' } : undefined}
    >
      <List<TaskDelay>
        dataSource={delays}
        split
        renderItem={(d) => (
          <List.Item style={{ display: 'block', padding: '10px 0' }}>
            <Flex justify="space-between" gap={8} align="start">
              <Typography.Text strong>{d.nodeTitle}</Typography.Text>
              <Tag color={STATE_TAGS[d.state].color} style={{ marginInlineEnd: 0 }}>
                {STATE_TAGS[d.state].text}
              </Tag>
            </Flex>
            <div>
              {d.currentDue} → <Typography.Text strong>{d.requestedDue}</Typography.Text>
            </div>
            <Typography.Paragraph style={{ margin: '4px 0' }}>理由：{d.reason}</Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.requestedByName} · {formatDateTime(d.requestedAt)}
              {d.decidedByName ? ` · ${d.decidedByName}审批` : ''}
              {d.decisionNote ? `：${d.decisionNote}` : ''}
            </Typography.Text>
            {d.state === 'pending' && task.mayDecideDelay && (
              <Flex gap={8} style={{ marginTop: 8 }}>
                <Button type="primary" onClick={() => approve(d)} loading={decide.isPending && decide.variables?.approve === true}>
                  同意延期
                </Button>
                <Button danger onClick={() => setRefusing(d)}>
                  不同意
                </Button>
              </Flex>
            )}
          </List.Item>
        )}
      />
      {refusing && (
        <ReasonModal
          title={`不同意“${refusing.nodeTitle}”延期`}
          label="不同意的理由"
          okText="不同意"
          danger
          pending={decide.isPending}
          onOk={(note) =>
            decide.mutate(
              { delayId: refusing.id, approve: false, note },
              {
                onSuccess: () => {
                  message.success('已答复不同意延期');
                  setRefusing(null);
                },
                onError: (error) => {
                  onError(error);
                  setRefusing(null);
                },
              },
            )
          }
          onClose={() => setRefusing(null)}
        />
      )}
    </Card>
  );
}
