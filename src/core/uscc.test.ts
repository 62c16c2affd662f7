import { describe, expect, it } from 'vitest';
import { normalizeUscc, usccProblem } from './uscc.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

// Real codes printed in public records (business licences, annual reports, certificates).
const REAL = [
  ['914403001922038216', '华为技术有限公司'],
  ['91440300708461136T', '深圳市腾讯计算机系统有限公司'],
  ['91440300192317458F', '比亚迪股份有限公司'],
  ['91330100716105852F', '阿里巴巴（中国）网络技术有限公司'],
  ['91310000132260250X', '上海汽车集团股份有限公司'],
  ['9144030010001686XA', '招商银行股份有限公司'], // organisation code check character X
  ['91520000214434146R', '中航重机股份有限公司'],
  ['91340111MA2RAD3M4R', '蔚来控股有限公司'], // letters inside the organisation code
  ['12100000425006133D', '华东师范大学'], // 1 机构编制, 2 事业单位
] as const;

// Hand-computed codes of a village collective economic organisation (N 农业, 2 村级), covering the
// check-character edge cases. Organisation code weights 3 7 9 10 5 8 4 2 (M=22, A=10, L=21):
//   N2430681MA4L00003C  org MA4L0000: 66+70+36+210 = 382, 382 mod 11 = 8, 11−8 = 3;
//                       full sum 1600, 1600 mod 31 = 19, 31−19 = 12 → C
//   N2430681MA4L00070A  org sum 396, 396 mod 11 = 0, 11−0 = 11 → 0; full sum 1726 mod 31 = 21, 31−21 = 10 → A
//   N2430681MA4L003960  org sum 412 mod 11 = 5 → 6; full sum 1984 = 64×31, 31−0 = 31 → 0
//   N2430681MA4L0061X0  org sum 408 mod 11 = 1, 11−1 = 10 → X; full sum 2418 = 78×31 → 0
const CONSTRUCTED = ['N2430681MA4L00003C', 'N2430681MA4L00070A', 'N2430681MA4L003960', 'N2430681MA4L0061X0'];
const VALID = [...REAL.map(([code]) => code), ...CONSTRUCTED];

describe('usccProblem', () => {
  it.each(REAL)('%s (%s) is valid', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it.each(CONSTRUCTED)('%s is valid', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('accepts lower case, blanks and full-width characters', () => {
    expect(usccProblem('91440300708461136t')).toBeNull();
    expect(usccProblem(' 9144 0300 7084 6113 6T ')).toBeNull();
    expect(usccProblem('９１４４０３００７０８４６１１３６Ｔ')).toBeNull();
  });

  it.each(['', '91440300708461136', '91440300708461136TT', '440300708461136'])('%j has the wrong length', (code) => {
    expect(usccProblem(code)).toBe('统一社会信用代码应为18位');
  });

  it.each(['I', 'O', 'Z', 'S', 'V', '-', '号', '*'])('a code containing %s is refused', (c) => {
    expect(usccProblem(`91440300708461136${c}`)).toBe('统一社会信用代码含有无效字符（不使用I、O、Z、S、V）');
    expect(usccProblem(`9${c}440300708461136T`)).toBe('统一社会信用代码含有无效字符（不使用I、O、Z、S、V）');
  });

  it.each(['0', 'B', 'M', 'X'])('registration authority %s does not exist', (c) => {
    expect(usccProblem(`${c}1440300708461136T`)).toBe('统一社会信用代码第1位（登记管理部门代码）无效');
  });

  it.each(['0', 'A', 'Y'])('organisation type %s does not exist', (c) => {
    expect(usccProblem(`9${c}440300708461136T`)).toBe('统一社会信用代码第2位（机构类别代码）无效');
  });

  it('needs a 6-digit division code in positions 3–8', () => {
    expect(usccProblem('9144A300708461136T')).toBe('统一社会信用代码第3至8位应为6位数字的行政区划代码');
    expect(usccProblem('914403X0708461136T')).toBe('统一社会信用代码第3至8位应为6位数字的行政区划代码');
  });

  it.each([
    ['914403001922038217', 'Huawei with 7 for 6'],
    ['91440300708461136R', 'Tencent with R for T'],
    ['9144030010001686X0', 'China Merchants Bank with 0 for A'],
    ['N2430681MA4L00003D', 'constructed, C replaced by D'],
  ])('%s has a wrong check character (%s)', (code) => {
    expect(usccProblem(code)).toBe('统一社会信用代码校验位不正确');
  });

  it('refuses a code whose MOD 31 check is right but whose organisation code check is wrong', () => {
    // Huawei's organisation code 19220382 has check 1; with 2 instead the full sum is 859,
    // 859 mod 31 = 22, 31−22 = 9, so 914403001922038229 passes the MOD 31 check alone.
    expect(usccProblem('914403001922038229')).toBe('统一社会信用代码中的组织机构代码（第9至17位）校验位不正确');
  });

  it.each(VALID)('every single-character change of %s is refused', (code) => {
    for (let i = 0; i < 18; i++) {
      for (const c of `${CHARSET}IOZSV`) {
        if (c === code[i]) continue;
        const corrupted = code.slice(0, i) + c + code.slice(i + 1);
        expect(usccProblem(corrupted), corrupted).not.toBeNull();
      }
    }
  });

  it.each(VALID)('every swap of two different adjacent characters of %s is refused', (code) => {
    for (let i = 0; i < 17; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(usccProblem(swapped), swapped).not.toBeNull();
    }
  });
});

describe('normalizeUscc', () => {
  it('trims, removes blanks and full-width forms and upper-cases', () => {
    expect(normalizeUscc('  91340111ma2rad3m4r\n')).toBe('91340111MA2RAD3M4R');
    expect(normalizeUscc('９１４４ ０３００ ｍａ')).toBe('91440300MA');
  });
});
