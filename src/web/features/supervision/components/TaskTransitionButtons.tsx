import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { TASK_TRANSITION_NAMES } from '../../../../core/supervision';
import { ReasonModal } from '../../ledgers/components/ReasonModal';
import { useTransitionTask } from '../api/transition-task';
import type { TaskDetail, TaskTransition } from '../api/types';
import { useTaskError } from './use-task-error';

const PRIMARY: TaskTransition[] = ['sign', 'start', 'request_completion', 'approve_completion', 'resume'];
const DONE_MESSAGES: Record<TaskTransition, string> = {
  sign: '已签收',
  start: '已开始办理',
  request_completion: '已申请办结，等待交办人审核',
  approve_completion: '已同意办结',
  return: '已退回',
  pause: '任务已暂停',
  resume: '任务已恢复',
};

/** The moves the server says the user may make now; approving and pausing ask first, returning asks why. */
export function TaskTransitionButtons({ task, block }: { task: TaskDetail; block?: boolean }) {
  const { modal, message } = App.useApp();
  const transition = useTransitionTask(task.id);
  const onError = useTaskError();
  const [returning, setReturning] = useState(false);
  const [running, setRunning] = useState<TaskTransition | null>(null);

  const run = (t: TaskTransition, note?: string) => {
    setRunning(t);
    return transition.mutateAsync(
      { transition: t, version: task.version, note: note ?? null },
      { onSuccess: () => message.success(DONE_MESSAGES[t]), onError, onSettled: () => setRunning(null) },
    );
  };

  const onClick = (t: TaskTransition) => {
    if (t === 'return') return setReturning(true);
    if (t === 'approve_completion') {
      return modal.confirm({
        title: '同意办结？',
        content: `“${task.title}”（${task.lead.name}）将标记为已办结。`,
        okText: '同意办结',
        cancelText: '取消',
        onOk: () => run(t).catch(() => undefined),
      });
    }
    if (t === 'pause') {
      return modal.confirm({
        title: '暂停这项任务？',
        content: '暂停期间不亮红灯，恢复后按原时限继续计算。',
        okText: '暂停',
        cancelText: '取消',
        onOk: () => run(t).catch(() => undefined),
      });
    }
    void run(t).catch(() => undefined);
  };

  if (task.transitions.length === 0) return null;
  return (
    <>
      <Flex gap={8} wrap vertical={block}>
        {task.transitions.map((t) => (
          <Button
            key={t}
            type={PRIMARY.includes(t) ? 'primary' : 'default'}
            danger={t === 'return'}
            size={block ? 'large' : 'middle'}
            autoInsertSpace={false}
            block={block}
            loading={running === t}
            disabled={running !== null && running !== t}
            onClick={() => onClick(t)}
          >
            {TASK_TRANSITION_NAMES[t]}
          </Button>
        ))}
      </Flex>
      {returning && (
        <ReasonModal
          title="退回办结申请"
          label="退回理由"
          okText="退回"
          danger
          hint="承办单位会看到退回理由，整改后可再次申请办结。"
          pending={transition.isPending}
          onOk={(reason) =>
            run('return', reason).then(
              () => setReturning(false),
              () => setReturning(false),
            )
          }
          onClose={() => setReturning(false)}
        />
      )}
    </>
  );
}
