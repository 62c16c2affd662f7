import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { createUnit } from '../org/index.js';

let t: TestApp;
let leader: string;
let cadre: string;
let viewer: string;
let otherLeader: string;
let admin: string;
const TOWN = '430681105000';
const [CHUANSHAN, YANTANG, QIAOPING] = ['430681105201', '430681105202', '430681105203'];

type Method = 'GET' | 'POST' | 'PUT';
const call = (method: Method, url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
async function ok(method: Method, url: string, cookie: string, payload?: object) {
  const res = await call(method, url, cookie, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}
const setToday = (today: string) => ok('PUT', `/api/township-clock?township=${TOWN}`, admin, { today });
const task = (lead: string, due: string) => ({ title: `任务（${lead}，${due}）`, source: 'meeting', lead, nodes: [{ title: '完成并上报', due }] });

/** Takes a task through to 办结 as the township leader (assigner and, within the township, handler). */
async function finish(id: number) {
  let detail = await ok('GET', `/api/tasks/${id}`, leader);
  for (const transition of ['sign', 'request_completion', 'approve_completion']) {
    detail = await ok('POST', `/api/tasks/${id}/transitions`, leader, { transition, version: detail.version });
  }
  expect(detail.status).toBe('done');
}

let groupA: number;
let groupB: number;
let groupC: number;

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system, ['川山村', '燕塘村', '桥坪村']);
  await createUnit(t.system, { parentCode: '430681000000', name: '白水镇', level: 'town', code: '430681106000' });
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }], '李书记');
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }]);
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'baishui', [{ role: 'leader', orgUnitCode: '430681106000' }]);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  [leader, cadre, viewer, otherLeader, admin] = await Promise.all(
    ['shuji', 'cun202', 'chakan', 'baishui', 'root'].map((u) => t.login(u, TEST_PASSWORD)),
  );

  // One big group over three small ones: 第一小组 covers 燕塘村 and 川山村, 第二小组 桥坪村, 第三小组 none.
  const big = await ok('POST', '/api/cadre-groups', leader, { name: '第一大组', kind: 'big' });
  groupA = (await ok('POST', '/api/cadre-groups', leader, { name: '第一小组', kind: 'small', parentId: big.id })).id;
  groupB = (await ok('POST', '/api/cadre-groups', leader, { name: '第二小组', kind: 'small', parentId: big.id })).id;
  groupC = (await ok('POST', '/api/cadre-groups', leader, { name: '第三小组', kind: 'small', parentId: big.id })).id;
  await ok('PUT', `/api/cadre-groups/${groupA}/villages`, leader, { villageCodes: [YANTANG, CHUANSHAN] });
  await ok('PUT', `/api/cadre-groups/${groupB}/villages`, leader, { villageCodes: [QIAOPING] });

  await setToday('2022-06-01');
  // 到各村: the township's parent is left out, each village's copy counts for its group.
  const split = await ok('POST', '/api/tasks', leader, {
    title: '人居环境整治“回头看”',
    source: 'meeting',
    villages: [CHUANSHAN, YANTANG, QIAOPING],
    nodes: [{ title: '完成整改', due: '2022-06-10' }],
  });
  const copy = (code: string) => split.children.find((c: { lead: { code: string } }) => c.lead.code === code).id as number;
  await ok('POST', '/api/tasks', leader, task(`cg${groupA}`, '2022-06-05'));
  await ok('POST', '/api/tasks', leader, task(QIAOPING, '2022-06-20'));
  // A paused task past its deadline shows grey, not red: it is not counted overdue.
  const paused = (await ok('POST', '/api/tasks', leader, task(CHUANSHAN, '2022-06-05'))).task;
  await ok('POST', `/api/tasks/${paused.id}/transitions`, leader, { transition: 'pause', version: paused.version });
  // The township's own task belongs to no group.
  await ok('POST', '/api/tasks', leader, task(TOWN, '2022-06-05'));

  await finish(copy(YANTANG)); // on time, on 2022-06-01
  await setToday('2022-06-15');
  await finish(copy(QIAOPING)); // late: done on 2022-06-15, due 2022-06-10
});
afterAll(() => t.close());

describe('GET /api/tasks/group-board', () => {
  it('counts each small group’s tasks and its villages’, and ranks the groups by their on-time rate', async () => {
    const board = await ok('GET', '/api/tasks/group-board', leader);
    expect(board.today).toBe('2022-06-15');
    expect(board.rows).toEqual([
      // 燕塘村 on time; 川山村's copy and the group's own task overdue; 川山村's paused task open.
      { groupId: groupA, name: '第一小组', tasks: 4, done: 1, onTime: 1, overdue: 2, onTimeRate: 33.3, rank: 1, board: 'top' },
      // 桥坪村 done late; its other task not yet due.
      { groupId: groupB, name: '第二小组', tasks: 2, done: 1, onTime: 0, overdue: 0, onTimeRate: 0, rank: 2, board: 'top' },
      { groupId: groupC, name: '第三小组', tasks: 0, done: 0, onTime: 0, overdue: 0, onTimeRate: null, rank: null, board: null },
    ]);
  });

  it('is published to the whole township: a village cadre and a viewer read the same board', async () => {
    const full = await ok('GET', '/api/tasks/group-board', leader);
    expect(await ok('GET', '/api/tasks/group-board', cadre)).toEqual(full);
    expect(await ok('GET', '/api/tasks/group-board', viewer)).toEqual(full);
  });

  it('refuses another township’s leader, and the administrator, who reads no tasks', async () => {
    expect((await call('GET', `/api/tasks/group-board?township=${TOWN}`, otherLeader)).statusCode).toBe(403);
    expect((await call('GET', `/api/tasks/group-board?township=${TOWN}`, admin)).statusCode).toBe(403);
  });
});
