// Org-unit levels and their statistical codes (统计用区划代码). Shared by server and browser.

export const ORG_LEVELS = ['province', 'city', 'county', 'town', 'village', 'group', 'grid'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_NAMES: Record<OrgLevel, string> = {
  province: '省',
  city: '市(州)',
  county: '县(市、区)',
  town: '乡镇(街道)',
  village: '村(社区)',
  group: '村民小组',
  grid: '网格',
};

export function isOrgLevel(value: string): value is OrgLevel {
  return (ORG_LEVELS as readonly string[]).includes(value);
}

/** The level directly below a level, or null for grids. */
export function childLevel(level: OrgLevel): OrgLevel | null {
  return ORG_LEVELS[ORG_LEVELS.indexOf(level) + 1] ?? null;
}

/** Official units carry the 12-digit NBS code; groups and grids extend their parent's code by 3 digits. */
export function codeLength(level: OrgLevel): number {
  if (level === 'group') return 15;
  if (level === 'grid') return 18;
  return 12;
}

/** How many leading digits identify a unit of each level, and how many of those are its own. */
const SIGNIFICANT_DIGITS: Record<OrgLevel, number> = { province: 2, city: 4, county: 6, town: 9, village: 12, group: 15, grid: 18 };
const OWN_DIGITS: Record<OrgLevel, number> = { province: 2, city: 2, county: 2, town: 3, village: 3, group: 3, grid: 3 };

/**
 * Checks that a statistical code fits its level: province 43 0000000000, city 4306 00000000,
 * county 430681 000000, town 430681105 000, village 430681105229.
 * Returns a Chinese reason, or null when the code is valid.
 */
export function divisionCodeProblem(code: string, level: OrgLevel): string | null {
  const length = codeLength(level);
  if (!/^\d+$/.test(code)) return '代码只能包含数字';
  if (code.length !== length) return `${ORG_LEVEL_NAMES[level]}代码应为${length}位数字`;
  const digits = SIGNIFICANT_DIGITS[level];
  const own = code.slice(digits - OWN_DIGITS[level], digits);
  if (/^0+$/.test(own)) return `${ORG_LEVEL_NAMES[level]}代码的本级部分不能全为0`;
  if (!/^0*$/.test(code.slice(digits))) return `${ORG_LEVEL_NAMES[level]}代码第${digits + 1}位起应为0`;
  return null;
}

/** Whether `code` (at `level`) lies under `parentCode` by its digits: 430681105229 under 430681105000. */
export function codeFitsParent(code: string, parentCode: string, parentLevel: OrgLevel): boolean {
  const digits = SIGNIFICANT_DIGITS[parentLevel];
  return code.slice(0, digits) === parentCode.slice(0, digits);
}
