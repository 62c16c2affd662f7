// Demo records of the epidemic, safety and flood ledgers: daily vaccination per village, self-built houses,
// hazards in every workflow state, actions, meetings, reservoirs, evacuations and channel clearing.
import { addDays } from '../src/core/periods.js';
import {
  chance,
  dayBetween,
  decimalBetween,
  DEMO_TO,
  eachDay,
  groupOf,
  weighted,
  type DemoContext,
  type DemoRecord,
  type DemoVillage,
} from './demo-ledger-context.js';
import type { Random } from './demo-people.js';

type Generators = Record<string, (ctx: DemoContext) => DemoRecord[]>;

// Vaccination campaigns: the share of a village's age group reached in each window (first doses from the
// 2021 spring drive; boosters from the autumn; the 2022 push for the over-60s after Omicron).
const CAMPAIGNS: Record<string, { group: (v: DemoVillage) => number; windows: [string, string, number][] }> = {
  first_3_17: {
    group: (v) => v.population * 0.15,
    windows: [
      ['2021-10-25', '2021-12-31', 0.9],
      ['2022-01-01', '2022-06-30', 0.05],
    ],
  },
  first_18_59: {
    group: (v) => v.population * 0.55,
    windows: [
      ['2021-03-22', '2021-09-30', 0.9],
      ['2021-10-01', '2022-06-30', 0.05],
    ],
  },
  first_60: {
    group: (v) => v.population * 0.22,
    windows: [
      ['2021-04-15', '2021-12-31', 0.7],
      ['2022-03-20', '2022-06-30', 0.2],
    ],
  },
  full_60: {
    group: (v) => v.population * 0.22,
    windows: [
      ['2021-05-10', '2021-12-31', 0.65],
      ['2022-04-10', '2022-06-30', 0.2],
    ],
  },
  booster_18_59: {
    group: (v) => v.population * 0.55,
    windows: [
      ['2021-10-15', '2022-03-31', 0.6],
      ['2022-04-01', '2022-06-30', 0.15],
    ],
  },
  booster_60: {
    group: (v) => v.population * 0.22,
    windows: [
      ['2021-11-15', '2022-03-31', 0.35],
      ['2022-04-01', '2022-06-30', 0.25],
    ],
  },
};
const VACCINATION_FROM = '2021-03-22';

function doses(r: Random, v: DemoVillage, series: string, day: string, weekday: number): number {
  const { group, windows } = CAMPAIGNS[series];
  const window = windows.find(([from, to]) => day >= from && day <= to);
  if (!window) return 0;
  const days = Math.round((Date.parse(window[1]) - Date.parse(window[0])) / 86_400_000) + 1;
  const mean = ((group(v) * window[2]) / days) * (weekday === 0 ? 0.5 : 1.1);
  return Math.max(0, Math.round(mean * (0.4 + r.next() * 1.2)));
}

const STRUCTURES = [
  ['砖混', 55],
  ['砖木', 20],
  ['框架', 12],
  ['土木', 8],
  ['石木', 3],
  ['钢结构', 1],
  ['其他', 1],
] as const;
const HOUSE_USES = [
  ['自住', 82],
  ['出租', 3],
  ['经营', 2],
  ['自住兼经营', 6],
  ['闲置', 7],
] as const;
const CONCLUSIONS = [
  ['未发现安全隐患', 88],
  ['存在一般隐患', 8],
  ['存在较大隐患', 3],
  ['初判危房', 1],
] as const;

export const SAFETY_GENERATORS: Generators = {
  vaccination_daily(ctx) {
    const r = ctx.random('vaccination_daily');
    const records: DemoRecord[] = [];
    for (const day of eachDay(VACCINATION_FROM, DEMO_TO)) {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      for (const v of ctx.villages) {
        const values: Record<string, unknown> = {};
        for (const series of Object.keys(CAMPAIGNS)) values[series] = doses(r, v, series, day, weekday);
        records.push({ unitId: v.id, period: day.replaceAll('-', ''), on: day, values });
      }
    }
    return records;
  },

  vaccination_targets(ctx) {
    return ctx.villages.flatMap((v) =>
      ['2021S2', '2022S1'].map((period) => ({
        unitId: v.id,
        period,
        on: period === '2022S1' ? '2022-01-05' : '2021-07-05',
        values: {
          target_60: Math.round(v.population * 0.22 * 0.95),
          target_booster: Math.round(v.population * 0.77 * (period === '2022S1' ? 0.8 : 0.4)),
        },
      })),
    );
  },

  self_built_houses(ctx) {
    const r = ctx.random('self_built_houses');
    const records: DemoRecord[] = [];
    for (const v of ctx.villages) {
      const houses = Math.round(v.households * decimalBetween(r, 0.92, 1.02, 2));
      for (let i = 1; i <= houses; i++) {
        const group = groupOf(r, v);
        const conclusion = weighted(r, CONCLUSIONS);
        const inspected = dayBetween(r, '2022-05-05', '2022-06-25');
        const floors = weighted(r, [
          [1, 20],
          [2, 45],
          [3, 28],
          [4, 7],
        ] as const);
        records.push({
          unitId: group.id,
          on: inspected,
          values: {
            owner: ctx.people.name(),
            ...(chance(r, 0.8) ? { owner_id: ctx.people.idNumber(1940, 1990) } : {}),
            ...(chance(r, 0.85) ? { phone: ctx.people.mobile() } : {}),
            address: `${v.name}${group.name}${i}号`,
            built_year: r.int(1972, 2021),
            floors,
            floor_area: decimalBetween(r, 70, 110, 1) * floors,
            structure: weighted(r, STRUCTURES),
            use: weighted(r, HOUSE_USES),
            inspected_on: inspected,
            conclusion,
            needs_fix: conclusion !== '未发现安全隐患',
            inspector: ctx.people.name(),
          },
        });
      }
    }
    return records.map((rec) => ({ ...rec, values: { ...rec.values, floor_area: Math.round((rec.values.floor_area as number) * 10) / 10 } }));
  },

  safety_hazards(ctx) {
    const r = ctx.random('safety_hazards');
    const records: DemoRecord[] = [];
    const categories = [
      ['自建房', 14],
      ['校园校车', 4],
      ['消防', 14],
      ['燃气', 8],
      ['道路交通', 12],
      ['企业生产', 12],
      ['地质灾害', 6],
      ['水库山塘', 6],
      ['烟花爆竹', 4],
      ['一氧化碳中毒', 6],
      ['其他', 4],
    ] as const;
    for (let i = 0; i < 640; i++) {
      const v = r.pick(ctx.villages);
      const found = dayBetween(r, '2021-01-04', '2022-06-28');
      const category = weighted(r, categories);
      const age = (Date.parse(DEMO_TO) - Date.parse(found)) / 86_400_000;
      // Old hazards are closed; recent ones are spread over the workflow.
      const status =
        age > 90
          ? weighted(r, [
              ['closed', 92],
              ['rectified', 5],
              ['rectifying', 3],
            ] as const)
          : weighted(r, [
              ['pending', 3],
              ['rectifying', 3],
              ['rectified', 2],
              ['closed', 4],
            ] as const);
      const level = chance(r, 0.06) ? '重大隐患' : '一般隐患';
      const deadline = addDays(found, level === '重大隐患' ? 60 : 30);
      records.push({
        unitId: groupOf(r, v).id,
        on: found,
        status,
        values: {
          title: `${category}${r.pick(['安全设施缺失', '管理制度不落实', '违规使用', '警示标识不全', '设备老化'])}`,
          category,
          level,
          place: category === '校园校车' ? `${v.name.replace(/村$/, '')}小学` : `${v.name}${r.pick(['村部', '组', '商户', '农户'])}`,
          found_on: found,
          responsible: ctx.people.name(),
          phone: ctx.people.mobile(),
          measures: '限期整改，镇安全生产组跟踪复查。',
          deadline,
          ...(status === 'rectified' || status === 'closed' ? { rectified_on: dayBetween(r, found, deadline < DEMO_TO ? deadline : DEMO_TO) } : {}),
        },
      });
    }
    return records;
  },

  enforcement_actions(ctx) {
    const r = ctx.random('enforcement_actions');
    const plan: [string, string, string, number][] = [
      ['交通安全集中执法', '2021-01-10', '2021-12-25', 18],
      ['交通安全集中执法', '2022-01-08', '2022-06-28', 11],
      ['烟花爆竹打非禁燃巡查', '2021-01-15', '2021-02-28', 16],
      ['烟花爆竹打非禁燃巡查', '2022-01-10', '2022-02-28', 24],
      ['控违拆违集中行动', '2021-03-01', '2021-12-20', 9],
      ['控违拆违集中行动', '2022-02-15', '2022-06-25', 8],
      ['疫情防控督查', '2022-03-01', '2022-06-28', 18],
      ['疫苗接种志愿劝导', '2022-03-25', '2022-06-28', 26],
      ['非法采砂打击', '2021-04-01', '2022-06-20', 7],
    ];
    return plan.flatMap(([type, from, to, count]) =>
      Array.from({ length: count }, (_, i): DemoRecord => {
        const acted = dayBetween(r, from, to);
        const village = r.pick(ctx.villages);
        return {
          unitId: type === '疫情防控督查' || type === '交通安全集中执法' ? ctx.townshipUnitId : village.id,
          on: acted,
          values: {
            title: `${type}（第${i + 1}次）`,
            type,
            acted_on: acted,
            staff: r.int(6, 30),
            ...(type === '交通安全集中执法'
              ? {
                  partners: '交警五中队、镇执法大队',
                  detained: weighted(r, [
                    [0, 6],
                    [1, 3],
                    [2, 1],
                  ] as const),
                  vehicles_seized: r.int(2, 12),
                }
              : {}),
            ...(type === '烟花爆竹打非禁燃巡查' ? { seizure_lists: r.int(1, 6) } : {}),
            ...(type === '疫苗接种志愿劝导' ? { persuaded: r.int(20, 120) } : {}),
            result: '行动按计划完成。',
          },
        };
      }),
    );
  },

  meetings(ctx) {
    const r = ctx.random('meetings');
    const plan: [string, string, string, number][] = [
      ['疫情防控', '2021-03-15', '2021-12-30', 14],
      ['疫情防控', '2022-03-10', '2022-06-28', 26],
      ['自建房排查整治', '2022-05-03', '2022-06-25', 9],
      ['安全生产', '2021-01-05', '2022-06-28', 16],
      ['防汛抗旱', '2021-04-01', '2022-06-28', 10],
      ['森林防灭火', '2021-01-05', '2022-04-05', 6],
      ['重点项目', '2021-02-01', '2022-06-28', 12],
    ];
    return plan.flatMap(([topic, from, to, count]) =>
      Array.from({ length: count }, (): DemoRecord => {
        const held = dayBetween(r, from, to);
        return {
          unitId: ctx.townshipUnitId,
          on: held,
          values: { title: `${topic}专题调度会`, topic, held_on: held, chair: r.pick(['李建国', '王志强']), attendees: r.int(20, 90) },
        };
      }),
    );
  },

  reservoirs(ctx) {
    const r = ctx.random('reservoirs');
    const records: DemoRecord[] = [];
    ctx.villages.forEach((v, vi) => {
      for (let i = r.int(1, 3); i > 0; i--) {
        const scale = weighted(r, [
          ['小（一）型', 1],
          ['小（二）型', 4],
          ['重点山塘', 2],
        ] as const);
        const reinforcement = weighted(r, [
          ['无需加固', 4],
          ['已完成', 3],
          ['在建', 1],
          ['计划实施', 1],
        ] as const);
        records.push({
          unitId: v.id,
          on: '2021-04-01',
          values: {
            name: `${['望塔', '谭公塘', '芭蕉', '高山', '石门', '龙潭', '杨家冲', '大坝', '白水'][(vi + i) % 9]}${scale === '重点山塘' ? '山塘' : '水库'}${vi}`,
            scale,
            capacity: scale === '小（一）型' ? decimalBetween(r, 100, 500, 2) : decimalBetween(r, 10, 95, 2),
            cliff: chance(r, 0.2),
            duty_hours: scale === '重点山塘' ? 8 : 24,
            keeper: ctx.people.name(),
            keeper_phone: ctx.people.mobile(),
            reinforcement,
            ...(reinforcement === '已完成' ? { reinforced_on: dayBetween(r, '2021-03-01', '2022-06-15') } : {}),
            ...(reinforcement === '在建' || reinforcement === '计划实施' ? { planned_year: 2022 } : {}),
          },
        });
      }
    });
    return records;
  },

  evacuations(ctx) {
    const r = ctx.random('evacuations');
    return [
      ['2021-05-10', '2021-08-20', 14],
      ['2022-05-01', '2022-06-28', 26],
    ].flatMap(([from, to, n]) =>
      Array.from({ length: n as number }, (): DemoRecord => {
        const v = r.pick(ctx.villages);
        const moved = dayBetween(r, from as string, to as string);
        const households = r.int(1, 9);
        return {
          unitId: v.id,
          on: moved,
          values: {
            site: `${v.name}${r.pick(['后山', '冲里', '河边', '坡下'])}${r.pick(['地灾点', '风险区'])}`,
            risk: r.pick(['地质灾害隐患点', '山洪风险区', '水库下游', '危房']),
            moved_on: moved,
            households,
            people: households * r.int(2, 4),
            shelter: r.pick(['集中安置', '投亲靠友']),
          },
        };
      }),
    );
  },

  channel_clearing(ctx) {
    const r = ctx.random('channel_clearing');
    return ctx.villages.flatMap((v) =>
      [
        ['2021-03-01', '2021-06-30'],
        ['2022-03-01', '2022-06-28'],
      ].flatMap(([from, to]) =>
        Array.from({ length: r.int(1, 3) }, (_, i): DemoRecord => {
          const cleared = dayBetween(r, from, to);
          return {
            unitId: v.id,
            on: cleared,
            values: {
              section: `${v.name.replace(/村$/, '')}${r.pick(['干渠', '支渠', '溪沟'])}${i + 1}段`,
              cleared_on: cleared,
              length: decimalBetween(r, 0.4, 2.5, 2),
              workdays: r.int(10, 80),
            },
          };
        }),
      ),
    );
  },
};
