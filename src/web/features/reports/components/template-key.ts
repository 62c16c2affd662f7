// The key of a new template: proposed from its name so a writer need not invent one (半年工作汇报 → bngzhb).
import { pinyinInitials } from '../../../../core/search-text';

export const TEMPLATE_KEY_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
export const TEMPLATE_KEY_RULE = '模板键应为小写字母开头的字母、数字或连字符，2到40位';

export function keyFromName(name: string): string {
  const initials = pinyinInitials(name).replace(/[^a-z0-9]/g, '');
  if (!initials) return '';
  const key = /^[a-z]/.test(initials) ? initials : `t${initials}`;
  return key.length >= 2 ? key.slice(0, 40) : '';
}
