import { describe, expect, it } from 'vitest';
import { transitionProblem, transitionsFrom, workflowDefinition, type Workflow } from './ledger-workflow.js';

const HAZARD: Workflow = {
  states: [
    { key: 'pending', label: '待整改' }, { key: 'fixing', label: '整改中' },
    { key: 'fixed', label: '已整改' }, { key: 'closed', label: '已销号', final: true },
  ],
  initial: 'pending',
  transitions: [
    { from: 'pending', to: 'fixing', label: '开始整改' },
    { from: 'fixing', to: 'fixed', label: '整改完成', requirePhoto: true },
    { from: 'fixed', to: 'fixing', label: '退回整改', requireNote: true },
    { from: 'fixed', to: 'closed', label: '销号' },
  ],
};

describe('workflowDefinition', () => {
  it('accepts a well-formed workflow', () => {
    expect(workflowDefinition.safeParse(HAZARD).success).toBe(true);
  });

  it('names every problem of a broken one', () => {
    const result = workflowDefinition.safeParse({
      ...HAZARD,
      initial: 'nope',
      transitions: [...HAZARD.transitions, { from: 'closed', to: 'pending', label: '重开' }, { from: 'pending', to: 'fixing', label: '再来' }],
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain('初始状态“nope”不在状态列表中');
    expect(messages).toContain('“closed”是终止状态，不能再流转');
    expect(messages).toContain('从“pending”到“fixing”的流转重复');
  });
});

describe('transitionProblem', () => {
  it('allows a listed transition', () => {
    expect(transitionProblem(HAZARD, 'pending', { to: 'fixing' })).toBeNull();
    expect(transitionsFrom(HAZARD, 'fixed').map((t) => t.to)).toEqual(['fixing', 'closed']);
  });

  it('refuses an unlisted one and says which are open', () => {
    expect(transitionProblem(HAZARD, 'pending', { to: 'closed' })).toBe('当前状态“待整改”不能变更为“已销号”，只能变更为“整改中”');
    expect(transitionProblem(HAZARD, 'closed', { to: 'pending' })).toBe('当前状态“已销号”不能变更为“待整改”，这是终止状态');
  });

  it('asks for the photo or note a transition requires', () => {
    expect(transitionProblem(HAZARD, 'fixing', { to: 'fixed' })).toBe('“整改完成”需要上传照片');
    expect(transitionProblem(HAZARD, 'fixing', { to: 'fixed', photos: ['a'] })).toBeNull();
    expect(transitionProblem(HAZARD, 'fixed', { to: 'fixing', note: '  ' })).toBe('“退回整改”需要填写说明');
  });
});
