import { describe, expect, it } from 'vitest';
import { isCommonPassword, passwordProblem } from './password-rules.js';

describe('password rules', () => {
  it.each([
    ['short1', '密码至少需要8位'],
    ['abcdefgh', '密码必须同时包含字母和数字'],
    ['12345678', '密码必须同时包含字母和数字'],
    ['x'.repeat(128) + '1', '密码不能超过128位'],
  ])('refuses %s: %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  // The passwords a probe got accepted, and their trivial variants.
  it.each([
    'password1',
    'abcd1234',
    'Passw0rd',
    'PASSWORD1',
    'Password2026',
    'Passw0rd2026',
    'qwerty123',
    'Qwerty!2024',
    '2024admin',
    'iloveyou1',
    'woaini1314',
    'Woaini520!',
    'qq123456',
    'Zhenwu2026',
    'a1234567',
    '1qaz2wsx',
  ])('refuses the common password %s', (password) => {
    expect(passwordProblem(password)).toBe('密码过于常见，容易被猜中，请换一个');
  });

  it('refuses a password containing the username, in any case', () => {
    expect(passwordProblem('cun201a1', { username: 'cun201' })).toBe('密码不能包含用户名');
    expect(passwordProblem('Xiaoli2026', { username: 'XIAOLI' })).toBe('密码不能包含用户名');
    expect(passwordProblem('Xiaoli2026', { username: 'wanggang' })).toBeNull();
  });

  it.each(['Village2026', 'Start2026a', 'Demo-pass-2022', 'Hjk7-tree-lamp', 'Mx7pQ2rt9Lwz', 'Zw-test-2026', 'Demo12345', 'Changed12345'])(
    'accepts the uncommon password %s',
    (password) => {
      expect(passwordProblem(password, { username: 'shuji' })).toBeNull();
    },
  );

  it('matches common bases only when they start and end with a letter, never inside a longer word', () => {
    expect(isCommonPassword('passwordless99')).toBe(false);
    expect(isCommonPassword('99dragon')).toBe(true);
    expect(isCommonPassword('**dragon**1')).toBe(true);
  });
});
