// How a demo task is played through the supervision flow (交办 → 签收 → 办理 → 申请办结 → 办结, with returns,
// pauses and delays) up to the demo's today, so that its nodes, status and history agree and its light follows
// from them. Pure: the same random stream gives the same task.
import { addDays } from '../src/core/periods.js';
import { summariseNodes, taskLight, type TaskLight, type TaskSource, type TaskStatus } from '../src/core/supervision.js';
import { dayBetween } from './demo-ledger-context.js';
import type { Random } from './demo-people.js';

/** The demo township lives on this day: the end of the report's half year. */
export const DEMO_TODAY = '2022-06-30';
const T = DEMO_TODAY;
const LAST = addDays(T, -1); // the last day work could have been done before today

export interface Person {
  id: number | null;
  name: string;
}

export interface DemoUnit {
  id: number;
  code: string;
  name: string;
  path: string;
  /** The village's cadre (its demo account), or the office's responsible person. */
  handler: Person;
  /** The small group covering the village. */
  groupId: number | null;
}

export type Lead = { unit: DemoUnit } | { group: { id: number; name: string; leader: Person } };

export interface SupervisionContext {
  township: DemoUnit;
  villages: DemoUnit[];
  groups: { id: number; name: string; leader: Person; villageIds: number[] }[];
  /** Assigners: the secretary's and the mayor's demo accounts, then other leaders by name. */
  assigners: Person[];
  /** Township offices' people who handle tasks led by the township itself. */
  officers: Person[];
}

export interface PlayedNode {
  title: string;
  due: string;
  originalDue: string;
  doneOn: string | null;
  doneBy: number | null;
}

export interface PlayedEvent {
  kind: 'created' | 'transition' | 'update' | 'node_done' | 'delay_requested' | 'delay_decided' | 'split';
  on: string;
  transition?: string;
  fromStatus?: string;
  toStatus?: string;
  body?: string;
  node?: number;
  actor: Person;
}

export interface PlayedDelay {
  node: number;
  requestedDue: string;
  reason: string;
  state: 'pending' | 'approved' | 'refused';
  requestedOn: string;
  requestedBy: Person;
  decidedOn: string | null;
  decidedBy: Person | null;
  note: string | null;
}

export interface DemoTask {
  title: string;
  description: string;
  source: TaskSource;
  sourceRef: string | null;
  lead: Lead;
  support: Lead[];
  goalKey?: string;
  projectName?: string;
  responsibleName: string | null;
  assigner: Person;
  status: TaskStatus;
  paused: boolean;
  createdOn: string;
  doneOn: string | null;
  nodes: PlayedNode[];
  events: PlayedEvent[];
  delays: PlayedDelay[];
  /** 到各村: the villages' copies. */
  children: DemoTask[];
  light: TaskLight;
}

export type Outcome =
  | 'unsigned'
  | 'signed'
  | 'progress'
  | 'overdue'
  | 'done'
  | 'done_late'
  | 'completion_requested'
  | 'returned'
  | 'paused'
  | 'delay_approved'
  | 'delay_pending'
  | 'delay_refused';

export interface Plan {
  title: string;
  description?: string;
  source: TaskSource;
  sourceRef: string | null;
  createdOn: string;
  nodes: { title: string; due: string }[];
  goalKey?: string;
  projectName?: string;
  support?: Lead[];
  assigner: Person;
}

const handlerOf = (lead: Lead) => ('unit' in lead ? lead.unit.handler : lead.group.leader);
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

const PROGRESS_NOTES = [
  '已召开村组干部会议专题部署，明确责任到人。',
  '联村干部和村干部分片入户，正在逐户推进。',
  '已完成摸底，正在整理台账资料。',
  '本周推进顺利，存在问题已报联村领导协调。',
  '已上传现场照片和工作台账。',
  '群众有顾虑，正在做思想工作。',
];
const DELAY_REASONS = ['连续降雨无法施工', '涉及群众纠纷，需进一步协调', '等待上级部门审批', '疫情防控任务集中，人手不足'];

/**
 * Plays a task through the flow to DEMO_TODAY: the outcome decides how far it got; dates are drawn between
 * the task's creation and today, never after.
 */
export function play(r: Random, plan: Plan, lead: Lead, outcome: Outcome): DemoTask {
  const handler = handlerOf(lead);
  const nodes: PlayedNode[] = plan.nodes.map((n) => ({ title: n.title, due: n.due, originalDue: n.due, doneOn: null, doneBy: null }));
  const events: PlayedEvent[] = [{ kind: 'created', on: plan.createdOn, toStatus: 'assigned', actor: plan.assigner }];
  const delays: PlayedDelay[] = [];
  let status = 'assigned' as TaskStatus; // moved by move(), which the compiler does not follow
  let paused = false;
  let doneOn: string | null = null;
  const move = (transition: string, to: TaskStatus, on: string, actor: Person, body?: string) => {
    events.push({ kind: 'transition', transition, fromStatus: status, toStatus: to, on, actor, body });
    status = to;
  };
  if (outcome !== 'unsigned') {
    let cursor = min(addDays(plan.createdOn, r.int(0, 2)), LAST);
    move('sign', 'signed', cursor, handler);
    if (outcome !== 'signed') {
      const pastNodes = nodes.filter((n) => n.due < T);
      const keepOpen = ['overdue', 'delay_approved', 'delay_pending', 'delay_refused'].includes(outcome) ? pastNodes.at(-1) : undefined;
      const finishing = ['done', 'done_late', 'completion_requested', 'returned'].includes(outcome);
      for (const [i, node] of nodes.entries()) {
        if (node === keepOpen) break;
        if (!finishing && node.due >= T && r.next() < 0.8) break;
        const late = (outcome === 'done_late' && i === nodes.length - 1) || (node.due < T && r.next() < 0.1);
        let on = late && node.due < LAST ? min(addDays(node.due, r.int(1, 12)), LAST) : dayBetween(r, cursor, max(cursor, min(node.due, LAST)));
        on = max(on, cursor);
        node.doneOn = on;
        node.doneBy = handler.id;
        const body = `${node.title}：已完成。${r.pick(PROGRESS_NOTES)}`;
        events.push({ kind: 'update', on, body, actor: handler });
        events.push({ kind: 'node_done', on, node: i, body: node.title, actor: handler });
        if (status === 'signed') status = 'in_progress'; // the first update starts the work
        cursor = on;
      }
      if (status === 'signed' && r.next() < 0.6 && cursor < LAST) {
        const on = dayBetween(r, addDays(cursor, 1), LAST);
        events.push({ kind: 'update', on, body: r.pick(PROGRESS_NOTES), actor: handler });
        status = 'in_progress';
        cursor = on;
      }
      if (keepOpen && outcome !== 'overdue') {
        const nodeIndex = nodes.indexOf(keepOpen);
        const requestedOn = max(cursor, addDays(keepOpen.due, -r.int(1, 4)));
        const requestedDue = addDays(T, r.int(10, 45));
        const reason = r.pick(DELAY_REASONS);
        events.push({
          kind: 'delay_requested',
          on: requestedOn,
          node: nodeIndex,
          body: `申请将“${keepOpen.title}”延期至${requestedDue}：${reason}`,
          actor: handler,
        });
        const decided = outcome === 'delay_pending' ? null : min(addDays(requestedOn, r.int(1, 3)), LAST);
        const approve = outcome === 'delay_approved';
        const note = approve ? '同意延期，请按新时限完成' : outcome === 'delay_refused' ? '不同意延期，请加快进度' : null;
        delays.push({
          node: nodeIndex,
          requestedDue,
          reason,
          state: decided === null ? 'pending' : approve ? 'approved' : 'refused',
          requestedOn,
          requestedBy: handler,
          decidedOn: decided,
          decidedBy: decided === null ? null : plan.assigner,
          note,
        });
        if (decided !== null) {
          events.push({
            kind: 'delay_decided',
            on: decided,
            node: nodeIndex,
            body: `${approve ? '同意' : '不同意'}延期至${requestedDue}：${note}`,
            actor: plan.assigner,
          });
          if (approve) keepOpen.due = requestedDue;
          cursor = decided;
        }
      }
      if (finishing && status !== 'assigned') {
        const requested = min(addDays(cursor, r.int(0, 1)), LAST);
        move('request_completion', 'completion_requested', requested, handler, '各节点任务已完成，申请办结。');
        if (outcome === 'returned') {
          move('return', 'in_progress', min(addDays(requested, 1), LAST), plan.assigner, '佐证材料不全，请补充现场照片后重新申请。');
        } else if (outcome !== 'completion_requested') {
          const finalDue = nodes.reduce((m, n) => max(m, n.due), nodes[0].due);
          let approved = min(addDays(requested, r.int(0, 2)), LAST);
          if (outcome === 'done' && requested <= finalDue) approved = min(approved, finalDue);
          move('approve_completion', 'done', approved, plan.assigner, '同意办结。');
          doneOn = approved;
        }
      }
    }
  }
  if (outcome === 'paused' && status !== 'done') {
    const last = events.reduce((m, e) => max(m, e.on), plan.createdOn);
    events.push({
      kind: 'transition',
      transition: 'pause',
      fromStatus: status,
      toStatus: status,
      on: min(addDays(last, r.int(1, 5)), LAST),
      actor: plan.assigner,
      body: '汛期暂停施工，汛后恢复。',
    });
    paused = true;
  }
  const summary = summariseNodes(nodes);
  const light = taskLight({ ...summary, status, paused, createdOn: plan.createdOn, doneOn }, T).light;
  return {
    title: plan.title,
    description: plan.description ?? '',
    source: plan.source,
    sourceRef: plan.sourceRef,
    lead,
    support: plan.support ?? [],
    goalKey: plan.goalKey,
    projectName: plan.projectName,
    responsibleName: handler.name,
    assigner: plan.assigner,
    status,
    paused,
    createdOn: plan.createdOn,
    doneOn,
    nodes,
    events,
    delays,
    children: [],
    light,
  };
}

/** 到各村: a township parent and a copy per village; the parent's nodes are done when every village's is. */
export function split(r: Random, ctx: SupervisionContext, plan: Plan, outcomes: (village: DemoUnit, index: number) => Outcome): DemoTask {
  const children = ctx.villages.map((v, i) => play(r, plan, { unit: v }, outcomes(v, i)));
  const parent = play(r, plan, { unit: ctx.township }, 'unsigned');
  parent.responsibleName = null;
  parent.children = children;
  parent.events.push({ kind: 'split', on: plan.createdOn, body: `分派到${ctx.villages.map((v) => v.name).join('、')}`, actor: plan.assigner });
  parent.nodes.forEach((node, i) => {
    const dates = children.map((c) => c.nodes[i].doneOn);
    node.doneOn = dates.every((d) => d !== null) ? dates.reduce((m, d) => max(m!, d!), dates[0]) : null;
  });
  const allDone = children.every((c) => c.status === 'done');
  parent.status = allDone ? 'done' : children.some((c) => c.status !== 'assigned') ? 'in_progress' : 'assigned';
  parent.doneOn = allDone ? children.reduce((m, c) => max(m, c.doneOn!), children[0].doneOn!) : null;
  if (allDone) parent.events.push({ kind: 'update', on: parent.doneOn!, body: '各村均已办结。', actor: plan.assigner });
  const summary = summariseNodes(parent.nodes);
  parent.light = taskLight({ ...summary, status: parent.status, paused: false, createdOn: plan.createdOn, doneOn: parent.doneOn }, T).light;
  return parent;
}
