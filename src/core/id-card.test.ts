import { describe, expect, it } from 'vitest';
import { idCardBirthDate, idCardProblem, idCardSex, normalizeIdCard } from './id-card.js';

// Known-valid numbers. The check characters were worked out by hand from GB 11643's weights
// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and the table (sum mod 11 → 1 0 X 9 8 7 6 5 4 3 2):
//   11010519491231002X  the sample printed in GB 11643-1999; sum 167, 167 mod 11 = 2 → X
//   430681198507150014  sum 327, mod 11 = 8 → 4
//   43068120000229002X  29 Feb 2000 (a leap year); sum 244, mod 11 = 2 → X
//   430681190001010034  1 Jan 1900, the earliest accepted date; sum 184, mod 11 = 8 → 4
//   430681202406150049  born 15 Jun 2024; sum 278, mod 11 = 3 → 9
//   810000198808080056  Hong Kong resident's permit region 81; sum 270, mod 11 = 6 → 6
//   650102197611307118  sum 279, mod 11 = 4 → 8
//   330106199912318881  sum 341, mod 11 = 0 → 1
const TODAY = new Date(2025, 0, 1);
const VALID = [
  '11010519491231002X',
  '430681198507150014',
  '43068120000229002X',
  '430681190001010034',
  '430681202406150049',
  '810000198808080056',
  '650102197611307118',
  '330106199912318881',
];

describe('idCardProblem', () => {
  it.each(VALID)('%s is valid', (id) => {
    expect(idCardProblem(id, TODAY)).toBeNull();
  });

  it('accepts a lower-case x, blanks and full-width characters typed with a Chinese IME', () => {
    expect(idCardProblem('11010519491231002x', TODAY)).toBeNull();
    expect(idCardProblem(' 110105 19491231 002X ', TODAY)).toBeNull();
    expect(idCardProblem('１１０１０５１９４９１２３１００２Ｘ', TODAY)).toBeNull();
  });

  it.each([
    ['', '身份证号码应为18位'],
    ['43068119850715001', '身份证号码应为18位'],
    ['4306811985071500140', '身份证号码应为18位'],
    ['43068119850715001X4', '身份证号码应为18位'],
  ])('%j has the wrong length', (id, reason) => {
    expect(idCardProblem(id, TODAY)).toBe(reason);
  });

  it('refuses 15-digit legacy numbers and says to use the 18-digit one', () => {
    expect(idCardProblem('430681850715001', TODAY)).toContain('请使用18位身份证号码');
  });

  it.each(['4306811985071500A4', 'X30681198507150014', '43068119850715001Y', '430681-98507150014'])(
    '%s has a character that is not allowed',
    (id) => {
      expect(idCardProblem(id, TODAY)).toBe('身份证号码应为17位数字加1位数字或X');
    },
  );

  it.each(['000681198507150014', '160681198507150014', '240681198507150014', '990681198507150014', '720681198507150014'])(
    '%s has no such province',
    (id) => {
      expect(idCardProblem(id, TODAY)).toBe('身份证号码的地区代码无效');
    },
  );

  it.each([
    ['430681198502300014', '30 February'],
    ['430681198513010014', 'month 13'],
    ['430681198500100014', 'month 00'],
    ['430681198501000014', 'day 00'],
    ['430681198504310014', '31 April'],
    ['430681190002290014', '29 Feb 1900 (not a leap year)'],
    ['430681202302290014', '29 Feb 2023'],
    ['430681189912310014', 'before 1900'],
    ['430681202501020014', 'after today'],
  ])('%s has an invalid birth date (%s)', (id) => {
    expect(idCardProblem(id, TODAY)).toBe('身份证号码中的出生日期无效');
  });

  it('accepts a birth date of today in China but not tomorrow, whatever the time zone of the process', () => {
    // 16:00:01 UTC on the 14th is 00:00:01 on the 15th in Beijing
    expect(idCardProblem('430681202406150049', new Date('2024-06-14T16:00:01Z'))).toBeNull();
    expect(idCardProblem('430681202406150049', new Date('2024-06-14T15:59:59Z'))).toBe('身份证号码中的出生日期无效');
  });

  it('checks dates against the current day by default', () => {
    expect(idCardProblem('11010519491231002X')).toBeNull();
    expect(idCardProblem('430681209912310014')).toBe('身份证号码中的出生日期无效');
  });

  it('refuses the second GB 11643 sample: its check digit is right but 1880 is before 1900', () => {
    // 440524188001010014: sum 195, 195 mod 11 = 8 → 4, so only the date rule refuses it.
    expect(idCardProblem('440524188001010014', TODAY)).toBe('身份证号码中的出生日期无效');
  });

  it.each([
    ['110105194912310020', 'X replaced by 0'],
    ['110105194912310021', 'X replaced by 1'],
    ['430681198507150015', 'last digit off by one'],
    ['43068119850715001X', 'X where 4 belongs'],
    ['430681198507150024', 'sequence digit changed'],
  ])('%s has a wrong check character (%s)', (id) => {
    expect(idCardProblem(id, TODAY)).toBe('身份证号码校验位不正确');
  });

  it.each(VALID)('every single-character change of %s is refused', (id) => {
    for (let i = 0; i < 18; i++) {
      for (const c of '0123456789X') {
        if (c === id[i] || (c === 'X' && i < 17)) continue;
        const corrupted = id.slice(0, i) + c + id.slice(i + 1);
        expect(idCardProblem(corrupted, TODAY), corrupted).not.toBeNull();
      }
    }
  });

  it.each(VALID)('every swap of two different adjacent characters of %s is refused', (id) => {
    for (let i = 0; i < 17; i++) {
      if (id[i] === id[i + 1] || id[i + 1] === 'X') continue;
      const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
      expect(idCardProblem(swapped, TODAY), swapped).not.toBeNull();
    }
  });
});

describe('normalizeIdCard', () => {
  it('upper-cases x and removes blanks and full-width forms', () => {
    expect(normalizeIdCard(' 110105 19491231 002x\t')).toBe('11010519491231002X');
    expect(normalizeIdCard('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });
});

describe('idCardBirthDate and idCardSex', () => {
  it('reads the birth date as YYYY-MM-DD', () => {
    expect(idCardBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idCardBirthDate('43068120000229002x')).toBe('2000-02-29');
  });

  it('reads the sex from the 17th digit: odd is male, even is female', () => {
    expect(idCardSex('430681198507150014')).toBe('男'); // 17th digit 1
    expect(idCardSex('11010519491231002X')).toBe('女'); // 17th digit 2
    expect(idCardSex('330106199912318881')).toBe('女'); // 17th digit 8
    expect(idCardSex('650102197611307118')).toBe('男'); // 17th digit 1
  });

  it('returns null for numbers that are not valid', () => {
    expect(idCardBirthDate('430681198507150015')).toBeNull();
    expect(idCardBirthDate('430681198502300014')).toBeNull();
    expect(idCardBirthDate('430681850715001')).toBeNull();
    expect(idCardSex('430681198507150015')).toBeNull();
    expect(idCardSex('')).toBeNull();
  });
});
