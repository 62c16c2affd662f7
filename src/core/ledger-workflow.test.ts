import { describe, expect, it } from 'vitest';
import { rectificationWorkflow, transitionProblem, transitionsFrom, workflowDefinition } from './ledger-workflow.js';

const HAZARD = rectificationWorkflow();

describe('workflowDefinition', () => {
  it('accepts a well-formed workflow', () => {
    expect(workflowDefinition.safeParse(HAZARD).success).toBe(true);
  });

  it('names every problem of a broken one', () => {
    const result = workflowDefinition.safeParse({
      ...HAZARD,
      initial: 'nope',
      transitions: [...HAZARD.transitions, { from: 'closed', to: 'pending', label: '重开' }, { from: 'pending', to: 'rectifying', label: '再来' }],
    });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain('初始状态“nope”不在状态列表中');
    expect(messages).toContain('“closed”是终止状态，不能再流转');
    expect(messages).toContain('从“pending”到“rectifying”的流转重复');
  });
});

describe('transitionProblem', () => {
  it('allows a listed transition', () => {
    expect(transitionProblem(HAZARD, 'pending', { to: 'rectifying' })).toBeNull();
    expect(transitionsFrom(HAZARD, 'rectified').map((t) => t.to)).toEqual(['closed', 'rectifying']);
  });

  it('refuses an unlisted one and says which are open', () => {
    expect(transitionProblem(HAZARD, 'pending', { to: 'closed' })).toBe('当前状态“待整改”不能变更为“已销号”，只能变更为“整改中”');
    expect(transitionProblem(HAZARD, 'closed', { to: 'pending' })).toBe('当前状态“已销号”不能变更为“待整改”，这是终止状态');
  });

  it('asks for the photo or note a transition requires', () => {
    expect(transitionProblem(HAZARD, 'rectifying', { to: 'rectified' })).toBe('“整改完成”需要上传照片');
    expect(transitionProblem(HAZARD, 'rectifying', { to: 'rectified', photos: ['a'] })).toBeNull();
    expect(transitionProblem(HAZARD, 'rectified', { to: 'rectifying', note: '  ' })).toBe('“退回整改”需要填写说明');
  });
});
