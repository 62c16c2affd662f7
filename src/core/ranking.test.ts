import { describe, expect, it } from 'vitest';
import { rankContestants, type Contestant } from './ranking.js';

const c = (id: string, value: number | null, completion: number | null = null, exemption: string | null = null): Contestant => ({
  id,
  value,
  completion,
  exemption,
});
const rules = { topN: 2, bottomN: 2, requireTarget: false, higherIsBetter: true };

describe('rankContestants', () => {
  it('shares ranks between equal values and skips the places they take', () => {
    const placed = rankContestants([c('a', 10), c('b', 30), c('c', 30), c('d', 5), c('e', 20)], rules);
    expect(placed.map((p) => [p.id, p.rank])).toEqual([
      ['a', 4],
      ['b', 1],
      ['c', 1],
      ['d', 5],
      ['e', 3],
    ]);
    expect(placed.filter((p) => p.board === 'top').map((p) => p.id)).toEqual(['b', 'c']);
    expect(placed.filter((p) => p.board === 'bottom').map((p) => p.id)).toEqual(['a', 'd']);
  });

  it('ranks ascending when less is better, and keeps ties on the bottom board together', () => {
    const placed = rankContestants([c('a', 1), c('b', 4), c('c', 4), c('d', 2), c('e', 0)], { ...rules, higherIsBetter: false, bottomN: 1 });
    expect(placed.map((p) => p.rank)).toEqual([2, 4, 4, 3, 1]);
    expect(placed.filter((p) => p.board === 'bottom').map((p) => p.id)).toEqual(['b', 'c']);
  });

  it('leaves exempt subjects and those without a value unranked and off the boards', () => {
    const placed = rankContestants([c('a', 50, null, '受灾减免'), c('b', null), c('c', 10), c('d', 20)], rules);
    expect(placed.map((p) => [p.id, p.rank, p.board])).toEqual([
      ['a', null, null],
      ['b', null, null],
      ['c', 2, 'top'],
      ['d', 1, 'top'],
    ]);
  });

  it('needs the target met for the top board and missed for the bottom one when the rule says so', () => {
    const placed = rankContestants([c('a', 90, 90), c('b', 80, 120), c('c', 10, 100), c('d', 5, null)], {
      ...rules,
      topN: 2,
      bottomN: 2,
      requireTarget: true,
    });
    expect(placed.map((p) => [p.id, p.board])).toEqual([
      ['a', null],
      ['b', 'top'],
      ['c', null],
      ['d', null],
    ]);
  });

  it('keeps a tie across the N-th place off the board when the rule excludes ties', () => {
    // 40 | 30 30 | 20 | 10 10 10: top 2 and bottom 2 cut through the ties at places 2–3 and 5–7.
    const field = [c('a', 40), c('b', 30), c('c', 30), c('d', 20), c('e', 10), c('f', 10), c('g', 10)];
    const boards = (ties: 'include' | 'exclude', topN = 2, bottomN = 2) => {
      const placed = rankContestants(field, { ...rules, topN, bottomN, ties });
      return [placed.filter((p) => p.board === 'top').map((p) => p.id), placed.filter((p) => p.board === 'bottom').map((p) => p.id)];
    };
    expect(boards('include')).toEqual([
      ['a', 'b', 'c'],
      ['e', 'f', 'g'],
    ]);
    expect(boards('exclude')).toEqual([['a'], []]);
    // A tie that fits within N stays on the board either way.
    expect(boards('exclude', 3, 3)).toEqual([
      ['a', 'b', 'c'],
      ['e', 'f', 'g'],
    ]);
    expect(boards('exclude', 3, 4)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f', 'g'],
    ]);
  });
});
