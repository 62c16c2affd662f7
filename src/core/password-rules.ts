// Password rules (等保2.0 baseline, NIST SP 800-63B blocklist): at least 8 characters with letters and digits,
// not a common password nor a trivial variant of one, and not containing the username. Shared by server and browser.
import { COMMON_PASSWORDS, VERY_COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

// Frequent passwords of Chinese users (the leaked-site top lists) and words of this system and its places:
// both are what an attacker tries first here, and neither is well covered by the English-based list.
const CHINESE_COMMON = [
  'woaini',
  'woaini1314',
  'woaini520',
  'woaini521',
  'wo5201314',
  'qq5201314',
  'love1314',
  'iloveyou1314',
  'qq123456',
  'aa123456',
  'a123456',
  'a12345678',
  'a123456789',
  '123456a',
  '123456abc',
  'abc123456',
  '12345abc',
  'qwe123456',
  'asd123456',
  'zxc123456',
  'qweasd',
  'qweasdzxc',
  'asdasd',
  'asdfghjkl',
  'mima',
  'nihao',
  'zhongguo',
  'baobao',
  'laogong',
  'laopo',
  'wangwei',
  'zhangwei',
  'zhangsan',
  'lisi',
  'wangwu',
  'wang',
  'zhang',
  'chen',
  'yang',
  'zhao',
  'huang',
  'zhou',
  'xiao',
  'zhenwu',
  'zhengfu',
  'zhenzhengfu',
  'dangwei',
  'guanli',
  'guanliyuan',
  'admin',
  'administrator',
  'system',
  'root',
  'miluo',
  'hunan',
  'chuanshanping',
  'china',
  'beijing',
];

const veryCommon = new Set([...VERY_COMMON_PASSWORDS.split(' '), ...CHINESE_COMMON]);
const common = new Set(COMMON_PASSWORDS.split(' '));

/** The password as an attacker's list would hold it: case folded, and with digits and symbols around it removed. */
function variants(password: string): { whole: string; bases: string[] } {
  const whole = password.normalize('NFKC').toLowerCase();
  const trailing = whole.replace(/[^a-z]+$/, '');
  const leading = whole.replace(/^[^a-z]+/, '');
  const both = trailing.replace(/^[^a-z]+/, '');
  return { whole, bases: [trailing, leading, both].filter((b) => b.length >= 3 && b !== whole) };
}

/** Whether the password is a common one, or a common one with changed case or digits and symbols added around it. */
export function isCommonPassword(password: string): boolean {
  const { whole, bases } = variants(password);
  return veryCommon.has(whole) || common.has(whole) || bases.some((b) => veryCommon.has(b));
}

/** Chinese reason why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { username?: string | null } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少需要${PASSWORD_MIN_LENGTH}位`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过${PASSWORD_MAX_LENGTH}位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码必须同时包含字母和数字';
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && password.toLowerCase().includes(username)) return '密码不能包含用户名';
  if (isCommonPassword(password)) return '密码过于常见，容易被猜中，请换一个';
  return null;
}
