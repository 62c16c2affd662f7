// The demo's supervision tasks (督办) of 2022 H1, generated from the seed without a database: each task is
// played through the flow (交办 → 签收 → 办理 → 申请办结 → 办结, with returns, pauses and delays) up to the demo's
// today, so its nodes, status and history agree and its light follows from them. Pure: the same seed and
// context give the same tasks.
import { addDays } from '../src/core/periods.js';
import { summariseNodes, taskLight, type TaskLight, type TaskSource, type TaskStatus } from '../src/core/supervision.js';
import { dayBetween, weighted } from './demo-ledger-context.js';
import type { Random } from './demo-people.js';
import type { DemoProject } from './demo-supervision-catalogue.js';

/** The demo township lives on this day: the end of the report's half year. */
export const DEMO_TODAY = '2022-06-30';
const T = DEMO_TODAY;
const LAST = addDays(T, -1); // the last day work could have been done before today

export interface Person {
  id: number | null;
  name: string;
}

export interface DemoUnit {
  id: number;
  code: string;
  name: string;
  path: string;
  /** The village's cadre (its demo account), or the office's responsible person. */
  handler: Person;
  /** The small group covering the village. */
  groupId: number | null;
}

export type Lead = { unit: DemoUnit } | { group: { id: number; name: string; leader: Person } };

export interface SupervisionContext {
  township: DemoUnit;
  villages: DemoUnit[];
  groups: { id: number; name: string; leader: Person; villageIds: number[] }[];
  /** Assigners: the secretary's and the mayor's demo accounts, then other leaders by name. */
  assigners: Person[];
  /** Township offices' people who handle tasks led by the township itself. */
  officers: Person[];
}

export interface PlayedNode {
  title: string;
  due: string;
  originalDue: string;
  doneOn: string | null;
  doneBy: number | null;
}

export interface PlayedEvent {
  kind: 'created' | 'transition' | 'update' | 'node_done' | 'delay_requested' | 'delay_decided' | 'split';
  on: string;
  transition?: string;
  fromStatus?: string;
  toStatus?: string;
  body?: string;
  node?: number;
  actor: Person;
}

export interface PlayedDelay {
  node: number;
  requestedDue: string;
  reason: string;
  state: 'pending' | 'approved' | 'refused';
  requestedOn: string;
  requestedBy: Person;
  decidedOn: string | null;
  decidedBy: Person | null;
  note: string | null;
}

export interface DemoTask {
  title: string;
  description: string;
  source: TaskSource;
  sourceRef: string | null;
  lead: Lead;
  support: Lead[];
  goalKey?: string;
  projectName?: string;
  responsibleName: string | null;
  assigner: Person;
  status: TaskStatus;
  paused: boolean;
  createdOn: string;
  doneOn: string | null;
  nodes: PlayedNode[];
  events: PlayedEvent[];
  delays: PlayedDelay[];
  /** 到各村: the villages' copies. */
  children: DemoTask[];
  light: TaskLight;
}

type Outcome =
  | 'unsigned'
  | 'signed'
  | 'progress'
  | 'overdue'
  | 'done'
  | 'done_late'
  | 'completion_requested'
  | 'returned'
  | 'paused'
  | 'delay_approved'
  | 'delay_pending'
  | 'delay_refused';

interface Plan {
  title: string;
  description?: string;
  source: TaskSource;
  sourceRef: string | null;
  createdOn: string;
  nodes: { title: string; due: string }[];
  goalKey?: string;
  projectName?: string;
  support?: Lead[];
  assigner: Person;
}

const handlerOf = (lead: Lead) => ('unit' in lead ? lead.unit.handler : lead.group.leader);
const min = (a: string, b: string) => (a < b ? a : b);
const max = (a: string, b: string) => (a > b ? a : b);

const PROGRESS_NOTES = [
  '已召开村组干部会议专题部署，明确责任到人。',
  '联村干部和村干部分片入户，正在逐户推进。',
  '已完成摸底，正在整理台账资料。',
  '本周推进顺利，存在问题已报联村领导协调。',
  '已上传现场照片和工作台账。',
  '群众有顾虑，正在做思想工作。',
];
const DELAY_REASONS = ['连续降雨无法施工', '涉及群众纠纷，需进一步协调', '等待上级部门审批', '疫情防控任务集中，人手不足'];

/**
 * Plays a task through the flow to DEMO_TODAY: the outcome decides how far it got; dates are drawn between
 * the task's creation and today, never after.
 */
function play(r: Random, plan: Plan, lead: Lead, outcome: Outcome): DemoTask {
  const handler = handlerOf(lead);
  const nodes: PlayedNode[] = plan.nodes.map((n) => ({ title: n.title, due: n.due, originalDue: n.due, doneOn: null, doneBy: null }));
  const events: PlayedEvent[] = [{ kind: 'created', on: plan.createdOn, toStatus: 'assigned', actor: plan.assigner }];
  const delays: PlayedDelay[] = [];
  let status = 'assigned' as TaskStatus; // moved by move(), which the compiler does not follow
  let paused = false;
  let doneOn: string | null = null;
  const move = (transition: string, to: TaskStatus, on: string, actor: Person, body?: string) => {
    events.push({ kind: 'transition', transition, fromStatus: status, toStatus: to, on, actor, body });
    status = to;
  };
  if (outcome !== 'unsigned') {
    let cursor = min(addDays(plan.createdOn, r.int(0, 2)), LAST);
    move('sign', 'signed', cursor, handler);
    if (outcome !== 'signed') {
      const pastNodes = nodes.filter((n) => n.due < T);
      const keepOpen = ['overdue', 'delay_approved', 'delay_pending', 'delay_refused'].includes(outcome) ? pastNodes.at(-1) : undefined;
      const finishing = ['done', 'done_late', 'completion_requested', 'returned'].includes(outcome);
      for (const [i, node] of nodes.entries()) {
        if (node === keepOpen) break;
        if (!finishing && node.due >= T && r.next() < 0.8) break;
        const late = (outcome === 'done_late' && i === nodes.length - 1) || (node.due < T && r.next() < 0.1);
        let on = late && node.due < LAST ? min(addDays(node.due, r.int(1, 12)), LAST) : dayBetween(r, cursor, max(cursor, min(node.due, LAST)));
        on = max(on, cursor);
        node.doneOn = on;
        node.doneBy = handler.id;
        const body = `${node.title}：已完成。${r.pick(PROGRESS_NOTES)}`;
        events.push({ kind: 'update', on, body, actor: handler });
        events.push({ kind: 'node_done', on, node: i, body: node.title, actor: handler });
        if (status === 'signed') status = 'in_progress'; // the first update starts the work
        cursor = on;
      }
      if (status === 'signed' && r.next() < 0.6 && cursor < LAST) {
        const on = dayBetween(r, addDays(cursor, 1), LAST);
        events.push({ kind: 'update', on, body: r.pick(PROGRESS_NOTES), actor: handler });
        status = 'in_progress';
        cursor = on;
      }
      if (keepOpen && outcome !== 'overdue') {
        const nodeIndex = nodes.indexOf(keepOpen);
        const requestedOn = max(cursor, addDays(keepOpen.due, -r.int(1, 4)));
        const requestedDue = addDays(T, r.int(10, 45));
        const reason = r.pick(DELAY_REASONS);
        events.push({
          kind: 'delay_requested',
          on: requestedOn,
          node: nodeIndex,
          body: `申请将“${keepOpen.title}”延期至${requestedDue}：${reason}`,
          actor: handler,
        });
        const decided = outcome === 'delay_pending' ? null : min(addDays(requestedOn, r.int(1, 3)), LAST);
        const approve = outcome === 'delay_approved';
        const note = approve ? '同意延期，请按新时限完成' : outcome === 'delay_refused' ? '不同意延期，请加快进度' : null;
        delays.push({
          node: nodeIndex,
          requestedDue,
          reason,
          state: decided === null ? 'pending' : approve ? 'approved' : 'refused',
          requestedOn,
          requestedBy: handler,
          decidedOn: decided,
          decidedBy: decided === null ? null : plan.assigner,
          note,
        });
        if (decided !== null) {
          events.push({
            kind: 'delay_decided',
            on: decided,
            node: nodeIndex,
            body: `${approve ? '同意' : '不同意'}延期至${requestedDue}：${note}`,
            actor: plan.assigner,
          });
          if (approve) keepOpen.due = requestedDue;
          cursor = decided;
        }
      }
      if (finishing && status !== 'assigned') {
        const requested = min(addDays(cursor, r.int(0, 1)), LAST);
        move('request_completion', 'completion_requested', requested, handler, '各节点任务已完成，申请办结。');
        if (outcome === 'returned') {
          move('return', 'in_progress', min(addDays(requested, 1), LAST), plan.assigner, '佐证材料不全，请补充现场照片后重新申请。');
        } else if (outcome !== 'completion_requested') {
          const finalDue = nodes.reduce((m, n) => max(m, n.due), nodes[0].due);
          let approved = min(addDays(requested, r.int(0, 2)), LAST);
          if (outcome === 'done' && requested <= finalDue) approved = min(approved, finalDue);
          move('approve_completion', 'done', approved, plan.assigner, '同意办结。');
          doneOn = approved;
        }
      }
    }
  }
  if (outcome === 'paused' && status !== 'done') {
    const last = events.reduce((m, e) => max(m, e.on), plan.createdOn);
    events.push({
      kind: 'transition',
      transition: 'pause',
      fromStatus: status,
      toStatus: status,
      on: min(addDays(last, r.int(1, 5)), LAST),
      actor: plan.assigner,
      body: '汛期暂停施工，汛后恢复。',
    });
    paused = true;
  }
  const summary = summariseNodes(nodes);
  const light = taskLight({ ...summary, status, paused, createdOn: plan.createdOn, doneOn }, T).light;
  return {
    title: plan.title,
    description: plan.description ?? '',
    source: plan.source,
    sourceRef: plan.sourceRef,
    lead,
    support: plan.support ?? [],
    goalKey: plan.goalKey,
    projectName: plan.projectName,
    responsibleName: handler.name,
    assigner: plan.assigner,
    status,
    paused,
    createdOn: plan.createdOn,
    doneOn,
    nodes,
    events,
    delays,
    children: [],
    light,
  };
}

/** 到各村: a township parent and a copy per village; the parent's nodes are done when every village's is. */
function split(r: Random, ctx: SupervisionContext, plan: Plan, outcomes: (village: DemoUnit, index: number) => Outcome): DemoTask {
  const children = ctx.villages.map((v, i) => play(r, plan, { unit: v }, outcomes(v, i)));
  const parent = play(r, plan, { unit: ctx.township }, 'unsigned');
  parent.responsibleName = null;
  parent.children = children;
  parent.events.push({ kind: 'split', on: plan.createdOn, body: `分派到${ctx.villages.map((v) => v.name).join('、')}`, actor: plan.assigner });
  parent.nodes.forEach((node, i) => {
    const dates = children.map((c) => c.nodes[i].doneOn);
    node.doneOn = dates.every((d) => d !== null) ? dates.reduce((m, d) => max(m!, d!), dates[0]) : null;
  });
  const allDone = children.every((c) => c.status === 'done');
  parent.status = allDone ? 'done' : children.some((c) => c.status !== 'assigned') ? 'in_progress' : 'assigned';
  parent.doneOn = allDone ? children.reduce((m, c) => max(m, c.doneOn!), children[0].doneOn!) : null;
  if (allDone) parent.events.push({ kind: 'update', on: parent.doneOn!, body: '各村均已办结。', actor: plan.assigner });
  const summary = summariseNodes(parent.nodes);
  parent.light = taskLight({ ...summary, status: parent.status, paused: false, createdOn: plan.createdOn, doneOn: parent.doneOn }, T).light;
  return parent;
}

const MIXED: (readonly [Outcome, number])[] = [
  ['done', 5],
  ['done_late', 1],
  ['progress', 4],
  ['overdue', 2],
  ['signed', 1],
  ['completion_requested', 1],
];

/** The tasks of 2022 H1: splits to every village, the goals' and projects' tasks, instructions and daily dispatch. */
export function generateDemoTasks(r: Random, ctx: SupervisionContext, projects: DemoProject[]): DemoTask[] {
  const [shuji, zhenzhang] = ctx.assigners;
  const village = (name: string) => ctx.villages.find((v) => v.name === name)!;
  const groupOf = (v: DemoUnit) => ctx.groups.find((g) => g.id === v.groupId)!;
  const office = (i: number): Lead => ({ unit: { ...ctx.township, handler: ctx.officers[i % ctx.officers.length] } });
  const tasks: DemoTask[] = [];

  // 到各村 ----------------------------------------------------------------------------------------------
  const splits: [Plan, (v: DemoUnit, i: number) => Outcome][] = [
    [
      {
        title: '村民小组撤并（合组）及网格员聘用',
        source: 'meeting',
        sourceRef: '“三个一”行动工作专班会（第2次）',
        createdOn: '2022-02-21',
        goalKey: 'innovation',
        nodes: [
          { title: '完成合组方案并经村民代表会议表决', due: '2022-04-30' },
          { title: '完成合组并以组为单位聘请网格员', due: '2022-06-30' },
          { title: '网格员培训上岗', due: '2022-09-30' },
        ],
        assigner: shuji,
      },
      (_v, i) =>
        i % 3 === 0
          ? 'progress'
          : weighted(r, [
              ['progress', 3],
              ['overdue', 2],
              ['delay_approved', 1],
            ] as const),
    ],
    [
      {
        title: '自建房安全隐患拉网式排查',
        description: '对全镇城乡居民自建房进行拉网式、地毯式、全覆盖排查，逐栋录入排查台账。',
        source: 'document',
        sourceRef: '汨政办发〔2022〕12号',
        createdOn: '2022-04-29',
        nodes: [
          { title: '完成逐栋排查', due: '2022-05-31' },
          { title: '排查数据录入台账并复核', due: '2022-06-20' },
        ],
        assigner: zhenzhang,
      },
      () =>
        weighted(r, [
          ['done', 9],
          ['done_late', 3],
          ['completion_requested', 2],
          ['overdue', 2],
          ['returned', 1],
        ] as const),
    ],
    [
      {
        title: '60岁以上人群疫苗接种攻坚',
        source: 'meeting',
        sourceRef: '全镇疫情防控工作调度会',
        createdOn: '2022-03-28',
        nodes: [
          { title: '完成60岁以上未接种人员摸底', due: '2022-04-15' },
          { title: '完成接种任务数', due: '2022-06-30' },
        ],
        assigner: shuji,
      },
      () =>
        weighted(r, [
          ['progress', 6],
          ['done', 3],
          ['overdue', 1],
        ] as const),
    ],
    [
      {
        title: '违规墓地整治',
        source: 'document',
        sourceRef: '汨办发〔2022〕7号',
        createdOn: '2022-03-14',
        nodes: [
          { title: '拆除活人墓并验收', due: '2022-04-30' },
          { title: '已葬墓迁移拆除', due: '2022-06-30' },
          { title: '整治区域复垦复绿', due: '2022-10-31' },
        ],
        assigner: zhenzhang,
      },
      () =>
        weighted(r, [
          ['progress', 5],
          ['overdue', 2],
          ['delay_pending', 1],
          ['paused', 1],
        ] as const),
    ],
    [
      {
        title: '森林防火巡查及野外用火管控',
        source: 'meeting',
        sourceRef: '森林防灭火工作会',
        createdOn: '2022-01-18',
        nodes: [{ title: '完成春季防火期巡查', due: '2022-04-30' }],
        assigner: zhenzhang,
      },
      () =>
        weighted(r, [
          ['done', 8],
          ['done_late', 2],
        ] as const),
    ],
    [
      {
        title: '防溺水宣传及危险水域警示排查',
        source: 'document',
        sourceRef: '汨政办发〔2022〕21号',
        createdOn: '2022-05-09',
        nodes: [
          { title: '危险水域警示牌排查补设', due: '2022-05-31' },
          { title: '暑期防溺水巡查', due: '2022-08-31' },
        ],
        assigner: zhenzhang,
      },
      () =>
        weighted(r, [
          ['progress', 6],
          ['overdue', 1],
          ['signed', 1],
        ] as const),
    ],
    [
      {
        title: '农村人居环境整治“夏季攻势”',
        source: 'meeting',
        sourceRef: '人居环境整治现场推进会',
        createdOn: '2022-06-06',
        nodes: [
          { title: '房前屋后小微黑臭水体整治', due: '2022-07-15' },
          { title: '违规垃圾点清理', due: '2022-08-31' },
        ],
        assigner: shuji,
      },
      () =>
        weighted(r, [
          ['progress', 4],
          ['signed', 3],
          ['unsigned', 2],
        ] as const),
    ],
    [
      {
        title: '防返贫动态监测集中排查',
        source: 'document',
        sourceRef: '汨乡振发〔2022〕5号',
        createdOn: '2022-06-22',
        nodes: [{ title: '完成“三大排查”入户核查', due: '2022-07-25' }],
        assigner: zhenzhang,
      },
      () =>
        weighted(r, [
          ['unsigned', 3],
          ['signed', 2],
        ] as const),
    ],
  ];
  for (const [plan, outcomes] of splits) tasks.push(split(r, ctx, plan, outcomes));

  // The goals' own tasks ------------------------------------------------------------------------------------
  const yuchi = village('玉池山村');
  const goalTasks: [Plan, Lead, Outcome][] = [
    [
      {
        title: '迎接玉池抽水蓄能电站三大专题现场评审',
        description: '全镇各组线、各村、各部门单位无条件服从市委市政府、能源指挥部的调配，全力保障现场评审工作。',
        source: 'instruction',
        sourceRef: '市能源指挥部调度会',
        createdOn: '2022-05-06',
        goalKey: 'focus',
        projectName: '玉池抽水蓄能电站服务保障',
        nodes: [
          { title: '完成评审资料及现场准备', due: '2022-05-20' },
          { title: '迎接三大专题现场评审', due: '2022-05-26' },
        ],
        support: [{ unit: yuchi }, { unit: village('玉池林场村') }],
        assigner: shuji,
      },
      office(0),
      'done',
    ],
    [
      {
        title: '平硐开挖材料运输及爆破影响协调',
        source: 'instruction',
        sourceRef: '李书记交办',
        createdOn: '2022-02-10',
        goalKey: 'focus',
        projectName: '玉池抽水蓄能电站服务保障',
        nodes: [
          { title: '运输道路通行及群众诉求协调', due: '2022-04-15' },
          { title: '爆破影响房屋鉴定及补偿', due: '2022-07-31' },
        ],
        assigner: shuji,
      },
      { group: groupOf(yuchi) },
      'progress',
    ],
    [
      {
        title: '玉池抽水蓄能电站征地拆迁前期摸底',
        source: 'meeting',
        sourceRef: '党委会（第9次）',
        createdOn: '2022-05-05',
        goalKey: 'focus',
        nodes: [
          { title: '完成库区房屋、林地摸底', due: '2022-06-20' },
          { title: '完成补偿方案初稿', due: '2022-08-31' },
        ],
        support: [{ unit: village('玉池林场村') }],
        assigner: shuji,
      },
      { unit: yuchi },
      'delay_pending',
    ],
    [
      {
        title: '绿色建材产业园用地调规报批',
        source: 'instruction',
        sourceRef: '王镇长交办',
        createdOn: '2022-03-01',
        goalKey: 'problem',
        projectName: '绿色建材产业园',
        nodes: [
          { title: '与发改协调取得调规指标', due: '2022-04-30' },
          { title: '完成调规方案报批', due: '2022-06-25' },
        ],
        assigner: zhenzhang,
      },
      office(1),
      'delay_approved',
    ],
    [
      {
        title: '绿色建材龙头企业招商洽谈',
        source: 'meeting',
        sourceRef: '“三个一”行动工作专班会（第3次）',
        createdOn: '2022-06-08',
        goalKey: 'problem',
        projectName: '绿色建材产业园',
        nodes: [{ title: '与建材领域大型企业形成初步意向', due: '2022-07-02' }],
        assigner: zhenzhang,
      },
      office(2),
      'signed',
    ],
    [
      {
        title: '麻石加工企业摸底建档',
        source: 'document',
        sourceRef: '汨政办发〔2022〕18号',
        createdOn: '2022-03-20',
        goalKey: 'problem',
        nodes: [
          { title: '完成企业摸底', due: '2022-07-10' },
          { title: '完成分类建档', due: '2022-07-20' },
          { title: '提出入园整合名单', due: '2022-07-31' },
        ],
        assigner: zhenzhang,
      },
      { unit: village('高家坊村') },
      'signed',
    ],
    [
      {
        title: '网格员聘用方案及培训',
        source: 'meeting',
        sourceRef: '“三个一”行动工作专班会（第4次）',
        createdOn: '2022-06-24',
        goalKey: 'innovation',
        nodes: [{ title: '出台网格员聘用管理办法', due: '2022-07-31' }],
        assigner: shuji,
      },
      office(3),
      'unsigned',
    ],
  ];
  for (const [plan, lead, outcome] of goalTasks) tasks.push(play(r, plan, lead, outcome));

  // The key projects' stage tasks --------------------------------------------------------------------------
  for (const project of projects) {
    const unit = project.village ? village(project.village) : ctx.township;
    const lead: Lead = project.village ? { unit } : office(projects.indexOf(project));
    const created = addDays('2022-03-25', r.int(0, 14));
    const q2 = addDays('2022-06-30', -r.int(0, 25));
    const outcome: Outcome =
      project.status === 'paused'
        ? 'paused'
        : project.status === 'completed'
          ? weighted(r, [
              ['done', 3],
              ['done_late', 1],
            ] as const)
          : weighted(r, [...MIXED, ['delay_approved', 1], ['delay_refused', 1]] as const);
    const group = unit.groupId !== null ? ctx.groups.find((g) => g.id === unit.groupId) : undefined;
    tasks.push(
      play(
        r,
        {
          title: `${project.name}：${project.stages[1]}`,
          source: 'meeting',
          sourceRef: '重点工程项目“龙虎榜”季度调度会',
          createdOn: created,
          goalKey: project.goal,
          projectName: project.name,
          nodes: [
            { title: project.stages[1], due: q2 },
            { title: project.stages[2], due: addDays('2022-09-30', -r.int(0, 20)) },
          ],
          support: group ? [{ group }] : [],
          assigner: r.next() < 0.5 ? shuji : zhenzhang,
        },
        lead,
        outcome,
      ),
    );
  }

  // Instructions and documents to single villages -----------------------------------------------------------
  const THEMES: [title: string, source: TaskSource, ref: string][] = [
    ['小火亡人暨一氧化碳中毒隐患排查', 'document', '汨安委办〔2022〕3号'],
    ['校园及周边安全隐患整改', 'meeting', '安全生产工作会议'],
    ['山塘水库汛期值守及隐患整治', 'meeting', '防汛抗旱工作部署会'],
    ['地灾点、风险区群众转移预案演练', 'document', '汨防指〔2022〕4号'],
    ['禁燃禁烧巡查', 'instruction', '王镇长交办'],
    ['控违拆违存量违建清理', 'document', '汨政办发〔2022〕26号'],
    ['低保、监测户入户核查', 'document', '汨民发〔2022〕9号'],
    ['城乡居民养老保险缴费动员', 'meeting', '民生保障工作推进会'],
    ['信访积案化解', 'instruction', '李书记交办'],
    ['油茶林抚育管护', 'meeting', '产业发展工作调度会'],
    ['秀美屋场农户动员', 'instruction', '李书记交办'],
    ['环保督察信访件整改', 'document', '汨环委办〔2022〕6号'],
  ];
  for (let i = 0; i < 36; i++) {
    const [title, source, ref] = THEMES[i % THEMES.length];
    const v = ctx.villages[(i * 7) % ctx.villages.length];
    const created = dayBetween(r, '2022-01-10', '2022-06-20');
    const first = addDays(created, r.int(10, 45));
    const nodes = [{ title: `完成${title}`, due: first }];
    if (r.next() < 0.5) nodes.push({ title: '整改销号并上传佐证', due: addDays(first, r.int(15, 40)) });
    const outcome = i % 9 === 4 ? 'unsigned' : i % 11 === 5 ? 'returned' : weighted(r, MIXED);
    tasks.push(
      play(
        r,
        { title: `${v.name}${title}`, source, sourceRef: ref, createdOn: created, nodes, assigner: ctx.assigners[i % ctx.assigners.length] },
        i % 5 === 3 ? { group: groupOf(v) } : { unit: v },
        outcome,
      ),
    );
  }

  // Crafted so every light shows: behind an even schedule (yellow), due within 3 days (blue), normal, unsigned.
  const crafted: [Plan, Lead, Outcome][] = [
    [
      {
        title: '“四亮创建”主题当日活动台账整理',
        source: 'instruction',
        sourceRef: '赵德明交办',
        createdOn: '2022-03-01',
        nodes: [
          { title: '整理一季度台账', due: '2022-07-05' },
          { title: '整理二季度台账', due: '2022-07-12' },
          { title: '汇总报党建办', due: '2022-07-20' },
        ],
        assigner: { id: null, name: '赵德明' },
      },
      { unit: village('玉池山村') },
      'signed',
    ],
    [
      {
        title: '教育基金捐款动员',
        source: 'meeting',
        sourceRef: '教育振兴工作推进会',
        createdOn: '2022-06-10',
        nodes: [{ title: '完成捐款动员及公示', due: '2022-07-01' }],
        assigner: shuji,
      },
      { unit: village('川山村') },
      'signed',
    ],
    [
      {
        title: '扶贫车间年度认定复核资料',
        source: 'document',
        sourceRef: '汨乡振发〔2022〕3号',
        createdOn: '2022-06-15',
        nodes: [{ title: '报送复核资料', due: '2022-08-15' }],
        assigner: zhenzhang,
      },
      { unit: village('白马城村') },
      'signed',
    ],
    [
      {
        title: '高山挂壁水库清淤砍青',
        source: 'instruction',
        sourceRef: '周立新交办',
        createdOn: '2022-03-05',
        projectName: '高山挂壁水库清淤砍青',
        nodes: [
          { title: '坝体砍青', due: '2022-05-15' },
          { title: '库区清淤', due: '2022-09-15' },
        ],
        assigner: { id: null, name: '周立新' },
      },
      { unit: village('万林村') },
      'paused',
    ],
  ];
  for (const [plan, lead, outcome] of crafted) tasks.push(play(r, plan, lead, outcome));

  // Daily dispatch (每日调度): "书记镇长每天亲自调度…安排部署次日任务".
  const DISPATCH = [
    '入户劝导60岁以上老人接种加强针',
    '排查返乡人员并落实健康管理',
    '场所码张贴及核验',
    '组织干职工全员核酸检测',
    '自建房排查数据录入',
    '汛期巡查山塘水库',
  ];
  for (let day = 1; day <= 29; day += 2) {
    const on = `2022-06-${String(day).padStart(2, '0')}`;
    const v = ctx.villages[(day * 5) % ctx.villages.length];
    const outcome: Outcome = day >= 29 ? 'signed' : day === 23 ? 'overdue' : day === 19 ? 'done_late' : 'done';
    tasks.push(
      play(
        r,
        {
          title: `次日任务：${v.name}${DISPATCH[day % DISPATCH.length]}`,
          source: 'dispatch',
          sourceRef: `每日调度（6月${day}日）`,
          createdOn: on,
          nodes: [{ title: DISPATCH[day % DISPATCH.length], due: addDays(on, 1) }],
          assigner: day % 4 === 1 ? shuji : zhenzhang,
        },
        { unit: v },
        outcome,
      ),
    );
  }
  return tasks;
}
