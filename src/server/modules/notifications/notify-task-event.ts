// The one entry point of supervision into the centre: called inside the transaction of the change, so a
// notification exists exactly when the change does. Each (event, user) has its key: a retried request that
// committed nothing before writes it once.
import type { Queryable } from '../../db/connection.js';
import type { NotificationKind } from '../../../core/contracts/notifications.js';
import { insertNotifications, type NewNotification } from './notifications.repository.js';
import { assignersOf, handlersOf, type NoticeTask } from './recipients.js';

/** `at`: when it happened on the township's clock (the demo township's fixed date), as the task's history says. */
export type TaskNotice = { at: Date } & (
  | { kind: 'assigned'; task: NoticeTask; actorId: number }
  | { kind: 'transition'; transition: string; task: NoticeTask; actorId: number; note?: string | null }
  | { kind: 'update'; task: NoticeTask; actorId: number; note: string }
  | { kind: 'delay_requested'; task: NoticeTask; actorId: number; nodeId: number; note: string }
  | { kind: 'delay_decided'; task: NoticeTask; actorId: number; nodeId: number; note: string }
);

/** The transitions others are told of; starting, pausing and resuming tell no one. */
const TRANSITION_NOTICES: Record<string, NotificationKind | undefined> = {
  sign: 'signed',
  request_completion: 'completion_requested',
  approve_completion: 'done',
  return: 'returned',
};

const leadName = (task: NoticeTask) => task.leadUnitName ?? task.leadGroupName ?? '承办单位';

function message(kind: NotificationKind, task: NoticeTask, note: string | null | undefined): { title: string; body: string } {
  const line = note ?? '';
  switch (kind) {
    case 'assigned':
      return { title: `新的督办任务：${task.title}`, body: '请及时签收并按时限节点办理' };
    case 'signed':
      return { title: `${leadName(task)}已签收：${task.title}`, body: line };
    case 'update':
      return { title: `${leadName(task)}报送了进展：${task.title}`, body: line };
    case 'completion_requested':
      return { title: `${leadName(task)}申请办结：${task.title}`, body: line || '请审核' };
    case 'returned':
      return { title: `办结申请被退回：${task.title}`, body: line };
    case 'done':
      return { title: `任务已办结：${task.title}`, body: line };
    case 'delay_requested':
      return { title: `${leadName(task)}申请延期：${task.title}`, body: line };
    case 'delay_decided':
      return { title: `延期申请已审批：${task.title}`, body: line };
    default:
      return { title: task.title, body: line };
  }
}

export async function notifyTaskEvent(q: Queryable, notice: TaskNotice): Promise<number> {
  const kind: NotificationKind | undefined = notice.kind === 'transition' ? TRANSITION_NOTICES[notice.transition] : notice.kind;
  if (!kind) return 0;
  const { task } = notice;
  // Handlers tell the assigner; the assigner's decisions go back to the handlers.
  const toAssigner = kind === 'signed' || kind === 'update' || kind === 'completion_requested' || kind === 'delay_requested';
  const recipients = toAssigner ? assignersOf(task) : await handlersOf(q, task);
  const note = 'note' in notice ? notice.note : null;
  const nodeId = 'nodeId' in notice ? notice.nodeId : null;
  const { title, body } = message(kind, task, note);
  const rows: NewNotification[] = recipients
    .filter((userId) => userId !== notice.actorId)
    .map((userId) => ({
      userId,
      townshipId: task.townshipId,
      kind,
      taskId: task.id,
      nodeId,
      title: title.slice(0, 200),
      body: body.slice(0, 1000),
      // the task's version before the change: one per change of the task
      dedupeKey: `${kind}:t${task.id}:v${task.version}:u${userId}`,
    }));
  return insertNotifications(q, rows, notice.at);
}
