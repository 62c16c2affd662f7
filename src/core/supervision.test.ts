import { describe, expect, it } from 'vitest';
import { chinaDate } from './china-time.js';
import {
  applyTransition,
  availableTransitions,
  plannedDone,
  quarterOf,
  quarterSpan,
  stageProgress,
  summariseNodes,
  taskLight,
  type DeadlineNode,
  type LightInput,
  type TaskStatus,
} from './supervision.js';

const node = (due: string, doneOn: string | null = null, originalDue = due): DeadlineNode => ({ due, originalDue, doneOn });

function task(nodes: DeadlineNode[], over: Partial<LightInput> & { status?: TaskStatus } = {}): LightInput {
  return { status: 'in_progress', paused: false, createdOn: '2022-06-01', doneOn: null, ...summariseNodes(nodes), ...over };
}

describe('taskLight over a fixed clock', () => {
  it('is red from the day after an open node’s deadline, not on the day itself', () => {
    const t = task([node('2022-06-30')]);
    expect(taskLight(t, '2022-06-30').light).toBe('blue');
    expect(taskLight(t, '2022-07-01')).toEqual({ light: 'red', late: true });
  });

  it('turns red at midnight China time, whatever the UTC date says', () => {
    const t = task([node('2022-06-30')]);
    // 2022-06-30T16:30Z is 00:30 on 1 July in Beijing: the node is overdue there, while UTC still reads the 30th.
    expect(taskLight(t, chinaDate('2022-06-30T16:30:00Z')).light).toBe('red');
    expect(taskLight(t, chinaDate('2022-06-30T15:59:59Z')).light).toBe('blue');
  });

  it('is blue from three days before a deadline, normal before that', () => {
    const t = task([node('2022-06-30')], { createdOn: '2022-06-20', total: 1 });
    expect(taskLight(t, '2022-06-26').light).toBe('normal');
    expect(taskLight(t, '2022-06-27').light).toBe('blue');
  });

  it('is yellow while an open node runs on an approved delay', () => {
    const t = task([node('2022-07-10', null, '2022-06-25')], { createdOn: '2022-06-20' });
    expect(taskLight(t, '2022-06-25').light).toBe('normal'); // the original deadline has not passed yet; the new one is far
    expect(taskLight(t, '2022-06-26')).toEqual({ light: 'yellow', late: false });
    expect(taskLight(t, '2022-07-11').light).toBe('red'); // the delay ran out too
  });

  it('is yellow when fewer nodes are done than an even schedule plans', () => {
    // Four nodes due 100 days after 2022-03-01 (101 days with the last one): by day 51, two should be done.
    const nodes = [node('2022-06-09'), node('2022-06-09'), node('2022-06-09'), node('2022-06-09')];
    const t = task(nodes, { createdOn: '2022-03-01' });
    expect(plannedDone(t, '2022-04-20')).toBe(1);
    expect(plannedDone(t, '2022-04-21')).toBe(2);
    expect(plannedDone(t, '2022-06-09')).toBe(3); // the deadline's own day: the last node may still be done today
    expect(taskLight(t, '2022-04-21').light).toBe('yellow');
    const halfDone = task([node('2022-06-09', '2022-04-01'), node('2022-06-09', '2022-04-02'), node('2022-06-09'), node('2022-06-09')], {
      createdOn: '2022-03-01',
    });
    expect(taskLight(halfDone, '2022-04-21').light).toBe('normal');
  });

  it('is grey while not signed or paused; a paused task with a passed deadline stays late', () => {
    expect(taskLight(task([node('2022-07-30')], { status: 'assigned', createdOn: '2022-06-29' }), '2022-06-30').light).toBe('grey');
    // Not signed yet but due soon: the deadline matters more than the missing signature.
    expect(taskLight(task([node('2022-07-01')], { status: 'assigned', createdOn: '2022-06-29' }), '2022-06-30').light).toBe('blue');
    expect(taskLight(task([node('2022-06-01')], { paused: true }), '2022-06-30')).toEqual({ light: 'grey', late: true });
  });

  it('is green when done, and says when it was done late', () => {
    const nodes = [node('2022-06-10', '2022-06-10'), node('2022-06-20', '2022-06-22')];
    expect(taskLight(task(nodes, { status: 'done', doneOn: '2022-06-20' }), '2022-06-30')).toEqual({ light: 'green', late: false });
    expect(taskLight(task(nodes, { status: 'done', doneOn: '2022-06-22' }), '2022-06-30')).toEqual({ light: 'green', late: true });
  });

  it('lights a task without nodes only by its state', () => {
    expect(taskLight(task([], { status: 'assigned' }), '2022-06-30').light).toBe('grey');
    expect(taskLight(task([]), '2022-06-30').light).toBe('normal');
  });
});

describe('the task flow', () => {
  const open = { status: 'assigned' as const, paused: false };

  it('walks 交办 → 签收 → 办理中 → 办结申请 → 办结, each step by its party', () => {
    let state = applyTransition(open, 'sign', ['handler']);
    expect(state).toEqual({ ok: true, state: { status: 'signed', paused: false } });
    expect(applyTransition({ status: 'signed', paused: false }, 'start', ['handler'])).toMatchObject({ ok: true, state: { status: 'in_progress' } });
    state = applyTransition({ status: 'in_progress', paused: false }, 'request_completion', ['handler']);
    expect(state.ok && state.state.status).toBe('completion_requested');
    expect(applyTransition({ status: 'completion_requested', paused: false }, 'approve_completion', ['assigner'])).toEqual({
      ok: true,
      state: { status: 'done', paused: false },
    });
    expect(applyTransition({ status: 'completion_requested', paused: false }, 'return', ['assigner'])).toMatchObject({
      ok: true,
      state: { status: 'in_progress' },
    });
  });

  it('refuses a step to the wrong party, and a step from the wrong state', () => {
    expect(applyTransition({ status: 'completion_requested', paused: false }, 'approve_completion', ['handler'])).toMatchObject({
      ok: false,
      forbidden: true,
      reason: '只有交办人（或有交办权限的领导）可以同意办结',
    });
    expect(applyTransition(open, 'sign', ['assigner'])).toMatchObject({ ok: false, forbidden: true });
    expect(applyTransition({ status: 'done', paused: false }, 'sign', ['handler'])).toMatchObject({
      ok: false,
      forbidden: false,
      reason: '任务已办结，不能签收',
    });
  });

  it('pauses and resumes, and a paused task moves no further', () => {
    const paused = applyTransition({ status: 'in_progress', paused: false }, 'pause', ['assigner']);
    expect(paused).toEqual({ ok: true, state: { status: 'in_progress', paused: true } });
    expect(applyTransition({ status: 'in_progress', paused: true }, 'request_completion', ['handler'])).toMatchObject({ ok: false });
    expect(availableTransitions({ status: 'in_progress', paused: true }, ['assigner', 'handler'])).toEqual(['resume']);
    expect(availableTransitions(open, ['handler'])).toEqual(['sign']);
  });
});

describe('project stages and quarters', () => {
  it('counts stages on time, done late and overdue as of a date', () => {
    const stages = [
      { due: '2022-03-31', doneOn: '2022-03-30' },
      { due: '2022-06-30', doneOn: '2022-07-02' },
      { due: '2022-06-15', doneOn: null },
      { due: '2022-09-30', doneOn: null },
    ];
    expect(stageProgress(stages, '2022-06-30')).toEqual({ due: 2, onTime: 1, doneLate: 0, overdue: 1, onTimeRate: 50 });
    expect(stageProgress(stages, '2022-07-05')).toEqual({ due: 3, onTime: 1, doneLate: 1, overdue: 1, onTimeRate: 33.3 });
    expect(stageProgress([], '2022-06-30').onTimeRate).toBeNull();
  });

  it('names quarters and their spans', () => {
    expect(quarterOf('2022-06-30')).toBe(2);
    expect(quarterOf('2022-07-01')).toBe(3);
    expect(quarterSpan(2022, 1)).toEqual({ from: '2022-01-01', to: '2022-03-31' });
    expect(quarterSpan(2024, 1).to).toBe('2024-03-31');
    expect(quarterSpan(2022, 4)).toEqual({ from: '2022-10-01', to: '2022-12-31' });
  });
});
