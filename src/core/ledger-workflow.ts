// An optional status workflow of a register ledger: states and the transitions allowed between them, e.g. a
// safety hazard 待整改 → 整改中 → 已整改 → 已销号, where a transition may ask for a photo or a note.
import { z } from 'zod';

const stateKey = z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, '状态标识应以小写字母开头，只含小写字母、数字和下划线');

export const workflowDefinition = z
  .object({
    states: z
      .array(
        z.object({
          key: stateKey,
          label: z.string().trim().min(1, '请填写状态名称').max(20, '状态名称不能超过20个字'),
          /** A final state: no transition leaves it. */
          final: z.boolean().optional(),
        }),
      )
      .min(2, '工作流至少需要两个状态')
      .max(20),
    /** The state of a newly entered record. */
    initial: stateKey,
    transitions: z
      .array(
        z.object({
          from: stateKey,
          to: stateKey,
          label: z.string().trim().min(1, '请填写操作名称').max(20),
          requirePhoto: z.boolean().optional(),
          requireNote: z.boolean().optional(),
        }),
      )
      .min(1, '工作流至少需要一个流转')
      .max(100),
  })
  .superRefine((wf, ctx) => {
    const keys = new Set<string>();
    wf.states.forEach((s, i) => {
      if (keys.has(s.key)) ctx.addIssue({ code: 'custom', path: ['states', i, 'key'], message: `状态“${s.key}”重复` });
      keys.add(s.key);
    });
    if (!keys.has(wf.initial)) ctx.addIssue({ code: 'custom', path: ['initial'], message: `初始状态“${wf.initial}”不在状态列表中` });
    const finals = new Set(wf.states.filter((s) => s.final).map((s) => s.key));
    const pairs = new Set<string>();
    wf.transitions.forEach((t, i) => {
      if (!keys.has(t.from)) ctx.addIssue({ code: 'custom', path: ['transitions', i, 'from'], message: `状态“${t.from}”不在状态列表中` });
      if (!keys.has(t.to)) ctx.addIssue({ code: 'custom', path: ['transitions', i, 'to'], message: `状态“${t.to}”不在状态列表中` });
      if (t.from === t.to) ctx.addIssue({ code: 'custom', path: ['transitions', i, 'to'], message: '流转的前后状态不能相同' });
      if (finals.has(t.from)) ctx.addIssue({ code: 'custom', path: ['transitions', i, 'from'], message: `“${t.from}”是终止状态，不能再流转` });
      if (pairs.has(`${t.from}>${t.to}`)) ctx.addIssue({ code: 'custom', path: ['transitions', i], message: `从“${t.from}”到“${t.to}”的流转重复` });
      pairs.add(`${t.from}>${t.to}`);
    });
  });
export type Workflow = z.infer<typeof workflowDefinition>;
export type Transition = Workflow['transitions'][number];

export function stateLabel(workflow: Workflow, key: string | null | undefined): string {
  return workflow.states.find((s) => s.key === key)?.label ?? key ?? '';
}

/** The transitions open from a state. */
export function transitionsFrom(workflow: Workflow, from: string): Transition[] {
  return workflow.transitions.filter((t) => t.from === from);
}

export interface TransitionInput {
  to: string;
  note?: string;
  photos?: string[];
}

/** Why a record in state `from` cannot move as asked (Chinese), or null when it can. */
export function transitionProblem(workflow: Workflow, from: string, input: TransitionInput): string | null {
  const transition = workflow.transitions.find((t) => t.from === from && t.to === input.to);
  if (!transition) {
    const open = transitionsFrom(workflow, from).map((t) => `“${stateLabel(workflow, t.to)}”`);
    return (
      `当前状态“${stateLabel(workflow, from)}”不能变更为“${stateLabel(workflow, input.to)}”` +
      (open.length ? `，只能变更为${open.join('、')}` : '，这是终止状态')
    );
  }
  if (transition.requirePhoto && !input.photos?.length) return `“${transition.label}”需要上传照片`;
  if (transition.requireNote && !input.note?.trim()) return `“${transition.label}”需要填写说明`;
  return null;
}

/**
 * The rectification workflow (隐患整改): found → being fixed → fixed, with an after photo → closed; a reviewer may
 * send a fixed one back with a note. The built-in library and the definition builder's template both use it.
 */
export function rectificationWorkflow(labels = { pending: '待整改', doing: '整改中', done: '已整改', closed: '已销号' }): Workflow {
  return {
    states: [
      { key: 'pending', label: labels.pending },
      { key: 'rectifying', label: labels.doing },
      { key: 'rectified', label: labels.done },
      { key: 'closed', label: labels.closed, final: true },
    ],
    initial: 'pending',
    transitions: [
      { from: 'pending', to: 'rectifying', label: '开始整改' },
      { from: 'rectifying', to: 'rectified', label: '整改完成', requirePhoto: true },
      { from: 'rectified', to: 'closed', label: '验收销号' },
      { from: 'rectified', to: 'rectifying', label: '退回整改', requireNote: true },
    ],
  };
}
