// A file attached to a record is read by those who may read that unit's records; a cadre of another village
// could read any attachment by id before. A file cannot be attached to a second unit's record to gain access to
// it. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { buildTestApp, multipartFile, type TestApp } from '../../testing/test-app.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';

let t: TestApp;
let leader: string;
let viewer: string;
let yantang: string;
let chuanshan: string;
const [CHUANSHAN, YANTANG] = ['430681105201', '430681105202'];
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const HAZARDS = '/api/ledgers/hazards/records';

const upload = async (cookie: string) => {
  const file = multipartFile('现场.png', PNG);
  const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie, ...file.headers }, payload: file.payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const read = async (id: string, cookie: string) => (await t.call('GET', `/api/attachments/${id}`, cookie)).statusCode;

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: '430681105000' }]);
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: '430681105000' }]);
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }]);
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: CHUANSHAN }]);
  [leader, viewer, yantang, chuanshan] = await Promise.all(['shuji', 'chakan', 'cun202', 'cun201'].map((u) => t.login(u, TEST_PASSWORD)));
  await t.ok(
    'POST',
    '/api/ledgers',
    leader,
    {
      key: 'hazards',
      name: '隐患排查',
      kind: 'register',
      fields: [
        { key: 'place', label: '隐患地点', type: 'text', required: true },
        { key: 'photos', label: '现场照片', type: 'photos' },
      ],
    },
    201,
  );
});
afterAll(() => t.close());

describe('reading attachments', () => {
  it("serves a record's photo to readers of its village only", async () => {
    const photo = await upload(yantang);
    await t.ok('POST', HAZARDS, yantang, { orgUnit: YANTANG, values: { place: '村部', photos: [photo] } }, 201);
    expect(await read(photo, yantang)).toBe(200);
    expect(await read(photo, leader)).toBe(200);
    expect(await read(photo, viewer)).toBe(200);
    const refused = await t.call('GET', `/api/attachments/${photo}`, chuanshan);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toBe('您无权查看这个附件');
  });

  it('serves a file not yet attached to its uploader and township-wide readers, not to another village', async () => {
    const photo = await upload(chuanshan);
    expect(await read(photo, chuanshan)).toBe(200);
    expect(await read(photo, leader)).toBe(200);
    expect(await read(photo, yantang)).toBe(403);
  });

  it("refuses attaching another village's photo to a record, in the form and in a workflow step", async () => {
    const photo = await upload(yantang);
    await t.ok('POST', HAZARDS, yantang, { orgUnit: YANTANG, values: { place: '桥头', photos: [photo] } }, 201);
    const before = (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ledger_records`))[0].n;
    const res = await t.call('POST', HAZARDS, chuanshan, { orgUnit: CHUANSHAN, values: { place: '借用', photos: [photo] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'values.photos', message: '现场照片中有未上传成功的文件，请重新上传' }]);
    expect((await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ledger_records`))[0].n).toBe(before);
    expect(await read(photo, chuanshan)).toBe(403);
  });
});
