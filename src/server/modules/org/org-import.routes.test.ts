import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, multipartFile, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';

let t: TestApp;
let admin: string;
let leader: string;

const upload = (cookie: string, filename: string, content: Uint8Array | string) => {
  const { payload, headers } = multipartFile(filename, content);
  return t.app.inject({ method: 'POST', url: '/api/org-units/import', headers: { ...headers, cookie }, payload });
};
const unitCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM org_units`))[0].n;
const csv = (...rows: string[]) => ['code,name,level,parent_code', ...rows].join('\n');

beforeAll(async () => {
  t = await buildTestApp();
  const town = await buildTownship(t.system, ['燕塘村']);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: town.townshipCode }]);
  admin = await t.login('root', TEST_PASSWORD);
  leader = await t.login('shuji', TEST_PASSWORD);
});
afterAll(() => t.close());

describe('importing divisions from CSV', () => {
  it('imports new units under existing ones, parents before children, and skips identical rows', async () => {
    const res = await upload(
      admin,
      'towns.csv',
      csv('430681106201,新建村,village,430681106000', '430681106000,白塘镇,town,430681000000', '430681105201,燕塘村,village,430681105000'),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2, skipped: 1 });
    const village = (await t.app.inject({ method: 'GET', url: '/api/org-units/430681106201', headers: { cookie: admin } })).json();
    expect(village.ancestors.map((a: { name: string }) => a.name)).toEqual(['汨罗市', '白塘镇']);
  });

  it('refuses the whole file, listing every bad row, and imports nothing', async () => {
    const before = await unitCount();
    const res = await upload(
      admin,
      'bad.csv',
      csv(
        '430681107000,好镇,town,430681000000',
        '43068110700,短码村,village,430681107000',
        '430681107201,无父村,village,430681199000',
        '430681107202,甲村,village,430681107000',
        '430681107202,乙村,village,430681107000',
        '430681107203,,village,430681107000',
        '430681107204,错级村,hamlet,430681107000',
        '430681107205,坏\u0000村,village,430681107000',
        '430681107206,坏\uFFFF村,village,430681107000',
      ),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.detail).toContain('未导入任何数据');
    const byRow = Object.fromEntries(body.errors.map((e: { row: number; field: string; message: string }) => [e.row, `${e.field}: ${e.message}`]));
    expect(byRow).toEqual({
      3: 'code: 村(社区)代码应为12位数字',
      4: 'parent_code: 上级代码在文件和系统中都不存在',
      6: 'code: 代码重复（与第5行相同）',
      7: 'name: 名称不能为空',
      8: 'level: 级别应为 province、city、county、town 或 village',
      9: 'name: 名称含有不允许的字符（空字符、控制字符等）',
      10: 'name: 名称含有不允许的字符（空字符、控制字符等）',
    });
    expect(await unitCount()).toBe(before);
  });

  it('refuses a file that is not UTF-8 (GBK from Excel) with a hint', async () => {
    // "汨罗市" in GBK
    const gbk = Buffer.concat([
      Buffer.from('code,name,level,parent_code\n430681000000,'),
      Buffer.from([0xe3, 0xe8, 0xc2, 0xde, 0xca, 0xd0]),
      Buffer.from(',county,\n'),
    ]);
    const res = await upload(admin, 'gbk.csv', gbk);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toContain('UTF-8');
  });

  it('refuses a code that already exists with another name', async () => {
    const res = await upload(admin, 'clash.csv', csv('430681105201,别的村,village,430681105000'));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ row: 2, field: 'code' });
  });

  it('refuses files without the header, other file types, and non-administrators', async () => {
    expect((await upload(admin, 'nohead.csv', '430681105299,某村,village,430681105000')).statusCode).toBe(400);
    expect((await upload(admin, 'list.xlsx', 'PK..')).statusCode).toBe(400);
    const before = await unitCount();
    const byLeader = await upload(leader, 'towns.csv', csv('430681105299,某村,village,430681105000'));
    expect(byLeader.statusCode).toBe(403);
    expect(await unitCount()).toBe(before);
  });

  it('records one audit entry per import', async () => {
    const rows = await queryRows<{ username: string; after: { imported: number } }>(
      t.db,
      sql`
      SELECT username, after FROM audit_log WHERE action = 'org.import' AND entity_id = 'towns.csv'`,
    );
    expect(rows).toEqual([{ username: 'root', after: expect.objectContaining({ imported: 2, skipped: 1 }) }]);
  });
});
