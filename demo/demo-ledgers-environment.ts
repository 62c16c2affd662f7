// Demo records of the environment, party and education ledgers: garbage and sewage facilities, environment
// problems, hamlets, toilets, dilapidated houses, illegal buildings, tombs, party activities, donations,
// teachers and student aid.
import { chance, dayBetween, decimalBetween, DEMO_TO, groupOf, weighted, type DemoContext, type DemoRecord } from './demo-ledger-context.js';

type Generators = Record<string, (ctx: DemoContext) => DemoRecord[]>;
const SCHOOLS = ['川山坪镇中学', '青江学校', '玉池中学', '万家小学', '川山坪镇中心小学', '三姊小学', '燕塘小学'];

/** `count` records per village-ish, each built by `make` on a day between `from` and `to`. */
function spread(
  ctx: DemoContext,
  key: string,
  from: string,
  to: string,
  count: number,
  make: (day: string, i: number) => Omit<DemoRecord, 'on'>,
): DemoRecord[] {
  const r = ctx.random(`${key}:${from}`);
  return Array.from({ length: count }, (_, i) => {
    const day = dayBetween(r, from, to);
    return { ...make(day, i), on: day };
  });
}

export const ENVIRONMENT_GENERATORS: Generators = {
  garbage_facilities(ctx) {
    const r = ctx.random('garbage_facilities');
    const yantang = ctx.village('燕塘村');
    const records: DemoRecord[] = [
      {
        unitId: yantang.id,
        on: '2022-04-28',
        values: { name: '燕塘村垃圾中转站', type: '垃圾中转站', built_on: '2022-04-28', households_served: 2600, state: '正常运行' },
      },
      {
        unitId: ctx.village('川山村').id,
        on: '2019-09-30',
        values: { name: '川山坪集镇垃圾中转站', type: '垃圾中转站', built_on: '2019-09-30', households_served: 3800, state: '正常运行' },
      },
    ];
    for (const v of ctx.villages) {
      for (let i = r.int(12, 20); i > 0; i--) {
        const built = chance(r, 0.6) ? dayBetween(r, '2018-03-01', '2021-12-30') : dayBetween(r, '2022-01-10', '2022-06-25');
        const group = groupOf(r, v);
        records.push({
          unitId: group.id,
          on: built,
          values: {
            name: `${v.name}${group.name}垃圾投放点${i}`,
            type: chance(r, 0.9) ? '垃圾投放点' : '垃圾收集亭',
            built_on: built,
            households_served: r.int(15, 60),
            state: weighted(r, [
              ['正常运行', 20],
              ['待维修', 1],
            ] as const),
          },
        });
      }
    }
    return records;
  },

  env_problems(ctx) {
    const r = ctx.random('env_problems');
    return Array.from({ length: 420 }, (): DemoRecord => {
      const v = r.pick(ctx.villages);
      const found = dayBetween(r, '2021-01-06', '2022-06-28');
      const old = Date.parse(DEMO_TO) - Date.parse(found) > 60 * 86_400_000;
      const status = old
        ? weighted(r, [
            ['closed', 95],
            ['rectified', 5],
          ] as const)
        : weighted(r, [
            ['pending', 2],
            ['rectifying', 2],
            ['rectified', 2],
            ['closed', 3],
          ] as const);
      return {
        unitId: groupOf(r, v).id,
        on: found,
        status,
        values: {
          type: weighted(r, [
            ['违规垃圾点', 6],
            ['小微黑臭水体', 2],
            ['乱堆乱放', 4],
            ['乱排乱放', 2],
            ['畜禽养殖污染', 1],
            ['其他', 1],
          ] as const),
          place: `${v.name}${r.pick(['路边', '塘边', '屋后', '河沟', '桥头'])}`,
          found_on: found,
          ...(status === 'rectified' || status === 'closed' ? { fixed_on: dayBetween(r, found, DEMO_TO) } : {}),
        },
      };
    });
  },

  sewage_facilities(ctx) {
    return [
      {
        unitId: ctx.village('高家坊村').id,
        on: '2021-09-01',
        values: {
          name: '高家坊污水处理厂',
          stage: '建成',
          started_on: '2021-09-01',
          completed_on: '2022-05-20',
          pipe_length: 8.6,
          capacity: 500,
          people_served: 6200,
        },
      },
      {
        unitId: ctx.village('三姊村').id,
        on: '2021-11-10',
        values: {
          name: '三姊污水处理一期工程',
          stage: '建成',
          started_on: '2021-11-10',
          completed_on: '2022-06-18',
          pipe_length: 4.3,
          capacity: 300,
          people_served: 3900,
        },
      },
    ];
  },

  beautiful_hamlets(ctx) {
    const r = ctx.random('beautiful_hamlets');
    const records: DemoRecord[] = [];
    const hamlet = (village: string, name: string, plan_year: number, stage: string) =>
      records.push({ unitId: ctx.village(village).id, on: `${plan_year}-02-20`, values: { name, plan_year, households: r.int(20, 60), stage } });
    for (const [i, name] of ['石桥屋场', '枫树湾屋场', '大屋里屋场'].entries()) hamlet('三姊村', name, 2022, i === 0 ? '在建' : '计划');
    for (const [i, name] of ['塘坊屋场', '新屋场'].entries()) hamlet('燕塘村', name, 2022, i === 0 ? '在建' : '计划');
    for (const v of ctx.villages.slice(0, 6)) hamlet(v.name, `${v.name.replace(/村$/, '')}老屋场`, 2021, '建成');
    return records;
  },

  toilet_renovation(ctx) {
    const r = ctx.random('toilet_renovation');
    return [
      ['2021-03-01', '2021-11-30', 30],
      ['2022-03-01', '2022-06-28', 16],
    ].flatMap(([from, to, per]) =>
      ctx.villages.flatMap((v) =>
        Array.from({ length: r.int(Math.round(Number(per) * 0.6), Number(per)) }, (): DemoRecord => {
          const done = dayBetween(r, from as string, to as string);
          return {
            unitId: groupOf(r, v).id,
            on: done,
            values: {
              owner: ctx.people.name(),
              owner_id: ctx.people.idNumber(1945, 1985),
              type: weighted(r, [
                ['三格式', 8],
                ['双瓮式', 2],
                ['完整下水道水冲式', 1],
              ] as const),
              done_on: done,
              subsidy: r.pick([800, 1000, 1200]),
              accepted: chance(r, 0.9),
            },
          };
        }),
      ),
    );
  },

  dilapidated_houses(ctx) {
    const r = ctx.random('dilapidated_houses');
    return [
      ['2021-03-01', '2021-12-20', 42],
      ['2022-02-20', '2022-06-28', 26],
    ].flatMap(([from, to, n]) =>
      spread(ctx, 'dilapidated_houses', from as string, to as string, n as number, (day) => {
        const v = r.pick(ctx.villages);
        const method = weighted(r, [
          ['修缮加固', 6],
          ['拆除重建', 3],
          ['置换', 1],
        ] as const);
        return {
          unitId: groupOf(r, v).id,
          values: {
            owner: ctx.people.name(),
            owner_id: ctx.people.idNumber(1935, 1975),
            category: weighted(r, [
              ['脱贫户', 3],
              ['防返贫监测户', 2],
              ['低保户', 3],
              ['分散供养特困人员', 1],
              ['低保边缘户', 1],
              ['一般户', 1],
            ] as const),
            method,
            family_size: r.int(1, 5),
            done_on: day,
            subsidy: method === '拆除重建' ? r.int(30000, 45000) : r.int(8000, 20000),
          },
        };
      }),
    );
  },

  illegal_buildings(ctx) {
    const r = ctx.random('illegal_buildings');
    return (
      [
        ['2021-03-01', '2021-12-20', 48],
        ['2022-01-10', '2022-06-28', 66],
      ] as const
    ).flatMap(([from, to, n]) =>
      spread(ctx, 'illegal_buildings', from, to, n, () => {
        const v = r.pick(ctx.villages);
        const type = chance(r, 0.68) ? '存量违法建筑' : '新增违章建筑';
        return {
          unitId: v.id,
          values: {
            party: ctx.people.name(),
            place: `${v.name}${r.pick(['公路旁', '河堤', '耕地内', '集镇'])}`,
            type,
            use: r.pick(['住宅', '附属用房', '厂房', '商铺', '其他']),
            method: chance(r, 0.6) ? '自行拆除' : '依法强制拆除',
            demolished_on: '',
            area: decimalBetween(r, 30, type === '存量违法建筑' ? 320 : 120, 1),
          },
        };
      }).map((rec) => ({ ...rec, values: { ...rec.values, demolished_on: rec.on } })),
    );
  },

  tombs(ctx) {
    const r = ctx.random('tombs');
    const plan = [
      ['活人墓', '拆除', '2022-01-10', '2022-06-25', 74],
      ['已葬墓', '迁移', '2022-02-10', '2022-06-25', 31],
      ['已葬墓', '拆除', '2022-02-10', '2022-06-25', 45],
      ['活人墓', '拆除', '2021-06-01', '2021-12-20', 12],
    ] as const;
    return plan.flatMap(([type, method, from, to, n]) =>
      spread(ctx, `tombs:${type}${method}`, from, to, n, (day) => {
        const v = r.pick(ctx.villages);
        return {
          unitId: v.id,
          values: {
            owner: ctx.people.name(),
            place: `${v.name}${r.pick(['后山', '茶山', '公路边', '耕地内'])}`,
            type,
            method,
            done_on: day,
            accepted: type === '活人墓' || chance(r, 0.8),
            regreened: chance(r, 0.7),
          },
        };
      }),
    );
  },

  party_theme_days(ctx) {
    const r = ctx.random('party_theme_days');
    const records: DemoRecord[] = [];
    for (const v of ctx.villages) {
      for (let month = 0; month < 18; month++) {
        const year = 2021 + Math.floor(month / 12);
        const m = (month % 12) + 1;
        for (
          let k = weighted(r, [
            [1, 6],
            [2, 3],
            [0, 1],
          ] as const);
          k > 0;
          k--
        ) {
          const held = `${year}-${String(m).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
          const focus =
            year === 2022
              ? weighted(r, [
                  ['疫情防控', 4],
                  ['森林防灭火', 2],
                  ['违规墓地整治', 2],
                  ['防溺水', 2],
                  ['人居环境', 1],
                  ['其他', 1],
                ] as const)
              : r.pick(['人居环境', '其他', '防溺水', '森林防灭火'] as const);
          records.push({
            unitId: v.id,
            on: held,
            values: { title: `${focus}主题党日`, focus, branch: `${v.name}党总支`, held_on: held, members: r.int(15, 60) },
          });
        }
      }
    }
    return records;
  },

  party_teams(ctx) {
    const r = ctx.random('party_teams');
    const records: DemoRecord[] = ['防返贫监测', '志愿服务', '联络乡友'].map((focus) => ({
      unitId: ctx.village('玉池山村').id,
      on: '2022-03-08',
      values: { name: `玉池山村${focus}妇女工作队`, type: '妇女工作队', leader: ctx.people.name(), members: r.int(6, 12), founded_on: '2022-03-08' },
    }));
    for (const v of ctx.villages) {
      const founded = dayBetween(r, '2021-03-01', '2022-05-30');
      records.push({
        unitId: v.id,
        on: founded,
        values: {
          name: `${v.name}党员先锋队`,
          type: r.pick(['党员先锋队', '志愿服务队']),
          leader: ctx.people.name(),
          members: r.int(8, 25),
          founded_on: founded,
        },
      });
    }
    return records;
  },

  education_donations(ctx) {
    const r = ctx.random('education_donations');
    return spread(ctx, 'education_donations', '2022-03-15', '2022-06-28', 380, () => {
      const donorType = weighted(r, [
        ['党员干部', 10],
        ['企业老板', 3],
        ['部门单位', 1],
        ['乡友乡贤', 3],
        ['社会爱心人士', 4],
      ] as const);
      const amount =
        donorType === '企业老板'
          ? r.int(2, 20) * 1000
          : donorType === '部门单位'
            ? r.int(2, 10) * 1000
            : donorType === '乡友乡贤'
              ? r.int(2, 20) * 500
              : r.int(1, 10) * 100;
      return {
        unitId: donorType === '党员干部' || donorType === '部门单位' ? ctx.townshipUnitId : r.pick(ctx.villages).id,
        values: {
          donor: donorType === '部门单位' ? `${r.pick(['镇财政所', '镇卫生院', '镇中心学校', '供电所', '信用社'])}` : ctx.people.name(),
          donor_type: donorType,
          amount,
          donated_on: '',
        },
      };
    }).map((rec) => ({ ...rec, values: { ...rec.values, donated_on: rec.on } }));
  },

  teacher_changes(ctx) {
    const r = ctx.random('teacher_changes');
    const plan = [
      ['压减代课教师', '2021-02-20', '2021-09-10', 9],
      ['新招聘教师', '2021-08-20', '2021-09-05', 10],
      ['压减代课教师', '2022-02-10', '2022-06-20', 12],
      ['新招聘教师', '2022-02-10', '2022-03-01', 15],
      ['计划压减代课教师', '2022-06-01', '2022-06-28', 8],
    ] as const;
    return plan.flatMap(([change, from, to, n]) =>
      spread(ctx, `teacher_changes:${change}${from}`, from, to, n, (day) => ({
        unitId: ctx.townshipUnitId,
        values: { name: ctx.people.name(), school: r.pick(SCHOOLS), change, changed_on: day },
      })),
    );
  },

  student_aid(ctx) {
    const r = ctx.random('student_aid');
    const plan = [
      ['社会扶贫助学', '2021-09-01', '2021-10-30', 70],
      ['教育助学', '2021-09-01', '2021-11-30', 140],
      ['雨露计划', '2021-10-01', '2021-12-20', 50],
      ['社会扶贫助学', '2022-03-01', '2022-04-30', 82],
      ['教育助学', '2022-03-01', '2022-05-30', 120],
      ['雨露计划', '2022-04-01', '2022-06-20', 46],
    ] as const;
    return plan.flatMap(([type, from, to, n]) =>
      spread(ctx, `student_aid:${type}${from}`, from, to, n, (day) => ({
        unitId: r.pick(ctx.villages).id,
        values: {
          student: ctx.people.name(),
          student_id: ctx.people.idNumber(type === '雨露计划' ? 2001 : 2004, 2015),
          school: type === '雨露计划' ? r.pick(['汨罗职业中专', '岳阳职业技术学院', '湖南工程职业技术学院']) : r.pick(SCHOOLS),
          type,
          amount: type === '雨露计划' ? 1500 : r.pick([500, 800, 1000, 1250]),
          aided_on: day,
        },
      })),
    );
  },
};
