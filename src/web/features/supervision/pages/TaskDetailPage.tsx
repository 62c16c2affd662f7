import { ArrowLeftOutlined, ClockCircleOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Progress, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { TASK_LIGHT_NAMES, TASK_SOURCE_NAMES } from '../../../../core/supervision';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useTask } from '../api/get-task';
import type { TaskDetail } from '../api/types';
import { DelayRequestModal } from '../components/DelayRequestModal';
import { NextDue } from '../components/DueText';
import { TaskDelays } from '../components/TaskDelays';
import { TaskHistory } from '../components/TaskHistory';
import { TaskNodesTimeline } from '../components/TaskNodesTimeline';
import { TaskTable, taskPath } from '../components/TaskTable';
import { TaskLightTag, TaskStatusTag } from '../components/TaskTags';
import { TaskTransitionButtons } from '../components/TaskTransitionButtons';
import { TaskUpdateForm } from '../components/TaskUpdateForm';

export default function TaskDetailPage() {
  const { id = '' } = useParams();
  const taskId = Number(id);
  const { data, error, isPending, refetch } = useTask(taskId);
  if (!Number.isInteger(taskId) || taskId <= 0) return <ApiErrorResult error={new Error('任务编号不正确')} />;
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;
  return <TaskView task={data} />;
}

/** What the user may do now: the moves, a progress report, a delay request. */
const ASSIGNER_MOVES: TaskDetail['transitions'] = ['approve_completion', 'return', 'pause', 'resume'];

const mayAct = (task: TaskDetail) => task.transitions.length > 0 || task.mayUpdate || task.mayRequestDelay;

function ActionsCard({ task, isMobile }: { task: TaskDetail; isMobile: boolean }) {
  const [delaying, setDelaying] = useState(false);
  // The assigner's job here is to decide: his own progress report stays folded until asked for.
  const [reporting, setReporting] = useState(!task.transitions.some((t) => ASSIGNER_MOVES.includes(t)));
  return (
    <Card size="small" title="办理">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {task.paused && <Alert type="warning" showIcon title="任务已暂停，恢复后才能继续办理" />}
        {task.status === 'completion_requested' && task.transitions.includes('approve_completion') && (
          <Alert type="info" showIcon title="承办单位已申请办结，请审核办理记录后决定" />
        )}
        <TaskTransitionButtons task={task} block={isMobile} />
        {task.mayUpdate && !reporting && (
          <Button icon={<EditOutlined />} block onClick={() => setReporting(true)}>
            报告进展
          </Button>
        )}
        {task.mayUpdate && reporting && (
          <div>
            <Typography.Text strong>报告进展</Typography.Text>
            <div style={{ marginTop: 8 }}>
              <TaskUpdateForm task={task} />
            </div>
          </div>
        )}
        {task.mayRequestDelay && (
          <Button icon={<ClockCircleOutlined />} block onClick={() => setDelaying(true)}>
            申请延期
          </Button>
        )}
      </Space>
      {task.mayRequestDelay && <DelayRequestModal task={task} open={delaying} onClose={() => setDelaying(false)} />}
    </Card>
  );
}

function InfoCard({ task }: { task: TaskDetail }) {
  // A village's cadres may not read the township's parent task; those who hand out work may.
  const mayOpenParent = useMe().abilities.taskAssign;
  const supporting = task.supporting.map((u) => u.name).join('、');
  return (
    <Card size="small" title="基本情况">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="亮灯">
          <Space size={6} wrap>
            <TaskLightTag task={task} long />
            {task.late && task.light !== 'green' && <Typography.Text type="danger">已逾期</Typography.Text>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="下一时限">
          {task.status !== 'done' && !task.nextDue && task.nodesTotal > 0 ? '节点均已完成' : <NextDue task={task} today={task.today} />}
        </Descriptions.Item>
        <Descriptions.Item label="牵头单位">{task.lead.name}</Descriptions.Item>
        <Descriptions.Item label="责任人">{task.responsibleName ?? '—'}</Descriptions.Item>
        {supporting ? (
          <Descriptions.Item label="协办单位" span={2}>
            {supporting}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label="交办人">{task.assignerName}</Descriptions.Item>
        <Descriptions.Item label="交办日期">{task.createdOn}</Descriptions.Item>
        <Descriptions.Item label="任务来源">{TASK_SOURCE_NAMES[task.source]}</Descriptions.Item>
        <Descriptions.Item label="文号或会议">{task.sourceRef ?? '—'}</Descriptions.Item>
        {task.finalDue ? <Descriptions.Item label="办结时限">{task.finalDue}</Descriptions.Item> : null}
        {task.doneOn ? <Descriptions.Item label="办结日期">{task.doneOn}</Descriptions.Item> : null}
        {task.goal ? <Descriptions.Item label="重点工作">{task.goal.title}</Descriptions.Item> : null}
        {task.project ? <Descriptions.Item label="重点项目">{task.project.name}</Descriptions.Item> : null}
        {task.parentId !== null && mayOpenParent && (
          <Descriptions.Item label="总任务">
            <Link to={taskPath(task.parentId)}>查看镇里的总任务</Link>
          </Descriptions.Item>
        )}
      </Descriptions>
      {task.description && (
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0, whiteSpace: 'pre-wrap' }}>{task.description}</Typography.Paragraph>
      )}
    </Card>
  );
}

function ChildrenCard({ task }: { task: TaskDetail }) {
  if (task.children.length === 0) return null;
  const percent = Math.round((task.childrenDone / Math.max(task.childrenTotal, 1)) * 100);
  return (
    <Card
      size="small"
      title="各村办理情况"
      extra={
        <Flex align="center" gap={8} style={{ width: 200 }}>
          <Progress percent={percent} size="small" showInfo={false} style={{ flex: 1, margin: 0 }} />
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>
            {task.childrenDone}/{task.childrenTotal} 办结
          </Typography.Text>
        </Flex>
      }
    >
      <TaskTable items={task.children} today={task.today} compact />
    </Card>
  );
}

function TaskView({ task }: { task: TaskDetail }) {
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const actions = mayAct(task) && <ActionsCard task={task} isMobile={isMobile} />;
  const delays = task.delays.length > 0 && <TaskDelays task={task} />;
  const info = <InfoCard task={task} />;
  const nodes = (
    <Card size="small" title={`时限节点（${task.nodesDone}/${task.nodesTotal} 完成）`}>
      <TaskNodesTimeline task={task} />
    </Card>
  );
  const children = task.children.length > 0 && <ChildrenCard task={task} />;
  const history = (
    <Card size="small" title="办理记录">
      <TaskHistory events={task.events} />
    </Card>
  );

  return (
    <>
      <PageHeader
        title={
          <Flex gap={4} align="start">
            <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回" onClick={() => navigate(-1)} style={{ flexShrink: 0 }} />
            <span style={{ minWidth: 0 }}>{task.title}</span>
          </Flex>
        }
        subTitle={`${task.lead.name} · ${TASK_SOURCE_NAMES[task.source]}${task.sourceRef ? ` · ${task.sourceRef}` : ''}`}
        extra={
          <Space size={6} title={TASK_LIGHT_NAMES[task.light]}>
            <TaskLightTag task={task} />
            <TaskStatusTag task={task} />
          </Space>
        }
      />
      {isMobile ? (
        <Flex vertical gap={12}>
          {actions}
          {delays}
          {info}
          {nodes}
          {children}
          {history}
        </Flex>
      ) : (
        <Row gutter={16}>
          <Col span={15}>
            <Flex vertical gap={16}>
              {info}
              {nodes}
              {children}
              {history}
            </Flex>
          </Col>
          <Col span={9}>
            <Flex vertical gap={16}>
              {actions}
              {delays}
            </Flex>
          </Col>
        </Row>
      )}
    </>
  );
}
