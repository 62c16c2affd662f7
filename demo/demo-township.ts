// Loads the demo township 川山坪镇 (汨罗市) on an empty database: divisions from the NBS codes, villager
// groups and a half-finished group-merge campaign (2022), grids, the cadre organisation, demo accounts and the
// built-in ledgers with synthetic records for 2021 and the first half of 2022 (demo-ledgers.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db } from '../src/server/db/connection.js';
import { settings, users } from '../src/server/db/schema.js';
import type { ServiceContext } from '../src/server/http/context.js';
import { SYSTEM_ACTOR } from '../src/server/modules/audit/index.js';
import { createUnit, findUnit, importDivisions, listUnits, mergeGroups, setFixedDate, setMergePlan } from '../src/server/modules/org/index.js';
import { createUser } from '../src/server/modules/users/index.js';
import { enrolBySystem, newTotpSecret, otpauthUri, randomPassword, twoFactorKeyLoaded } from '../src/server/modules/auth/index.js';
import type { RoleInput } from '../src/server/modules/users/index.js';
import { seededRandom } from './seeded-random.js';
import { seedDemoCadre } from './demo-cadre.js';
import { DEMO_FROM, DEMO_TO } from './demo-ledger-context.js';
import { loadDemoLedgers } from './demo-ledgers.js';
import { DEMO_TODAY, loadDemoSupervision } from './demo-supervision.js';
import { installDemoReports } from '../src/server/modules/reports/index.js';

export const DEMO_TOWNSHIP_CODE = '430681105000';
const DIVISIONS_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), 'divisions-chuanshanping.csv');
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];
// Villages that finished merging their groups by mid-2022 (the report: "*个村中已有*个完成全部合组工作").
const MERGE_DONE_COUNT = 7;
// Village cadres' names: common surnames of 汨罗 and plain given names; fixed seed, so always the same.
const SURNAMES = ['李', '王', '张', '刘', '陈', '杨', '黄', '周', '吴', '徐', '罗', '彭', '任', '钟', '汤', '喻'];
const GIVEN_NAMES = ['建军', '国平', '志刚', '秋菊', '红梅', '海波', '春生', '德胜', '新民', '桂香', '伟', '敏', '卫平', '湘云', '明辉'];

export interface DemoAccount {
  username: string;
  displayName: string;
  roleName: string;
  password: string;
  /** The administrator's TOTP secret (base32) and its otpauth URI: administrators must sign in with a code. */
  totp?: { secret: string; uri: string };
}

const systemContext = (db: Db): ServiceContext => ({
  db,
  principal: { userId: 0, username: 'system', grants: [{ role: 'admin', scopePaths: ['/'] }] },
  actor: SYSTEM_ACTOR,
  townshipId: null,
});

export async function isDemoLoaded(db: Db): Promise<boolean> {
  const [row] = await db.select().from(users).limit(1);
  return row !== undefined;
}

export async function loadDemoTownship(db: Db, opts: { adminPassword?: string; demoPassword?: string; adminTotpSecret?: string }) {
  const system = systemContext(db);
  const random = seededRandom(20220630);
  await importDivisions(system, fs.readFileSync(DIVISIONS_CSV), 'divisions-chuanshanping.csv');
  const villages = (await listUnits(system, { parent: DEMO_TOWNSHIP_CODE })).items;

  for (const village of villages) {
    const groupCount = random.int(8, 16);
    const groups = [];
    for (let i = 0; i < groupCount; i++) {
      groups.push(await createUnit(system, { parentCode: village.code, name: `${NUMERALS[i]}组`, level: 'group', validFrom: '2005-01-01' }));
    }
    // Plan: merge into roughly a third as many groups, "以组为单位聘请网格员".
    const planned = Math.max(2, Math.round(groupCount / 3));
    await setMergePlan(system, village.code, planned);
    const done = villages.indexOf(village) % Math.ceil(villages.length / MERGE_DONE_COUNT) === 0;
    const mergeInto = done ? planned : groupCount;
    const chunk = Math.ceil(groupCount / mergeInto);
    for (let g = 0; g * chunk < groupCount && done; g++) {
      const part = groups.slice(g * chunk, (g + 1) * chunk);
      const date = `2022-0${random.int(3, 6)}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const merged =
        part.length > 1 ? await mergeGroups(system, { groupCodes: part.map((p) => p.code), name: `${NUMERALS[g]}组（合并）`, date }) : part[0];
      await createUnit(system, { parentCode: merged.code, name: `第${NUMERALS[g]}网格`, level: 'grid', validFrom: date });
    }
  }

  const accounts: DemoAccount[] = [];
  const addAccount = async (username: string, displayName: string, roleName: string, roles: RoleInput[], password?: string) => {
    const initial = password ?? randomPassword();
    const { user } = await createUser(system, { username, displayName, password: initial, roles });
    // Accounts whose password was generated must replace it at first login.
    await db.update(users).set({ mustChangePassword: !password }).where(eq(users.id, user.id));
    accounts.push({ username, displayName, roleName, password: initial });
  };
  await addAccount('admin', '系统管理员', '管理员（全系统）', [{ role: 'admin' }], opts.adminPassword);
  // Administrators must have a second factor: the demo's is enrolled with a secret printed once beside the password.
  // Without the server's key (a bench or test loading the demo into a bare database) he enrols at first login.
  if (twoFactorKeyLoaded()) {
    const adminTotp = opts.adminTotpSecret ?? newTotpSecret();
    const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    await enrolBySystem(db, admin.id, adminTotp);
    accounts[0].totp = { secret: adminTotp, uri: otpauthUri(adminTotp, 'admin') };
  }
  await addAccount('shuji', '李书记', '党委书记（镇领导）', [{ role: 'leader', orgUnitCode: DEMO_TOWNSHIP_CODE }], opts.demoPassword);
  await addAccount('zhenzhang', '王镇长', '镇长（镇领导）', [{ role: 'leader', orgUnitCode: DEMO_TOWNSHIP_CODE }], opts.demoPassword);
  await addAccount('chakan', '市督查室', '查看（全镇只读）', [{ role: 'viewer', orgUnitCode: DEMO_TOWNSHIP_CODE }], opts.demoPassword);
  for (const village of villages) {
    const username = `cun${village.code.slice(-3)}`;
    const name = `${random.pick(SURNAMES)}${random.pick(GIVEN_NAMES)}`;
    await addAccount(username, name, `村干部（${village.name}）`, [{ role: 'village_cadre', orgUnitCode: village.code }], opts.demoPassword);
  }
  const cadre = await seedCadre(
    system,
    villages.map((v) => v.code),
  );
  if (cadre) {
    await addAccount('zuzhang', cadre.leaderName, `组长（${cadre.name}）`, [{ role: 'group_leader', cadreGroupId: cadre.id }], opts.demoPassword);
  }
  const township = await findUnit(db, { code: DEMO_TOWNSHIP_CODE });
  const ledgers = await db.transaction((tx) => loadDemoLedgers(tx, township!.id, null));
  // Goals, key projects and tasks as of the report's date, and the township's clock stopped on that date.
  await db.transaction(async (tx) => {
    await loadDemoSupervision(tx, township!.id);
    await setFixedDate(tx, DEMO_TOWNSHIP_CODE, DEMO_TODAY);
    await installDemoReports(tx, township!);
  });
  // The mark the UI reads to label every figure of this township as demo data (演示数据).
  await db
    .insert(settings)
    .values({
      key: 'demo',
      value: { township: DEMO_TOWNSHIP_CODE, loadedAt: new Date().toISOString(), seed: ledgers.seed, dataFrom: DEMO_FROM, dataTo: DEMO_TO },
    });
  return accounts;
}

/** The cadre organisation (4 big groups, 16 small groups); the first small group gets the demo group leader. */
async function seedCadre(system: ServiceContext, villageCodes: string[]) {
  const township = await findUnit(system.db, { code: DEMO_TOWNSHIP_CODE });
  const groups = await seedDemoCadre({ ...system, townshipId: township!.id }, villageCodes);
  return groups[0] ?? null;
}
