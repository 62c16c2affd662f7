// Chinese resident ID numbers (居民身份证号码, GB 11643-1999): 6-digit region, 8-digit birth date,
// 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character. 15-digit numbers are refused.

import { chinaDate } from './china-time.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** First two digits: provinces, Taiwan (71), Hong Kong (81), Macao (82), Taiwan residents' permits (83), foreigners (91). */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83, 91,
]);

/** Removes blanks, turns full-width digits and letters (typed with a Chinese IME) into ASCII, upper-cases x. */
export function normalizeIdCard(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isCalendarDate(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Returns a Chinese reason why the value is not a valid 18-digit ID number, or null when it is. */
export function idCardProblem(value: string, today: Date = new Date()): string | null {
  const id = normalizeIdCard(value);
  if (/^\d{15}$/.test(id)) return '不接受15位旧身份证号码，请使用18位身份证号码';
  if (id.length !== 18) return '身份证号码应为18位';
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为17位数字加1位数字或X';
  if (!PROVINCE_CODES.has(Number(id.slice(0, 2)))) return '身份证号码的地区代码无效';
  const birth = id.slice(6, 14);
  if (!isCalendarDate(birth) || birth < '19000101' || birth > chinaDate(today).replaceAll('-', '')) return '身份证号码中的出生日期无效';
  if (checkChar(id.slice(0, 17)) !== id[17]) return '身份证号码校验位不正确';
  return null;
}

/** Birth date as YYYY-MM-DD, or null when the value is not a valid ID number. */
export function idCardBirthDate(value: string): string | null {
  if (idCardProblem(value) !== null) return null;
  const id = normalizeIdCard(value);
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Sex from the 17th digit (odd = 男, even = 女), or null when the value is not a valid ID number. */
export function idCardSex(value: string): '男' | '女' | null {
  if (idCardProblem(value) !== null) return null;
  return Number(normalizeIdCard(value)[16]) % 2 === 1 ? '男' : '女';
}
