// Demo records of the livelihood and revitalisation ledgers: household checks, assistance payments, social
// insurance figures, labour, entrepreneurship, monitored households and the support around them.
import { chance, dayBetween, decimalBetween, HALVES, weighted, type DemoContext, type DemoRecord } from './demo-ledger-context.js';
import type { Random } from './demo-people.js';

type Generators = Record<string, (ctx: DemoContext) => DemoRecord[]>;
const QUARTER_PAYDAYS = ['2021-03-15', '2021-06-15', '2021-09-15', '2021-12-15', '2022-03-15', '2022-06-15'];
const pickSome = <T>(r: Random, items: readonly T[], min: number, max: number): T[] => [
  ...new Set(Array.from({ length: r.int(min, max) }, () => r.pick(items))),
];

export const WELFARE_GENERATORS: Generators = {
  household_checks(ctx) {
    const r = ctx.random('household_checks');
    const households = ctx.villages.flatMap((v) =>
      Array.from({ length: Math.round(v.households * decimalBetween(r, 0.11, 0.15, 2)) }, () => ({
        unitId: v.id,
        head: ctx.people.name(),
        headId: ctx.people.idNumber(1940, 1985),
        size: r.int(1, 5),
        income: r.int(6000, 30000),
        type: weighted(r, [
          ['低保户', 6],
          ['防返贫监测户', 3],
          ['低保申请户', 2],
        ] as const),
      })),
    );
    return [
      ['2021-09-01', '2021-11-30', 0.9],
      ['2022-03-01', '2022-06-20', 1],
    ].flatMap(([from, to, share]) =>
      households
        .filter(() => chance(r, share as number))
        .map((h): DemoRecord => {
          const checked = dayBetween(r, from as string, to as string);
          return {
            unitId: h.unitId,
            on: checked,
            values: {
              head: h.head,
              head_id: h.headId,
              type: h.type,
              family_size: h.size,
              annual_income: h.income + r.int(-1000, 2000),
              checked_on: checked,
              result: weighted(r, [
                ['符合条件', 17],
                ['不符合条件', 2],
                ['需复核', 1],
              ] as const),
              checker: ctx.people.name(),
            },
          };
        }),
    );
  },

  social_assistance(ctx) {
    const r = ctx.random('social_assistance');
    const records: DemoRecord[] = [];
    for (const v of ctx.villages) {
      for (let i = Math.round(v.population * 0.035); i > 0; i--) {
        const type = weighted(r, [
          ['城乡低保', 12],
          ['特困供养', 3],
          ['残疾人两项补贴', 5],
          ['临时救助', 2],
          ['医疗救助', 1],
        ] as const);
        const person = { name: ctx.people.name(), id: ctx.people.idNumber(1935, 2010), covered: type === '城乡低保' ? r.int(1, 4) : 1 };
        const once = type === '临时救助' || type === '医疗救助';
        const paydays = once ? [r.pick(QUARTER_PAYDAYS)] : QUARTER_PAYDAYS.filter(() => chance(r, 0.92));
        for (const paid of paydays) {
          const amount =
            type === '城乡低保'
              ? person.covered * 3 * r.int(300, 420)
              : type === '特困供养'
                ? 3 * r.int(700, 900)
                : type === '残疾人两项补贴'
                  ? 3 * r.int(70, 140)
                  : type === '临时救助'
                    ? r.int(5, 30) * 100
                    : r.int(10, 200) * 100;
          records.push({
            unitId: v.id,
            on: paid,
            values: { name: person.name, person_id: person.id, type, covered: person.covered, amount, paid_on: paid },
          });
        }
      }
    }
    return records;
  },

  social_insurance(ctx) {
    const r = ctx.random('social_insurance');
    const records: DemoRecord[] = [];
    for (const v of ctx.villages) {
      for (let month = 0; month < 18; month++) {
        const m = (month % 12) + 1;
        const period = `${2021 + Math.floor(month / 12)}${String(m).padStart(2, '0')}`;
        // Contributions are collected in the first months of the year; survival checks through the year.
        const drive = m <= 4 ? 0.2 : m <= 6 ? 0.04 : m >= 9 ? 0.03 : 0.01;
        records.push({
          unitId: v.id,
          period,
          on: `${period.slice(0, 4)}-${period.slice(4)}-28`,
          values: {
            pension_paid: Math.round(v.population * 0.5 * drive * decimalBetween(r, 0.8, 1.2, 2)),
            survival_checks: Math.round(v.population * 0.22 * (m <= 6 ? 0.14 : 0.02) * decimalBetween(r, 0.8, 1.2, 2)),
            medical_paid: Math.round(v.population * 0.9 * (m <= 3 ? 0.28 : m >= 10 ? 0.04 : 0.01) * decimalBetween(r, 0.8, 1.2, 2)),
            medical_refunds: r.int(0, m <= 6 ? 12 : 3),
            medical_aid_remote: r.int(0, 3),
          },
        });
      }
    }
    return records;
  },

  social_fund_recovery(ctx) {
    const r = ctx.random('social_fund_recovery');
    return [
      ['2021-04-01', '2021-12-20', 14],
      ['2022-01-10', '2022-06-28', 23],
    ].flatMap(([from, to, n]) =>
      Array.from({ length: n as number }, (): DemoRecord => {
        const day = dayBetween(r, from as string, to as string);
        return {
          unitId: r.pick(ctx.villages).id,
          on: day,
          values: {
            name: ctx.people.name(),
            person_id: ctx.people.idNumber(1930, 1960),
            reason: weighted(r, [
              ['死亡多领冒领', 5],
              ['企保居保重复领取', 2],
              ['异地参保重复领取', 2],
            ] as const),
            amount: decimalBetween(r, 300, 12000, 2),
            recovered_on: day,
          },
        };
      }),
    );
  },

  labor_survey(ctx) {
    const r = ctx.random('labor_survey');
    return ctx.villages.flatMap((v) =>
      HALVES.map((h): DemoRecord => {
        const labor = Math.round(v.population * decimalBetween(r, 0.56, 0.62, 2));
        return {
          unitId: v.id,
          period: h.id,
          on: h.to,
          values: {
            labor_force: labor,
            employed: Math.round(labor * decimalBetween(r, 0.9, 0.96, 2)),
            want_job: r.int(20, 90),
            want_training: r.int(10, 60),
          },
        };
      }),
    );
  },

  entrepreneurship_support(ctx) {
    const r = ctx.random('entrepreneurship_support');
    const plan = [
      ['五类人员创业补贴', '2021-03-01', '2021-12-20', 10],
      ['小微企业创业贴息贷款', '2021-03-01', '2021-12-20', 18],
      ['五类人员创业补贴', '2022-02-15', '2022-06-28', 13],
      ['小微企业创业贴息贷款', '2022-02-15', '2022-06-28', 26],
    ] as const;
    return plan.flatMap(([type, from, to, n]) =>
      Array.from({ length: n }, (): DemoRecord => {
        const day = dayBetween(r, from, to);
        return {
          unitId: r.pick(ctx.villages).id,
          on: day,
          values: {
            applicant: ctx.people.name(),
            applicant_id: ctx.people.idNumber(1970, 2000),
            phone: ctx.people.mobile(),
            type,
            business: r.pick(['农家乐', '养殖场', '电商网店', '农产品加工', '汽修店', '超市']),
            amount: type === '五类人员创业补贴' ? 5000 : r.int(10, 30) * 10000,
            approved_on: day,
          },
        };
      }),
    );
  },

  monitored_households(ctx) {
    const r = ctx.random('monitored_households');
    const records: DemoRecord[] = [];
    for (const v of ctx.villages) {
      for (let i = Math.round(v.households * decimalBetween(r, 0.025, 0.04, 3)); i > 0; i--) {
        const included = chance(r, 0.55) ? dayBetween(r, '2021-01-10', '2021-12-20') : dayBetween(r, '2022-01-05', '2022-06-25');
        const removed = included < '2021-10-01' && chance(r, 0.45);
        records.push({
          unitId: v.id,
          on: included,
          status: removed ? 'risk_removed' : 'monitoring',
          values: {
            head: ctx.people.name(),
            head_id: ctx.people.idNumber(1940, 1990),
            phone: ctx.people.mobile(),
            family_size: weighted(r, [
              [1, 2],
              [2, 3],
              [3, 4],
              [4, 4],
              [5, 2],
              [6, 1],
            ] as const),
            monitor_type: weighted(r, [
              ['脱贫不稳定户', 5],
              ['边缘易致贫户', 4],
              ['突发严重困难户', 2],
            ] as const),
            risks: pickSome(r, ['因病', '因残', '因学', '因灾', '因意外事故', '缺劳动力', '务工就业不稳', '产业项目失败'], 1, 2),
            included_on: included,
            income_per_capita: r.int(5200, 9800),
            assistance: pickSome(r, ['产业帮扶', '就业帮扶', '健康帮扶', '教育帮扶', '综合保障', '小额信贷', '公益岗位'], 1, 3),
            helper: ctx.people.name(),
            helper_phone: ctx.people.mobile(),
            ...(removed ? { risk_removed_on: dayBetween(r, '2021-12-01', '2022-06-20') } : {}),
          },
        });
      }
    }
    return records;
  },

  public_welfare_posts(ctx) {
    const r = ctx.random('public_welfare_posts');
    return ctx.villages.flatMap((v) =>
      Array.from({ length: r.int(7, 13) }, (): DemoRecord => {
        const started = dayBetween(r, '2021-01-04', '2022-06-01');
        return {
          unitId: v.id,
          on: started,
          values: {
            post: weighted(r, [
              ['保洁员', 5],
              ['护林员', 3],
              ['护路员', 2],
              ['水管员', 1],
              ['网格员', 1],
              ['公共服务协管员', 1],
            ] as const),
            holder: ctx.people.name(),
            holder_id: ctx.people.idNumber(1955, 1985),
            started_on: started,
            monthly_pay: r.pick([500, 600, 800]),
            on_post: chance(r, 0.96),
          },
        };
      }),
    );
  },

  poverty_workshops(ctx) {
    const r = ctx.random('poverty_workshops');
    return [
      ['川山村', '竹木制品'],
      ['青江村', '服装加工'],
      ['玉池山村', '茶叶加工'],
      ['燕塘村', '电子元件组装'],
      ['高家坊村', '麻石工艺'],
      ['达摩岭村', '蜂蜜笋干'],
    ].map(([village, product], i): DemoRecord => {
      const day = dayBetween(r, '2021-03-01', '2022-04-30');
      return {
        unitId: ctx.village(village).id,
        on: day,
        values: {
          name: `${village.replace(/村$/, '')}${product}扶贫车间`,
          operator: `汨罗市${['恒通', '天成', '明珠', '瑞丰', '金石', '兴旺'][i]}实业有限公司`,
          product,
          recognized_on: day,
          poor_workers: r.int(8, 28),
          avg_monthly_wage: r.int(2600, 3400),
        },
      };
    });
  },

  job_fairs(ctx) {
    const r = ctx.random('job_fairs');
    return ['2021-02-22', '2021-09-18', '2022-02-14', '2022-03-05', '2022-05-20'].map((day, i): DemoRecord => ({
      unitId: ctx.townshipUnitId,
      on: day,
      values: {
        title: i === 2 ? '“春风送暖，就业先行”专场招聘会' : `就业帮扶专场招聘会（${day.slice(0, 7)}）`,
        held_on: day,
        employers: r.int(15, 45),
        poor_participants: r.int(60, 180),
        intentions: r.int(20, 70),
      },
    }));
  },

  consumption_support(ctx) {
    const r = ctx.random('consumption_support');
    return [
      ['2021-01-10', '2021-12-28', 260],
      ['2022-01-05', '2022-06-28', 310],
    ].flatMap(([from, to, n]) =>
      Array.from({ length: n as number }, (): DemoRecord => {
        const day = dayBetween(r, from as string, to as string);
        const buyerType = weighted(r, [
          ['后盾单位', 3],
          ['企事业单位', 3],
          ['镇村干部', 5],
          ['社会个人', 2],
        ] as const);
        return {
          unitId: r.pick(ctx.villages).id,
          on: day,
          values: {
            buyer:
              buyerType === '镇村干部' || buyerType === '社会个人'
                ? ctx.people.name()
                : r.pick(['市财政局', '市自然资源局', '国网汨罗供电公司', '市人民医院', '汨罗农商银行', '市教育局']),
            buyer_type: buyerType,
            product: r.pick(['蜂蜜', '笋干', '云雾茶', '大米', '茶油', '腊肉', '蔬菜水果', '其他']),
            amount: buyerType === '后盾单位' || buyerType === '企事业单位' ? r.int(10, 150) * 100 : r.int(2, 30) * 100,
            bought_on: day,
          },
        };
      }),
    );
  },

  industry_dividends(ctx) {
    const r = ctx.random('industry_dividends');
    const households = ctx.villages.flatMap((v) =>
      Array.from({ length: Math.round(v.households * 0.07) }, () => ({
        unitId: v.id,
        head: ctx.people.name(),
        headId: ctx.people.idNumber(1945, 1985),
        partner: `${v.name.replace(/村$/, '')}种植专业合作社`,
      })),
    );
    return [
      ['2021-12-20', 0.9],
      ['2022-06-18', 1],
    ].flatMap(([day, share]) =>
      households
        .filter(() => chance(r, share as number))
        .map((h): DemoRecord => ({
          unitId: h.unitId,
          on: day as string,
          values: { head: h.head, head_id: h.headId, partner: h.partner, amount: r.int(3, 10) * 100, paid_on: day },
        })),
    );
  },

  support_units(ctx) {
    const r = ctx.random('support_units');
    const units = [
      '市财政局',
      '市自然资源局',
      '市水利局',
      '市人社局',
      '市卫健局',
      '市交通运输局',
      '国网汨罗供电公司',
      '市住建局',
      '市农业农村局',
      '市教育局',
      '市民政局',
      '市林业局',
      '汨罗农商银行',
      '市市场监管局',
      '市生态环境分局',
      '市文旅广体局',
      '市医保局',
      '市人民医院',
      '市税务局',
    ];
    return ctx.villages.flatMap((v, i) =>
      (i < 2 ? [units[i], units[17 + i]] : [units[i]]).map((unit): DemoRecord => ({
        unitId: v.id,
        on: '2021-05-10',
        values: {
          unit,
          team_members: r.int(1, 3),
          captain: ctx.people.name(),
          captain_phone: ctx.people.mobile(),
          pairing_done: true,
          since: '2021-05-10',
        },
      })),
    );
  },
};
