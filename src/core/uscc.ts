// Unified social credit codes (统一社会信用代码, GB 32100-2015): registration authority, organisation type,
// 6-digit division code, 9-character organisation code (GB 11714, with its own check) and a MOD 31 check.

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Position 1, the registration authority: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教,
 * 8 工会, 9 市场监管(工商), A 中央军委改革和编制办公室, N 农业农村 (集体经济组织), Y 其他.
 * Position 2 (organisation type) is a digit 1–9; its meaning depends on the authority and the list has
 * grown since 2015, so only its form is checked.
 */
const AUTHORITY = /^[1-9ANY]$/;

/** Trims, removes inner blanks, turns full-width letters and digits into ASCII and upper-cases. */
export function normalizeUscc(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toUpperCase();
}

function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** GB 11714 organisation code check: digits are their value, letters A–Z are 10–35. */
function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * ORG_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Returns a Chinese reason why the value is not a valid unified social credit code, or null when it is. */
export function usccProblem(value: string): string | null {
  const code = normalizeUscc(value);
  if (code.length !== 18) return '统一社会信用代码应为18位';
  for (const c of code) {
    if (!CHARSET.includes(c)) return '统一社会信用代码含有无效字符（不使用I、O、Z、S、V）';
  }
  if (!AUTHORITY.test(code[0])) return '统一社会信用代码第1位（登记管理部门代码）无效';
  if (!/^[1-9]$/.test(code[1])) return '统一社会信用代码第2位（机构类别代码）无效';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第3至8位应为6位数字的行政区划代码';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位不正确';
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return '统一社会信用代码中的组织机构代码（第9至17位）校验位不正确';
  return null;
}
