// The demo's supervision tasks (督办) of 2022 H1: splits to every village, the goals' and projects' tasks,
// instructions, documents and the daily dispatch, each played through the flow (demo-supervision-flow.ts) to the
// demo's today. Pure: the same seed and context give the same tasks.
import { addDays } from '../src/core/periods.js';
import type { TaskSource } from '../src/core/supervision.js';
import { dayBetween, weighted } from './demo-ledger-context.js';
import type { Random } from './demo-people.js';
import type { DemoProject } from './demo-supervision-catalogue.js';
import { play, split, type DemoTask, type DemoUnit, type Lead, type Outcome, type Plan, type SupervisionContext } from './demo-supervision-flow.js';

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
