import { describe, expect, it } from 'vitest';
import { chineseDate, figureFormat, formatFigure, growthPhrase, joinChinese, periodPhrase, rankText } from './report-format.js';

describe('report figures', () => {
  it('writes plain digits, drops trailing zeros and adds 千分位 only when asked', () => {
    expect(formatFigure(7912.5, { dp: 1 })).toBe('7912.5');
    expect(formatFigure(120, { dp: 1 })).toBe('120');
    expect(formatFigure(12345.678, { dp: 2, sep: true })).toBe('12,345.68');
    expect(formatFigure(12345, { dp: 0, sep: true })).toBe('12,345');
    expect(formatFigure(-0.04, { dp: 1 })).toBe('0');
    expect(formatFigure(2.675, { dp: 2 })).toBe('2.68');
  });

  it('shows 万元 and 亿元 by dividing, and converts with a factor', () => {
    expect(formatFigure(1_234_567, { dp: 2, divide: 10_000 })).toBe('123.46');
    expect(formatFigure(380_000_000, figureFormat({ scale: '亿' }, [], 1))).toBe('3.8');
    // 亩 → 万㎡: 1 亩 = 666.67 ㎡
    expect(formatFigure(150, figureFormat({ times: '666.67', scale: '万', dp: '1' }, [], 0))).toBe('10');
  });

  it('rounds approximate figures down by default (余) and to the nearest when told', () => {
    expect(formatFigure(7968.4, figureFormat({ approx: '100' }, [], 1))).toBe('7900');
    expect(formatFigure(7900, figureFormat({ approx: '100' }, [], 1))).toBe('7900');
    expect(formatFigure(7968.4, figureFormat({ approx: '100:nearest' }, [], 1))).toBe('8000');
    expect(formatFigure(58.4, figureFormat({ scale: '万', approx: '0.1' }, [], 0))).toBe('0');
    expect(formatFigure(584_000, figureFormat({ scale: '万', approx: '0.1' }, [], 0))).toBe('58.4');
    expect(formatFigure(584_000, figureFormat({ scale: '万', approx: '10' }, [], 2))).toBe('50');
  });

  it('has no figure for a missing value', () => {
    expect(formatFigure(null, { dp: 0 })).toBeNull();
    expect(formatFigure(NaN, { dp: 0 })).toBeNull();
    expect(formatFigure(Infinity, { dp: 0 })).toBeNull();
  });
});

describe('growth phrases', () => {
  it('says 增长, 下降 or 持平 against last year', () => {
    expect(growthPhrase(112.3, 100, { form: 'rate', dp: 1 })).toBe('同比增长12.3%');
    expect(growthPhrase(95.5, 100, { form: 'rate', dp: 1 })).toBe('同比下降4.5%');
    expect(growthPhrase(100.01, 100, { form: 'rate', dp: 1 })).toBe('与去年同期持平');
    expect(growthPhrase(10_116, 4_906, { form: 'rate', dp: 1 })).toBe('同比增长106.2%');
  });

  it('says the amount with its unit', () => {
    expect(growthPhrase(7900, 5200.5, { form: 'amount', dp: 1, unit: '亩' })).toBe('同比增加2699.5亩');
    expect(growthPhrase(10, 12, { form: 'amount', dp: 0, unit: '人' })).toBe('同比减少2人');
    expect(growthPhrase(3, 3, { form: 'amount', dp: 0, unit: '人' })).toBe('与去年同期持平');
  });

  it('invents nothing when last year is missing or zero', () => {
    expect(growthPhrase(5, null, { form: 'rate', dp: 1 })).toBeNull();
    expect(growthPhrase(null, 5, { form: 'rate', dp: 1 })).toBeNull();
    expect(growthPhrase(5, 0, { form: 'rate', dp: 1 })).toBeNull();
    expect(growthPhrase(0, 0, { form: 'rate', dp: 1 })).toBe('与去年同期持平');
    expect(growthPhrase(5, 0, { form: 'amount', dp: 0, unit: '户' })).toBe('同比增加5户');
  });
});

describe('Chinese lists, ranks and dates', () => {
  it('joins names with 、 and 和', () => {
    expect(joinChinese([])).toBe('');
    expect(joinChinese(['燕塘村'])).toBe('燕塘村');
    expect(joinChinese(['燕塘村', '三姊村'])).toBe('燕塘村和三姊村');
    expect(joinChinese(['燕塘村', '三姊村', '桥坪村'])).toBe('燕塘村、三姊村和桥坪村');
  });

  it('writes ranks and dates the official way', () => {
    expect(rankText(3)).toBe('第3');
    expect(chineseDate('2022-06-30')).toBe('6月30日');
    expect(chineseDate('2022-05-06', 'full')).toBe('2022年5月6日');
    expect(chineseDate('2022-05-06', 'month')).toBe('5');
    expect(chineseDate('2022-05-06', 'day')).toBe('6');
    expect(chineseDate('2022-05-06', 'year')).toBe('2022');
    expect(periodPhrase('2022S1')).toBe('2022年上半年');
    expect(periodPhrase('2022')).toBe('2022年');
    expect(periodPhrase('2022Q2')).toBe('2022年第2季度');
    expect(periodPhrase('202206')).toBe('2022年6月');
    expect(periodPhrase('nonsense')).toBeNull();
  });
});
