// Data builders for tests: each test builds what it asserts on, through the real services.
import { eq } from 'drizzle-orm';
import { users } from '../db/schema.js';
import type { ServiceContext } from '../http/context.js';
import { importDivisions } from '../modules/org/org-import.service.js';
import { createUnit } from '../modules/org/org.service.js';
import { createUser } from '../modules/users/users.service.js';
import type { RoleInput } from '../modules/users/users.schemas.js';
import { enrolBySystem } from '../modules/auth/index.js';
import { TEST_TOTP_SECRET } from './test-app.js';

export const TEST_PASSWORD = 'Zw-test-2026';

/** A county with one township and the given villages (codes 430681105201…): divisions as the CSV import makes them. */
export async function buildTownship(system: ServiceContext, villages = ['川山村', '燕塘村', '桥坪村']) {
  const lines = [
    'code,name,level,parent_code',
    '430681000000,汨罗市,county,',
    '430681105000,川山坪镇,town,430681000000',
    ...villages.map((name, i) => `4306811052${String(i + 1).padStart(2, '0')},${name},village,430681105000`),
  ];
  await importDivisions(system, new TextEncoder().encode(lines.join('\n')));
  return {
    countyCode: '430681000000',
    townshipCode: '430681105000',
    villageCodes: villages.map((_, i) => `4306811052${String(i + 1).padStart(2, '0')}`),
  };
}

export async function buildGroup(system: ServiceContext, villageCode: string, name: string, validFrom = '2020-01-01') {
  return createUnit(system, { parentCode: villageCode, name, level: 'group', validFrom });
}

/**
 * A user with a known password that does not need changing. Administrators must have a second factor: theirs is
 * enrolled with TEST_TOTP_SECRET, which the test app's login gives (test-app.ts).
 */
export async function buildUser(system: ServiceContext, username: string, roles: RoleInput[], displayName = username) {
  const { user } = await createUser(system, { username, displayName, password: TEST_PASSWORD, roles });
  await system.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
  if (roles.some((r) => r.role === 'admin')) await enrolBySystem(system.db, user.id, TEST_TOTP_SECRET);
  return user;
}

/** A valid 18-digit ID number (GB 11643 check digit) for the n-th test person. */
export function buildIdCard(n: number, birth = '19800101'): string {
  const body = `430681${birth}${String(n).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** The fields of a small monitored-household ledger (防返贫监测户), as a ledger definition holds them. */
export function buildHouseholdFields() {
  return [
    { key: 'name', label: '户主姓名', type: 'text', required: true },
    { key: 'idcard', label: '身份证号码', type: 'idcard', required: true, unique: true },
    { key: 'phone', label: '联系电话', type: 'mobile' },
    { key: 'members', label: '家庭人口', type: 'integer', min: 1, max: 30, unit: '人' },
    { key: 'category', label: '监测类型', type: 'choice', choices: ['脱贫不稳定户', '边缘易致贫户', '突发严重困难户'] },
  ];
}
