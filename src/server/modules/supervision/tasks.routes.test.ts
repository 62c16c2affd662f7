import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { buildTestApp, readSheet, type TestApp } from '../../testing/test-app.js';
import { chinaDate } from '../../../core/china-time.js';
import { summariseNodes, taskLight, TASK_STATUSES, type TaskStatus } from '../../../core/supervision.js';
import { createUnit } from '../org/index.js';
import * as repo from './tasks.repository.js';

let t: TestApp;
let leader: string;
let cadre: string;
let otherCadre: string;
let viewer: string;
let admin: string;
let lineLead: string;
const TOWN = '430681105000';
const [CHUANSHAN, YANTANG, QIAOPING] = ['430681105201', '430681105202', '430681105203'];

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
const call = (method: Method, url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const setToday = async (today: string | null) => {
  const res = await call('PUT', `/api/township-clock?township=${TOWN}`, admin, { today });
  expect(res.statusCode, res.body).toBe(200);
};
const taskCount = async () => (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM tasks`))[0].n;

const splitTask = {
  title: '人居环境整治“回头看”',
  source: 'meeting',
  sourceRef: '镇党委会议（第12次）',
  villages: [CHUANSHAN, YANTANG, QIAOPING],
  nodes: [
    { title: '完成排查', due: '2022-06-10' },
    { title: '完成整改', due: '2022-06-30' },
  ],
};

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system, ['川山村', '燕塘村', '桥坪村']);
  await createUnit(t.system, { parentCode: '430681000000', name: '白水镇', level: 'town', code: '430681106000' });
  await createUnit(t.system, { parentCode: '430681106000', name: '白水村', level: 'village', code: '430681106201' });
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }], '李书记');
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }], '燕塘村干部');
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: CHUANSHAN }], '川山村干部');
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  await buildUser(t.system, 'tiaoxian', [{ role: 'line_lead', orgUnitCode: YANTANG }]);
  [leader, cadre, otherCadre, viewer, admin, lineLead] = await Promise.all(
    ['shuji', 'cun202', 'cun201', 'chakan', 'root', 'tiaoxian'].map((u) => t.login(u, TEST_PASSWORD)),
  );
  await setToday('2022-06-01');
});
afterAll(() => t.close());

describe('a task handed to three villages and worked through', () => {
  let parentId: number;
  let yantangId: number;
  let chuanshanId: number;

  it('splits one task "到各村": the township keeps the parent, each village gets its copy with both nodes', async () => {
    const res = await call('POST', '/api/tasks', leader, splitTask);
    expect(res.statusCode, res.body).toBe(201);
    const { task, children } = res.json();
    expect(task).toMatchObject({
      title: splitTask.title,
      lead: { kind: 'org', code: TOWN },
      childrenTotal: 3,
      childrenDone: 0,
      assignerName: '李书记',
    });
    expect(children.map((c: { lead: { name: string } }) => c.lead.name)).toEqual(['川山村', '燕塘村', '桥坪村']);
    expect(children[0]).toMatchObject({ status: 'assigned', light: 'grey', nodesTotal: 2, nextDue: '2022-06-10', createdOn: '2022-06-01' });
    parentId = task.id;
    chuanshanId = children[0].id;
    yantangId = children[1].id;
    // Each of the four is audited, the villages' copies under their village (a 燕塘村 reader's audit scope).
    const audit = await queryRows<{ entityId: string; unitPath: string | null }>(
      t.db,
      sql`SELECT entity_id AS "entityId", unit_path AS "unitPath" FROM audit_log WHERE action = 'task.create' ORDER BY id`,
    );
    expect(audit.map((a) => Number(a.entityId))).toEqual([parentId, ...children.map((c: { id: number }) => c.id)]);
    expect(audit[0].unitPath).toBeNull();
    expect(audit.slice(1).every((a) => a.unitPath !== null)).toBe(true);
  });

  it('shows a village cadre his own village’s copy only: another village’s is refused by id and absent from lists', async () => {
    const listRes = await call('GET', '/api/tasks', cadre);
    expect(listRes.statusCode, listRes.body).toBe(200);
    const list = listRes.json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([yantangId]);
    expect(list.total).toBe(1);
    const other = await call('GET', `/api/tasks/${chuanshanId}`, cadre);
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toBe('您无权查看“川山村”的督办任务');
    expect((await call('GET', `/api/tasks/${parentId}`, cadre)).statusCode).toBe(403);
    expect((await call('GET', '/api/tasks/999999', cadre)).statusCode).toBe(404);
    // The 交办领导 filter offers who handed out what the reader sees, and filters by him.
    expect((await call('GET', '/api/tasks/assigners', cadre)).json().items).toEqual([{ id: expect.any(Number), name: '李书记', tasks: 1 }]);
    const [{ id: shujiId }] = (await call('GET', '/api/tasks/assigners', leader)).json().items;
    expect((await call('GET', `/api/tasks?assigner=${shujiId}`, leader)).json().total).toBe(4);
    // The leader sees all four; the viewer reads them too but may not move one.
    expect((await call('GET', '/api/tasks', leader)).json().total).toBe(4);
    expect((await call('GET', `/api/tasks?parent=${parentId}`, viewer)).json().total).toBe(3);
  });

  it('walks 签收 → update with a node done → 办结申请 → 办结, each by its party, and the parent counts it', async () => {
    let detail = (await call('GET', `/api/tasks/${yantangId}`, cadre)).json();
    expect(detail.transitions).toEqual(['sign']);
    let res = await call('POST', `/api/tasks/${yantangId}/transitions`, cadre, { transition: 'sign', version: detail.version });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json();
    expect(detail.status).toBe('signed');

    res = await call('POST', `/api/tasks/${yantangId}/updates`, cadre, { body: '已排查全村12个组', doneNodeIds: [detail.nodes[0].id] });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json();
    // The first update of a signed task starts it: nobody clicks 办理中 separately.
    expect(detail).toMatchObject({ status: 'in_progress', nodesDone: 1, nextDue: '2022-06-30' });
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'transition', 'update', 'node_done']);
    // The history is dated on the township's clock (fixed at 2022-06-01 here), like its deadlines.
    expect(detail.events.map((e: { at: string }) => chinaDate(e.at))).toEqual(['2022-06-01', '2022-06-01', '2022-06-01', '2022-06-01']);

    // A village cadre may not approve his own completion.
    res = await call('POST', `/api/tasks/${yantangId}/transitions`, cadre, { transition: 'request_completion', version: detail.version });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json();
    res = await call('POST', `/api/tasks/${yantangId}/transitions`, cadre, { transition: 'approve_completion', version: detail.version });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('只有交办人（或有交办权限的领导）可以同意办结');

    await setToday('2022-06-20');
    res = await call('POST', `/api/tasks/${yantangId}/transitions`, leader, {
      transition: 'approve_completion',
      version: detail.version,
      note: '同意',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', doneOn: '2022-06-20', light: 'green', late: false });
    expect((await call('GET', `/api/tasks/${parentId}`, leader)).json()).toMatchObject({ childrenTotal: 3, childrenDone: 1 });
  });

  it('lets one of two simultaneous moves win; the other gets 409 with the current state', async () => {
    const { version } = (await call('GET', `/api/tasks/${chuanshanId}`, otherCadre)).json();
    const [a, b] = await Promise.all([
      call('POST', `/api/tasks/${chuanshanId}/transitions`, otherCadre, { transition: 'sign', version }),
      call('POST', `/api/tasks/${chuanshanId}/transitions`, leader, { transition: 'pause', version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().detail).toMatch(/已被他人更新/);
    expect(loser.json().current).toMatchObject({ id: chuanshanId, version: version + 1 });
  });

  it('turns a village’s light red once the clock passes its open node, and filters by light', async () => {
    await setToday('2022-06-29');
    let qiaoping = (await call('GET', `/api/tasks?light=red&parent=${parentId}`, leader)).json();
    // 桥坪村 never did 完成排查 (due 06-10): red, late.
    expect(qiaoping.items.map((i: { lead: { name: string } }) => i.lead.name)).toContain('桥坪村');
    expect(qiaoping.items.every((i: { light: string; late: boolean }) => i.light === 'red' && i.late)).toBe(true);
    expect(qiaoping.today).toBe('2022-06-29');
    qiaoping = (await call('GET', `/api/tasks?light=green&parent=${parentId}`, leader)).json();
    expect(qiaoping.items.map((i: { id: number }) => i.id)).toEqual([yantangId]);
    expect(qiaoping.lights).toMatchObject({ green: 1 });
  });

  it('exports the list as a 督办台账 with the lights', async () => {
    const res = await call('GET', `/api/tasks/export?parent=${parentId}`, leader);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload, '督办台账');
    expect(rows[0]).toEqual(expect.arrayContaining(['任务名称', '牵头单位', '亮灯', '状态']));
    const yantang = rows.find((r) => r.includes('燕塘村'))!;
    expect(yantang).toEqual(expect.arrayContaining(['已办结', '已办结', '2022-06-20']));
  });
});

describe('delays', () => {
  it('asks for a delay, the assigner approves it, and the node runs yellow on its new deadline', async () => {
    await setToday('2022-06-01');
    const created = (
      await call('POST', '/api/tasks', leader, {
        title: '农房安全排查',
        source: 'document',
        sourceRef: '汨政办发〔2022〕8号',
        lead: YANTANG,
        nodes: [{ title: '上报排查表', due: '2022-06-05' }],
      })
    ).json();
    const id = created.task.id;
    let detail = (await call('GET', `/api/tasks/${id}`, cadre)).json();
    let res = await call('POST', `/api/tasks/${id}/delays`, cadre, {
      nodeId: detail.nodes[0].id,
      requestedDue: '2022-06-20',
      reason: '雨季，部分农户外出',
    });
    expect(res.statusCode, res.body).toBe(200);
    detail = res.json();
    expect(detail.delays[0]).toMatchObject({ state: 'pending', requestedDue: '2022-06-20', currentDue: '2022-06-05' });
    // A second request on the same node waits for the first.
    res = await call('POST', `/api/tasks/${id}/delays`, cadre, { nodeId: detail.nodes[0].id, requestedDue: '2022-06-25', reason: '再延' });
    expect(res.statusCode).toBe(409);
    // Only the assigner decides.
    res = await call('POST', `/api/tasks/${id}/delays/${detail.delays[0].id}/decision`, cadre, { approve: true });
    expect(res.statusCode).toBe(403);
    res = await call('POST', `/api/tasks/${id}/delays/${detail.delays[0].id}/decision`, leader, { approve: true, note: '同意延期' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().nodes[0]).toMatchObject({ due: '2022-06-20', originalDue: '2022-06-05' });
    await setToday('2022-06-08');
    expect((await call('GET', `/api/tasks/${id}`, leader)).json()).toMatchObject({ light: 'yellow', late: false });
  });

  it('refuses a delay on a finished task with 409 and changes nothing', async () => {
    await setToday('2022-06-01');
    const id = (
      await call('POST', '/api/tasks', leader, {
        title: '小任务',
        source: 'instruction',
        lead: YANTANG,
        nodes: [{ title: '完成', due: '2022-06-03' }],
      })
    ).json().task.id;
    for (const [who, transition] of [
      [cadre, 'sign'],
      [cadre, 'request_completion'],
      [leader, 'approve_completion'],
    ] as const) {
      const { version } = (await call('GET', `/api/tasks/${id}`, leader)).json();
      expect((await call('POST', `/api/tasks/${id}/transitions`, who, { transition, version })).statusCode).toBe(200);
    }
    const before = (await call('GET', `/api/tasks/${id}`, leader)).json();
    const res = await call('POST', `/api/tasks/${id}/delays`, cadre, { nodeId: before.nodes[0].id, requestedDue: '2022-06-20', reason: '晚了' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('任务已办结，不能申请延期');
    expect((await call('GET', `/api/tasks/${id}`, leader)).json()).toEqual(before);
  });
});

describe('bad input and refused roles change nothing', () => {
  it('refuses a node before the day the task is handed out, naming the node', async () => {
    await setToday('2022-06-15');
    const before = await taskCount();
    const res = await call('POST', '/api/tasks', leader, {
      title: '补报材料',
      source: 'meeting',
      lead: YANTANG,
      nodes: [{ title: '上报', due: '2022-06-14' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'nodes.0.due', message: '第1个节点的时限2022-06-14早于交办日期2022-06-15' }]);
    expect(await taskCount()).toBe(before);
  });

  it('refuses a lead unit outside the assigner’s scope (403) or outside the township (400), and the viewer (403)', async () => {
    const before = await taskCount();
    const body = { title: '道路清扫', source: 'instruction', nodes: [{ title: '完成', due: '2022-07-01' }] };
    let res = await call('POST', '/api/tasks', lineLead, { ...body, lead: CHUANSHAN });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('您无权向“川山村”交办任务');
    res = await call('POST', '/api/tasks', leader, { ...body, lead: '430681106201' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'lead', message: '单位 430681106201 不是本镇的单位' });
    res = await call('POST', '/api/tasks', viewer, { ...body, lead: YANTANG });
    expect(res.statusCode).toBe(403);
    res = await call('POST', '/api/tasks', cadre, { ...body, lead: YANTANG });
    expect(res.statusCode).toBe(403);
    res = await call('POST', '/api/tasks', leader, { ...body, lead: YANTANG, villages: [CHUANSHAN] });
    expect(res.statusCode).toBe(400);
    res = await call('POST', '/api/tasks', leader, { ...body, lead: YANTANG, nodes: [] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).toBe('至少要有一个时限节点');
    expect(await taskCount()).toBe(before);
    // The responsible account must work in the lead unit: 川山村's cadre cannot answer for 燕塘村.
    const [{ id: chuanshanCadre }] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM users WHERE username = 'cun201'`);
    res = await call('POST', '/api/tasks', leader, { ...body, lead: YANTANG, responsibleUserId: chuanshanCadre });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({ field: 'responsibleUserId', message: `责任人账号 ${chuanshanCadre} 不在“燕塘村”工作，不能作为责任人` });
    expect(await taskCount()).toBe(before);
    res = await call('POST', '/api/tasks', leader, { ...body, lead: CHUANSHAN, responsibleUserId: chuanshanCadre });
    expect(res.statusCode, res.body).toBe(201);
    // The line lead may hand work to his own village.
    res = await call('POST', '/api/tasks', lineLead, { ...body, lead: YANTANG });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses an unknown transition, a stale version and bad filters with 400', async () => {
    expect((await call('POST', '/api/tasks/1/transitions', leader, { transition: 'finish_now', version: 1 })).statusCode).toBe(400);
    expect((await call('GET', '/api/tasks?light=purple', leader)).json().errors[0].message).toBe('灯色“purple”不正确');
    expect((await call('GET', '/api/tasks?dueFrom=2022-07-01&dueTo=2022-06-01', leader)).statusCode).toBe(400);
  });

  it('lets only an administrator fix the township’s date', async () => {
    const res = await call('PUT', '/api/township-clock', leader, { today: '2022-01-01' });
    expect(res.statusCode).toBe(403);
    expect((await call('GET', '/api/township-clock', cadre)).json()).toEqual({ today: '2022-06-15', fixed: true });
  });
});

describe('lights in SQL and in core agree', () => {
  it('gives every task of a generated set the light core/supervision.ts gives it, on several days', async () => {
    const [{ id: townshipId }] = await queryRows<{ id: number }>(t.db, sql`SELECT id FROM org_units WHERE code = ${TOWN}`);
    const [{ path }] = await queryRows<{ path: string }>(t.db, sql`SELECT path FROM org_units WHERE code = ${YANTANG}`);
    const days = ['2022-03-01', '2022-03-10', '2022-03-14', '2022-03-20', '2022-04-01'];
    const created: { id: number; status: TaskStatus; paused: boolean; nodes: { due: string; originalDue: string; doneOn: string | null }[] }[] = [];
    let n = 0;
    for (const status of TASK_STATUSES) {
      for (const paused of [false, true]) {
        for (const nodeSet of [
          [],
          [{ due: '2022-03-12', originalDue: '2022-03-12', doneOn: null }],
          [{ due: '2022-03-25', originalDue: '2022-03-08', doneOn: null }],
          [
            { due: '2022-03-05', originalDue: '2022-03-05', doneOn: '2022-03-04' },
            { due: '2022-03-30', originalDue: '2022-03-30', doneOn: null },
            { due: '2022-03-31', originalDue: '2022-03-31', doneOn: null },
          ],
          [{ due: '2022-03-10', originalDue: '2022-03-10', doneOn: '2022-03-11' }],
        ]) {
          const id = await repo.insertTask(t.db, {
            townshipId,
            title: `生成任务${++n}`,
            source: 'other',
            unitPath: path,
            assignerName: '测试',
            status,
            paused,
            createdOn: '2022-03-01',
            doneOn: status === 'done' ? '2022-03-11' : null,
          });
          for (const node of nodeSet) {
            await t.db.execute(sql`INSERT INTO task_nodes (task_id, township_id, title, due, original_due, done_on)
              VALUES (${id}, ${townshipId}, '节点', ${node.due}, ${node.originalDue}, ${node.doneOn})`);
          }
          await repo.refreshNodeSummary(t.db, id);
          created.push({ id, status, paused, nodes: nodeSet });
        }
      }
    }
    const visibility = { scopePaths: ['/'], userId: 0, groupIds: [] };
    for (const today of days) {
      const { items } = await repo.listTasks(t.db, { townshipId, visibility, q: '生成任务' }, today, 1, 500);
      expect(items).toHaveLength(created.length);
      for (const task of created) {
        const row = items.find((i) => i.id === task.id)!;
        const expected = taskLight(
          {
            status: task.status,
            paused: task.paused,
            createdOn: '2022-03-01',
            doneOn: task.status === 'done' ? '2022-03-11' : null,
            ...summariseNodes(task.nodes),
          },
          today,
        );
        expect({ id: task.id, today, light: row.light, late: row.late }).toEqual({ id: task.id, today, ...expected });
      }
    }
  });
});
