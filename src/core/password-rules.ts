// Password rules (等保2.0 baseline): at least 8 characters, with letters and digits. Shared by server and browser.

export const PASSWORD_MIN_LENGTH = 8;

/** Chinese reason why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少需要${PASSWORD_MIN_LENGTH}位`;
  if (password.length > 128) return '密码不能超过128位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码必须同时包含字母和数字';
  return null;
}
