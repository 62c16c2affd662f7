// The daily reminder of a township: once per township and day (the job runner), the open nodes due within three
// days and the overdue ones are told to their handlers (the overdue ones to the assigner too) — each node once
// per deadline, as due_soon and as overdue — and each user gets ONE digest of the day listing all of his, instead
// of a message per node. The township's outbound channels get one digest of the day too.
import { onChinaDay } from '../../../core/china-time.js';
import { DUE_SOON_DAYS } from '../../../core/supervision.js';
import type { Db, Queryable } from '../../db/connection.js';
import { findUnit, townshipToday, unitsUnder, type OrgUnitRef } from '../org/index.js';
import { runJobOnce } from './job-runner.js';
import { insertNotifications, type NewNotification } from './notifications.repository.js';
import { enqueue } from './outbox.repository.js';
import { assignersOf, handlersReader } from './recipients.js';
import { dueNodes, type DueNode } from './reminders.repository.js';

export const REMINDER_JOB = 'reminders';
/** Lines of a digest; the rest is counted. */
const DIGEST_LINES = 30;

export interface ReminderRun {
  township: string;
  today: string;
  ran: boolean;
  notifications: number;
  deliveries: number;
}

const itemLine = (n: DueNode, today: string) =>
  `${n.due < today ? '【已逾期】' : '【即将到期】'}${n.title} — ${n.nodeTitle}（时限${n.due}，${n.leadUnitName ?? n.leadGroupName ?? ''}）`;

function digestBody(lines: string[]): string {
  const shown = lines.slice(0, DIGEST_LINES);
  return [...shown, ...(lines.length > shown.length ? [`另有${lines.length - shown.length}项`] : [])].join('\n');
}

function digestTitle(today: string, items: DueNode[]) {
  const overdue = items.filter((n) => n.due < today).length;
  return `督办提醒（${today}）：即将到期${items.length - overdue}项，已逾期${overdue}项`;
}

async function remindTownship(tx: Queryable, township: OrgUnitRef, today: string) {
  const nodes = await dueNodes(tx, township.id, today, DUE_SOON_DAYS);
  const handlersOf = handlersReader(tx);
  const handlers = new Map<number, number[]>();
  const perUser = new Map<number, DueNode[]>();
  const rows: NewNotification[] = [];
  for (const n of nodes) {
    if (!handlers.has(n.taskId)) handlers.set(n.taskId, await handlersOf({ ...n, id: n.taskId }));
    const overdue = n.due < today;
    const kind = overdue ? 'overdue' : 'due_soon';
    const task = { ...n, id: n.taskId };
    const users = new Set([...handlers.get(n.taskId)!, ...(overdue ? assignersOf(task) : [])]);
    for (const userId of users) {
      perUser.set(userId, [...(perUser.get(userId) ?? []), n]);
      rows.push({
        userId,
        townshipId: township.id,
        kind,
        taskId: n.taskId,
        nodeId: n.nodeId,
        title: `${overdue ? '已逾期' : '即将到期'}：${n.title}`.slice(0, 200),
        body: `节点“${n.nodeTitle}”时限${n.due}`,
        // once per node and deadline: an approved delay moves the deadline and arms the reminder again
        dedupeKey: `${kind}:t${n.taskId}:n${n.nodeId}:${n.due}:u${userId}`,
      });
    }
  }
  for (const [userId, items] of perUser) {
    rows.push({
      userId,
      townshipId: township.id,
      kind: 'digest',
      taskId: null,
      nodeId: null,
      title: digestTitle(today, items),
      body: digestBody(items.map((n) => itemLine(n, today))),
      dedupeKey: `digest:${township.code}:${today}:u${userId}`,
    });
  }
  const notifications = await insertNotifications(tx, rows, onChinaDay(today));
  const deliveries =
    nodes.length > 0
      ? await enqueue(
          tx,
          township.id,
          `digest:${today}`,
          `${township.name}${digestTitle(today, nodes)}`,
          digestBody(nodes.map((n) => itemLine(n, today))),
        )
      : 0;
  return { notifications, deliveries };
}

/**
 * Runs the day's reminders of one township (or of every township), each at most once: a second run, or a
 * second process at the same time, finds the job taken or done and writes nothing.
 */
export async function runReminders(db: Db, opts: { townshipCode?: string; today?: string } = {}): Promise<ReminderRun[]> {
  const townships = opts.townshipCode
    ? [await findUnit(db, { code: opts.townshipCode })].filter((u): u is OrgUnitRef => u?.level === 'town')
    : (await unitsUnder(db, '/')).filter((u) => u.level === 'town');
  if (opts.townshipCode && townships.length === 0) throw new Error(`乡镇 ${opts.townshipCode} 不存在`);
  const runs: ReminderRun[] = [];
  for (const township of townships) {
    const today = opts.today ?? (await townshipToday(db, township.code));
    const outcome = await runJobOnce(db, REMINDER_JOB, `${township.code}:${today}`, (tx) => remindTownship(tx, township, today));
    runs.push(
      outcome.ran
        ? { township: township.code, today, ran: true, ...outcome.result }
        : { township: township.code, today, ran: false, notifications: 0, deliveries: 0 },
    );
  }
  return runs;
}
