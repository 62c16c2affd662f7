import { describe, expect, it } from 'vitest';
import { evaluateFormula, findCycle, formulaReferences, parseFormula } from './formula.js';

const VALUES: Record<string, number | null> = { transferred: 7900, taxable: 31600, doses: 0, last: 4920, early_rice: 10813, none: null };
const TARGETS: Record<string, number | null> = { transferred: 10000 };
const run = (source: string, lastYear: Record<string, number | null> = { early_rice: 4920 }) =>
  evaluateFormula(parseFormula(source), (key, of) => (of === 'last_year' ? lastYear[key] : of === 'target' ? TARGETS[key] : VALUES[key]) ?? null);

describe('evaluateFormula', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['-transferred + 100', -7800],
    ['10 - 4 - 3', 3],
    ['12 / 4 / 3', 1],
    ['percent(transferred, taxable)', 25],
    ['ratio(transferred, taxable)', 0.25],
    ['diff(early_rice, last_year(early_rice))', 5893],
    ['round(growth(early_rice, last_year(early_rice)), 1)', 119.8],
    ['max(1, transferred, 3)', 7900],
    ['abs(-2.5)', 2.5],
    ['percent(transferred, target(transferred))', 79],
  ])('%s = %s', (source, expected) => {
    expect(run(source)).toBeCloseTo(expected as number, 6);
  });

  it('gives null, not Infinity or NaN, for division by zero and missing values', () => {
    expect(run('transferred / doses')).toBeNull();
    expect(run('percent(transferred, doses)')).toBeNull();
    expect(run('growth(early_rice, last_year(early_rice))', { early_rice: 0 })).toBeNull();
    expect(run('none + 1')).toBeNull();
    expect(run('unknown_key * 2')).toBeNull();
    expect(run('percent(taxable, target(taxable))')).toBeNull();
  });
});

describe('parseFormula errors', () => {
  it.each([
    ['', '第 1 个字符处：公式是空的'],
    ['transferred +', '第 14 个字符处：公式不完整'],
    ['(1 + 2', '第 7 个字符处：公式不完整，缺少右括号“)”'],
    ['1 + 2)', '第 6 个字符处：此处不应出现“)”'],
    ['1 ＋ 2', '第 3 个字符处：不认识的字符“＋”'],
    ['sqrt(4)', '第 1 个字符处：没有函数“sqrt”'],
    ['percent(1)', '第 1 个字符处：percent 需要 2 个参数'],
    ['last_year(1 + 2)', '第 1 个字符处：last_year 只接受一个指标标识'],
    ['target(last_year(a))', '第 1 个字符处：target 只接受一个指标标识'],
    ['a b', '第 3 个字符处：此处不应出现“b”'],
  ])('%j → %s', (source, message) => {
    expect(() => parseFormula(source)).toThrow(message);
  });
});

describe('formulaReferences and findCycle', () => {
  it('lists each indicator read, with last-year and target reads apart', () => {
    expect(formulaReferences(parseFormula('growth(a, last_year(a)) + a * b + target(b)')).map((r) => [r.key, r.of])).toEqual([
      ['a', 'value'],
      ['a', 'last_year'],
      ['b', 'value'],
      ['b', 'target'],
    ]);
  });

  it('finds a cycle and names it', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeNull();
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['a']]]))).toEqual(['a', 'a']);
  });
});
