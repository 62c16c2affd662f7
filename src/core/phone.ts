// Mainland China mobile numbers (11 digits, 13x–19x), as typed or pasted: spaces, hyphens, +86.

const MOBILE = /^1[3-9]\d{9}$/;

/** Removes spaces and hyphens, full-width digits, and a leading +86 / 0086 / 86 country code. */
export function normalizeMobile(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]+/g, '')
    .replace(/^(?:\+86|0086|86)(?=1\d{10}$)/, '');
}

/** Returns a Chinese reason why the value is not a mainland mobile number, or null when it is. */
export function mobileProblem(value: string): string | null {
  return MOBILE.test(normalizeMobile(value)) ? null : '手机号码应为11位，以1开头';
}
