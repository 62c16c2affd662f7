import { describe, expect, it } from 'vitest';
import { parsePeriod } from './periods.js';
import { dueDateOf, percentOf, submittedOnTime } from './submission-due.js';

const p = (id: string) => parsePeriod(id)!;

describe('due dates', () => {
  it('adds the default days of each period type to the period end', () => {
    expect(dueDateOf(p('20220615'))).toBe('2022-06-16');
    expect(dueDateOf(p('2022W24'))).toBe('2022-06-21'); // week ends Sunday 19 June
    expect(dueDateOf(p('202206'))).toBe('2022-07-05');
    expect(dueDateOf(p('2022Q2'))).toBe('2022-07-10');
    expect(dueDateOf(p('2022S1'))).toBe('2022-07-15');
    expect(dueDateOf(p('2022'))).toBe('2023-01-30');
  });

  it("uses the ledger's own days when set, zero included", () => {
    expect(dueDateOf(p('202202'), 3)).toBe('2022-03-03');
    expect(dueDateOf(p('20221231'), 0)).toBe('2022-12-31');
    expect(dueDateOf(p('20221231'), null)).toBe('2023-01-01');
  });
});

describe('on time', () => {
  it('counts the China-time day of the submission', () => {
    // 16:00 UTC on the 16th is already 00:00 on the 17th in China
    expect(submittedOnTime('2022-06-16T15:59:00Z', '2022-06-16')).toBe(true);
    expect(submittedOnTime('2022-06-16T16:00:00Z', '2022-06-16')).toBe(false);
  });

  it('gives shares in percent with one decimal', () => {
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(3, 3)).toBe(100);
    expect(percentOf(0, 0)).toBeNull();
  });
});
