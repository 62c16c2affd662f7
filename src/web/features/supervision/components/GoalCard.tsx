// One goal (重点工作) as a card: kind, owner, target, its indicators against their targets, the campaign it
// follows, and the tasks and projects under it.
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { GOAL_KIND_NAMES, type GoalKind } from '../../../../core/supervision';
import { formatNumber, formatPercent } from '../../../lib/format';
import type { Goal } from '../api/goals';

export const GOAL_KIND_COLORS: Record<GoalKind, string> = { focus: 'red', problem: 'orange', innovation: 'purple', other: 'default' };

const completionColor = (c: number | null) => (c === null ? '#bfbfbf' : c >= 100 ? '#389e0d' : c >= 60 ? '#1f4e8c' : '#d4380d');

function Bar({ label, figures, completion }: { label: string; figures: string; completion: number | null }) {
  const color = completionColor(completion);
  return (
    <div style={{ marginBottom: 8 }}>
      <Flex justify="space-between" gap={8}>
        <Typography.Text ellipsis style={{ fontSize: 13, minWidth: 0 }}>
          {label}
        </Typography.Text>
        <Typography.Text style={{ fontSize: 13, color, flex: 'none' }}>
          {completion === null ? '未设目标' : formatPercent(completion)}
        </Typography.Text>
      </Flex>
      <Progress
        percent={completion === null ? 0 : Math.min(100, Math.max(0, completion))}
        showInfo={false}
        size="small"
        strokeColor={color}
        style={{ margin: 0 }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {figures}
      </Typography.Text>
    </div>
  );
}

export function GoalCard({ goal, onEdit }: { goal: Goal; onEdit?: () => void }) {
  const tasksQuery = `/supervision?goal=${goal.id}`;
  return (
    <Card
      size="small"
      style={{ height: '100%', display: 'flex', flexDirection: 'column' }}
      styles={{ body: { flex: 1, display: 'flex', flexDirection: 'column' } }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Tag color={GOAL_KIND_COLORS[goal.kind]} style={{ marginInlineEnd: 0 }}>
          {GOAL_KIND_NAMES[goal.kind]}
        </Tag>
        {onEdit && (
          <Button type="text" size="small" icon={<EditOutlined />} onClick={onEdit}>
            编辑
          </Button>
        )}
      </Flex>
      <Typography.Text strong style={{ fontSize: 15, margin: '6px 0 2px' }}>
        {goal.title}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        责任领导：{goal.ownerName}
      </Typography.Text>
      {goal.targetText && (
        <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ margin: '6px 0 10px', fontSize: 13 }}>
          {goal.targetText}
        </Typography.Paragraph>
      )}
      <div style={{ flex: 1 }}>
        {goal.indicators.map((i) => (
          <Bar
            key={i.key}
            label={i.name}
            completion={i.completion}
            figures={`${formatNumber(i.value)}${i.unit} / 目标 ${i.target === null ? '—' : `${formatNumber(i.target)}${i.unit}`}`}
          />
        ))}
        {goal.campaignProgress && (
          <Bar
            label={goal.campaignProgress.label}
            completion={goal.campaignProgress.completion}
            figures={`已完成 ${formatNumber(goal.campaignProgress.done)} / 计划 ${formatNumber(goal.campaignProgress.planned)}`}
          />
        )}
      </div>
      <Flex gap={8} wrap style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8, marginTop: 4 }}>
        <Link to={tasksQuery}>
          <Tag style={{ cursor: 'pointer', marginInlineEnd: 0 }}>
            督办任务 {goal.tasksDone}/{goal.taskCount} 已办结
          </Tag>
        </Link>
        {goal.tasksRed > 0 && (
          <Link to={`${tasksQuery}&light=red`}>
            <Tag color="red" style={{ cursor: 'pointer', marginInlineEnd: 0 }}>
              红灯 {goal.tasksRed}
            </Tag>
          </Link>
        )}
        <Link to={`/supervision/projects?goal=${goal.id}`}>
          <Tag color="blue" style={{ cursor: 'pointer', marginInlineEnd: 0 }}>
            重点项目 {goal.projectCount} 个
          </Tag>
        </Link>
      </Flex>
    </Card>
  );
}
