import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { queryRows } from '../../db/connection.js';

let t: TestApp;
let town: Awaited<ReturnType<typeof buildTownship>>;
let admin: string;
let leader: string;
let cadre: string;

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

beforeAll(async () => {
  t = await buildTestApp();
  town = await buildTownship(t.system);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: town.townshipCode }]);
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: town.villageCodes[0] }]);
  admin = await t.login('root', TEST_PASSWORD);
  leader = await t.login('shuji', TEST_PASSWORD);
  cadre = await t.login('cun201', TEST_PASSWORD);
  await t.app.inject({
    method: 'POST',
    url: '/api/org-units',
    headers: { cookie: leader },
    payload: { parentCode: town.villageCodes[0], name: '一组', level: 'group' },
  });
  await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'shuji', password: 'wrong-one-1' } });
});
afterAll(() => t.close());

describe('audit log', () => {
  it('lists entries newest first with who, what, before/after and IP', async () => {
    const { items, total } = (await get('/api/audit?pageSize=5', admin)).json();
    expect(total).toBeGreaterThan(5);
    expect(items).toHaveLength(5);
    expect(items[0].id).toBeGreaterThan(items[1].id);
    const create = (await get('/api/audit?action=org.create', admin)).json().items[0];
    expect(create).toMatchObject({ username: 'shuji', entity: 'org_unit', entityId: `${town.villageCodes[0]}001`, ip: '127.0.0.1' });
    expect(create.after).toMatchObject({ name: '一组', level: 'group' });
  });

  it('filters by user, entity and date', async () => {
    const byUser = (await get('/api/audit?user=shuji', admin)).json().items;
    expect(byUser.length).toBeGreaterThan(0);
    expect(byUser.every((e: { username: string }) => e.username === 'shuji')).toBe(true);
    const failures = (await get('/api/audit?user=shuji&action=login.failed', admin)).json().items;
    expect(failures).toHaveLength(1);
    const byEntity = (await get('/api/audit?entity=user', admin)).json().items;
    expect(byEntity.every((e: { entity: string }) => e.entity === 'user')).toBe(true);
    expect((await get('/api/audit?from=2000-01-01&to=2000-12-31', admin)).json().total).toBe(0);
    expect((await get('/api/audit?from=2000-13-45', admin)).statusCode).toBe(400);
  });

  it("lets a township leader read his township's entries and refuses a village cadre", async () => {
    const items = (await get('/api/audit?pageSize=200', leader)).json().items;
    expect(items.some((e: { action: string }) => e.action === 'org.create')).toBe(true);
    // The division import by the system belongs to no township and stays hidden from him.
    expect(items.some((e: { action: string }) => e.action === 'org.import')).toBe(false);
    const refused = await get('/api/audit', cadre);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('您无权查看审计日志');
  });

  it('exports the filtered entries to a real Excel file', async () => {
    const res = await get('/api/audit/export?user=shuji', admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计日志')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '时间', '用户', '操作', '对象', '对象ID', 'IP', '修改前', '修改后']);
    const users = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) users.add(String(row.getCell(2).value));
    });
    expect([...users]).toEqual(['shuji']);
  });

  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    await expect(t.db.execute(sql`UPDATE audit_log SET username = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    const [row] = await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE username = 'x'`);
    expect(row.n).toBe(0);
  });

  it('writes no entry for a change that failed', async () => {
    const before = (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'org.create'`))[0].n;
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/org-units',
      headers: { cookie: leader },
      payload: { parentCode: town.villageCodes[0], name: '一组', level: 'group' },
    });
    expect(dup.statusCode).toBe(409);
    const after = (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'org.create'`))[0].n;
    expect(after).toBe(before);
  });
});
