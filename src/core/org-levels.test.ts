import { describe, expect, it } from 'vitest';
import { codeFitsParent, divisionCodeProblem } from './org-levels.js';
import { passwordProblem } from './password-rules.js';

describe('statistical division codes', () => {
  it.each([
    ['430000000000', 'province'],
    ['430600000000', 'city'],
    ['430681000000', 'county'],
    ['430681105000', 'town'],
    ['430681105229', 'village'],
    ['430681105229001', 'group'],
    ['430681105229001001', 'grid'],
  ] as const)('%s is a valid %s code', (code, level) => {
    expect(divisionCodeProblem(code, level)).toBeNull();
  });

  it.each([
    ['43068110522', 'village', '村(社区)代码应为12位数字'],
    ['4306811052290', 'village', '村(社区)代码应为12位数字'],
    ['43068110522X', 'village', '代码只能包含数字'],
    ['430681105000', 'village', '村(社区)代码的本级部分不能全为0'],
    ['430681105229', 'town', '乡镇(街道)代码第10位起应为0'],
  ] as const)('%s as %s is refused: %s', (code, level, reason) => {
    expect(divisionCodeProblem(code, level)).toBe(reason);
  });

  it("checks a code against its parent by the parent's significant digits", () => {
    expect(codeFitsParent('430681105229', '430681105000', 'town')).toBe(true);
    expect(codeFitsParent('430681106229', '430681105000', 'town')).toBe(false);
  });
});

describe('password rules', () => {
  it.each([
    ['short1', '密码至少需要8位'],
    ['abcdefgh', '密码必须同时包含字母和数字'],
    ['12345678', '密码必须同时包含字母和数字'],
    ['abcd1234', '密码过于常见，容易被猜中，请换一个'],
    ['tqbf9483', null],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });
});
