import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/connection.js';
import { buildTownship, buildUser, TEST_PASSWORD } from '../../testing/builders.js';
import { buildTestApp, readSheet, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let leader: string;
let cadre: string;
let otherCadre: string;
let viewer: string;
let admin: string;
const TOWN = '430681105000';
const [CHUANSHAN, YANTANG] = ['430681105201', '430681105202'];

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT';
const call = (method: Method, url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const count = async (table: 'projects' | 'project_stages' | 'goals') =>
  (await queryRows<{ n: number }>(t.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0].n;

const hydrogen = {
  name: '燕塘村氢-农业项目',
  category: 'agriculture',
  location: YANTANG,
  leaderName: '张副镇长',
  plannedInvestment: 5000,
  completedInvestment: 1200.5,
  startDate: '2022-01-01',
  endDate: '2023-12-31',
  status: 'building',
  stages: [
    { year: 2022, quarter: 1, title: '完成项目选址和土地流转', due: '2022-03-31', doneOn: '2022-03-25' },
    { year: 2022, quarter: 2, title: '完成大棚主体建设', due: '2022-06-15' },
    { year: 2022, quarter: 3, title: '设备安装调试', due: '2022-09-30' },
  ],
};

beforeAll(async () => {
  t = await buildTestApp();
  await buildTownship(t.system, ['川山村', '燕塘村']);
  await buildUser(t.system, 'shuji', [{ role: 'leader', orgUnitCode: TOWN }], '李书记');
  await buildUser(t.system, 'cun202', [{ role: 'village_cadre', orgUnitCode: YANTANG }], '燕塘村干部');
  await buildUser(t.system, 'cun201', [{ role: 'village_cadre', orgUnitCode: CHUANSHAN }]);
  await buildUser(t.system, 'chakan', [{ role: 'viewer', orgUnitCode: TOWN }]);
  await buildUser(t.system, 'root', [{ role: 'admin' }]);
  [leader, cadre, otherCadre, viewer, admin] = await Promise.all(
    ['shuji', 'cun202', 'cun201', 'chakan', 'root'].map((u) => t.login(u, TEST_PASSWORD)),
  );
  expect((await call('PUT', `/api/township-clock?township=${TOWN}`, admin, { today: '2022-06-30' })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('key projects', () => {
  let id: number;

  it('creates a project with its quarterly stages and shows their states as of the township’s today', async () => {
    const res = await call('POST', '/api/projects', leader, hydrogen);
    expect(res.statusCode, res.body).toBe(201);
    const project = res.json();
    id = project.id;
    expect(project).toMatchObject({
      location: { code: YANTANG, name: '燕塘村' },
      plannedInvestment: 5000,
      completedInvestment: 1200.5,
      investmentRate: 24,
      stagesDue: 2,
      stagesOnTime: 1,
      stagesOverdue: 1,
      onTimeRate: 50,
      mayEdit: true,
    });
    expect(project.stages.map((s: { state: string }) => s.state)).toEqual(['done', 'overdue', 'open']);
  });

  it('takes a progress line from the project’s village, with the investment and a stage done; other villages are refused', async () => {
    let res = await call('POST', `/api/projects/${id}/updates`, cadre, { body: '大棚主体完工', completedInvestment: 2100, doneStageIds: [] });
    expect(res.statusCode, res.body).toBe(200);
    const stageId = res.json().stages[1].id;
    res = await call('POST', `/api/projects/${id}/updates`, cadre, { body: '二季度任务完成', doneStageIds: [stageId] });
    expect(res.json()).toMatchObject({ completedInvestment: 2100 });
    expect(res.json().stages[1]).toMatchObject({ doneOn: '2022-06-30', state: 'done_late', evidence: '二季度任务完成' });
    expect(res.json().updates.map((u: { body: string }) => u.body)).toEqual(['二季度任务完成', '大棚主体完工']);
    res = await call('POST', `/api/projects/${id}/updates`, otherCadre, { body: '越权填报' });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('您无权填报“燕塘村”的项目进展');
    expect((await call('GET', `/api/projects/${id}`, otherCadre)).json().mayReport).toBe(false);
  });

  it('refuses investment above plan without a note, a stage outside the span, and a stale version; nothing changes', async () => {
    const before = (await call('GET', `/api/projects/${id}`, leader)).json();
    const stages = await count('project_stages');
    let res = await call('PATCH', `/api/projects/${id}`, leader, { version: before.version, completedInvestment: 6000 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toEqual({
      field: 'completedInvestment',
      message: '已完成投资6000万元超过计划总投资5000万元，请在“投资说明”中写明原因',
    });
    res = await call('PATCH', `/api/projects/${id}`, leader, {
      version: before.version,
      stages: [{ year: 2024, quarter: 1, title: '后续', due: '2024-03-31' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'stages.0.quarter' });
    res = await call('PATCH', `/api/projects/${id}`, leader, { version: before.version - 1, status: 'paused' });
    expect(res.statusCode).toBe(409);
    expect((await call('GET', `/api/projects/${id}`, leader)).json()).toEqual(before);
    expect(await count('project_stages')).toBe(stages);
    // With a note the overspend is accepted.
    res = await call('PATCH', `/api/projects/${id}`, leader, {
      version: before.version,
      completedInvestment: 6000,
      investmentNote: '追加了配套设施',
    });
    expect(res.statusCode, res.body).toBe(200);
    // A PATCH changes only what it names: the stages and the status stay.
    expect(res.json()).toMatchObject({ investmentRate: 120, version: before.version + 1, status: 'building', stages: before.stages });
  });

  it('refuses project writes to village cadres and viewers, and a duplicate name', async () => {
    const before = await count('projects');
    expect((await call('POST', '/api/projects', cadre, { ...hydrogen, name: '新项目' })).statusCode).toBe(403);
    expect((await call('POST', '/api/projects', viewer, { ...hydrogen, name: '新项目' })).statusCode).toBe(403);
    expect((await call('POST', '/api/projects', leader, hydrogen)).statusCode).toBe(409);
    expect(await count('projects')).toBe(before);
  });

  it('ranks projects on the board and exports the annex table, read back', async () => {
    const second = await call('POST', '/api/projects', leader, {
      ...hydrogen,
      name: '川山村秀美屋场',
      location: CHUANSHAN,
      plannedInvestment: 300,
      completedInvestment: 150,
      stages: [{ year: 2022, quarter: 2, title: '完成立面改造', due: '2022-05-31', doneOn: '2022-05-20' }],
    });
    expect(second.statusCode, second.body).toBe(201);
    // The quarter timeline asks for its page's projects with their stages, in one request.
    const page = (await call('GET', `/api/projects?ids=${second.json().id}&stages=true`, viewer)).json();
    expect(page.items.map((p: { name: string; stages: { title: string; state: string }[] }) => [p.name, p.stages])).toEqual([
      ['川山村秀美屋场', [expect.objectContaining({ title: '完成立面改造', state: 'done' })]],
    ]);
    expect((await call('GET', '/api/projects', viewer)).json().items[0].stages).toBeUndefined();
    expect((await call('GET', '/api/projects?ids=1;DROP', viewer)).statusCode).toBe(400);
    const board = (await call('GET', '/api/projects/board', cadre)).json();
    const onTime = board.rankings.find((r: { key: string }) => r.key === 'on_time');
    expect(
      onTime.rows.map((r: { name: string; rank: number }) => [r.name, r.rank]),
      JSON.stringify(onTime),
    ).toEqual([
      ['川山村秀美屋场', 1],
      ['燕塘村氢-农业项目', 2],
    ]);
    const res = await call('GET', '/api/projects/export?year=2022', viewer);
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload, '2022年重点项目');
    expect(rows[0]).toEqual([
      '序号',
      '项目名称',
      '类别',
      '责任领导',
      '组线',
      '所在村',
      '计划总投资（万元）',
      '已完成投资（万元）',
      '第一季度',
      '第二季度',
      '第三季度',
      '第四季度',
      '状态',
    ]);
    const row = rows.find((r) => r[1] === '燕塘村氢-农业项目')!;
    expect(row[8]).toBe('完成项目选址和土地流转（03月31日前，已完成）');
    expect(row[5]).toBe('燕塘村');
  });
});

describe('goals', () => {
  it('creates a goal with the group-merge campaign as its progress, lists its projects and tasks, and refuses non-leaders', async () => {
    const before = await count('goals');
    expect((await call('POST', '/api/goals', viewer, { year: 2022, title: 'x', kind: 'focus', ownerName: '李书记' })).statusCode).toBe(403);
    const bad = await call('POST', '/api/goals', leader, {
      year: 2022,
      title: '重点突破',
      kind: 'focus',
      ownerName: '李书记',
      indicatorKeys: ['no_such_indicator'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'indicatorKeys' });
    expect(await count('goals')).toBe(before);

    const res = await call('POST', '/api/goals', leader, {
      year: 2022,
      title: '村民小组合并改革',
      kind: 'innovation',
      ownerName: '李书记',
      targetText: '以组为单位聘请网格员',
      campaign: 'group_merge',
    });
    expect(res.statusCode, res.body).toBe(201);
    const goal = res.json();
    expect(goal).toMatchObject({ kind: 'innovation', campaign: 'group_merge', taskCount: 0, projectCount: 0 });
    expect(goal.campaignProgress).toMatchObject({ label: '村民小组合并（合组）' });

    const task = await call('POST', '/api/tasks', leader, {
      title: '合组摸底',
      source: 'meeting',
      lead: YANTANG,
      goalId: goal.id,
      nodes: [{ title: '摸底', due: '2022-07-10' }],
    });
    expect(task.statusCode, task.body).toBe(201);
    const listRes = await call('GET', '/api/goals?year=2022', cadre);
    expect(listRes.statusCode, listRes.body).toBe(200);
    const list = listRes.json();
    expect(list.items.find((g: { id: number }) => g.id === goal.id)).toMatchObject({ taskCount: 1, tasksDone: 0 });
    const patched = await call('PATCH', `/api/goals/${goal.id}`, leader, { targetText: '全镇合组到位' });
    expect(patched.json().targetText).toBe('全镇合组到位');
    // The list exports as the cards read.
    const exported = await call('GET', '/api/goals/export?year=2022', cadre);
    expect(exported.statusCode).toBe(200);
    const rows = await readSheet(exported.rawPayload, '重点工作');
    expect(rows[0]).toEqual(['年度', '类别', '重点工作', '责任领导', '目标', '进度', '督办任务（办结/总数）', '红灯', '重点项目']);
    expect(rows.find((r) => r[2] === '村民小组合并改革')).toEqual(expect.arrayContaining(['创新亮点', '李书记', '全镇合组到位', '0/1']));
  });
});
