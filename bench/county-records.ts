// Record values for the county benchmark data set (county-data.ts): one generator per built-in ledger that the
// benchmarked indicators read, with values shaped like the demo's (names written as 李某华, ID numbers of 汨罗市
// with a valid check digit, choices weighted as a township's ledgers hold them) and dates over 2022, 5 % of them
// in the second half of 2021 so that periods have something to leave out.
import { addDays } from '../src/core/periods.js';
import type { seededRandom } from '../demo/seeded-random.js';
import type { County, Village } from './county-data.js';

export type Random = ReturnType<typeof seededRandom>;

const SURNAMES = '李王张刘陈杨黄周吴徐罗彭任钟汤喻易邓胡许';
const GIVEN = '华平军英明芳强兰勇梅林秀斌红伟娟辉琴刚霞';
const name = (r: Random) => `${r.pick([...SURNAMES])}某${r.pick([...GIVEN])}`;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident ID number of 汨罗市 (GB 11643 check digit), distinct for distinct (village, n). */
function idNumber(village: Village, n: number): string {
  const birth = addDays('1940-01-01', (village.id * 7919 + n * 104_729) % 25_000).replaceAll('-', '');
  const body = `430681${birth}${pad((village.id * 31 + n) % 1000, 3)}`;
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i], 0);
  return body + '10X98765432'[sum % 11];
}

function weighted<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1][0];
}

const decimal = (r: Random, min: number, max: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round((min + r.next() * (max - min)) * f) / f;
};

/** An event date: 95 % in 2022, the rest in the second half of 2021. */
const eventDate = (r: Random) => (r.next() < 0.95 ? addDays('2022-01-01', r.int(0, 364)) : addDays('2021-07-01', r.int(0, 183)));

export interface LedgerGenerator<S = unknown> {
  key: string;
  /** Share of the register records. */
  share: number;
  seed: number;
  start(r: Random, county: County): S;
  record(r: Random, village: Village, n: number, state: S): { values: Record<string, unknown>; status?: string };
}

const generator = <S>(g: LedgerGenerator<S>) => g as LedgerGenerator<unknown>;

export const LEDGER_GENERATORS: LedgerGenerator[] = [
  generator({
    key: 'self_built_houses',
    share: 200,
    seed: 1,
    start: () => null,
    record(r, v) {
      const conclusion = weighted(r, [
        ['未发现安全隐患', 80],
        ['存在一般隐患', 12],
        ['存在较大隐患', 5],
        ['初判危房', 3],
      ] as const);
      return {
        values: {
          owner: name(r),
          address: `${v.name}${r.int(1, 16)}组${r.int(1, 120)}号`,
          built_year: r.int(1975, 2021),
          floors: weighted(r, [
            [1, 25],
            [2, 45],
            [3, 25],
            [4, 5],
          ]),
          floor_area: decimal(r, 60, 420, 1),
          structure: weighted(r, [
            ['砖混', 55],
            ['框架', 20],
            ['砖木', 12],
            ['土木', 8],
            ['其他', 5],
          ]),
          use: weighted(r, [
            ['自住', 85],
            ['出租', 4],
            ['经营', 3],
            ['自住兼经营', 4],
            ['闲置', 4],
          ]),
          inspected_on: eventDate(r),
          conclusion,
          needs_fix: conclusion !== '未发现安全隐患' && r.next() < 0.7,
          inspector: name(r),
        },
      };
    },
  }),
  generator({
    key: 'safety_hazards',
    share: 100,
    seed: 2,
    start: () => null,
    record(r, v) {
      const found = eventDate(r);
      const status = weighted(r, [
        ['pending', 10],
        ['rectifying', 15],
        ['rectified', 40],
        ['closed', 35],
      ] as const);
      return {
        status,
        values: {
          title: `${v.name}${weighted(r, [
            ['自建房墙体开裂', 3],
            ['消防通道堵塞', 2],
            ['燃气软管老化', 2],
            ['山塘坝体渗漏', 1],
            ['校车超载', 1],
          ])}`,
          category: weighted(r, [
            ['自建房', 30],
            ['消防', 20],
            ['燃气', 12],
            ['道路交通', 12],
            ['地质灾害', 6],
            ['水库山塘', 6],
            ['校园校车', 4],
            ['其他', 10],
          ]),
          level: r.next() < 0.08 ? '重大隐患' : '一般隐患',
          place: `${v.name}${r.int(1, 16)}组`,
          found_on: found,
          responsible: name(r),
          deadline: addDays(found, 30),
          ...(status === 'rectified' || status === 'closed' ? { rectified_on: addDays(found, r.int(1, 40)) } : {}),
        },
      };
    },
  }),
  generator({
    // Paid monthly to a pool of recipients per village (so distinct recipients per month are fewer than payments).
    key: 'social_assistance',
    share: 250,
    seed: 3,
    start: () => null,
    record(r, v) {
      const n = r.int(0, Math.round(v.households / 4));
      const type = weighted(r, [
        ['城乡低保', 55],
        ['特困供养', 12],
        ['临时救助', 8],
        ['残疾人两项补贴', 20],
        ['医疗救助', 5],
      ] as const);
      const amount = { 城乡低保: [280, 900], 特困供养: [700, 1200], 临时救助: [500, 3000], 残疾人两项补贴: [70, 140], 医疗救助: [200, 5000] }[type];
      return {
        values: {
          name: name(r),
          person_id: idNumber(v, n),
          type,
          covered: r.int(1, 5),
          amount: decimal(r, amount[0], amount[1], 2),
          paid_on: eventDate(r),
        },
      };
    },
  }),
  generator({
    key: 'land_transfer',
    share: 60,
    seed: 4,
    start: () => null,
    record(r, v, n) {
      const small = r.next() < 0.8;
      return {
        values: {
          contract_no: `LZ${v.code.slice(6)}-${pad(n, 7)}`,
          transferor: name(r),
          transferee: `${name(r)}${r.pick(['家庭农场', '合作社', ''])}`,
          transferee_type: weighted(r, [
            ['农民专业合作社', 25],
            ['家庭农场', 30],
            ['农业企业', 10],
            ['种养大户', 25],
            ['村集体经济组织', 5],
            ['其他', 5],
          ]),
          land_type: r.next() < 0.75 ? '耕地' : '林地',
          area: small ? decimal(r, 0.5, 30, 2) : decimal(r, 30, 400, 2),
          use: weighted(r, [
            ['水稻', 45],
            ['蔬菜', 12],
            ['油茶', 15],
            ['苗木花卉', 8],
            ['水果', 10],
            ['民宿文旅', 3],
            ['其他', 7],
          ]),
          term_years: r.int(3, 15),
          rent: r.int(200, 800),
          signed_on: eventDate(r),
          filed: r.next() < 0.85,
        },
      };
    },
  }),
  generator({
    key: 'household_checks',
    share: 80,
    seed: 5,
    start: () => null,
    record(r, v) {
      return {
        values: {
          head: name(r),
          head_id: idNumber(v, r.int(0, v.households)),
          type: weighted(r, [
            ['低保户', 50],
            ['防返贫监测户', 30],
            ['低保申请户', 20],
          ]),
          family_size: r.int(1, 7),
          annual_income: r.int(3000, 60000),
          checked_on: eventDate(r),
          result: weighted(r, [
            ['符合条件', 80],
            ['不符合条件', 12],
            ['需复核', 8],
          ]),
          checker: name(r),
        },
      };
    },
  }),
  generator({
    key: 'consumption_support',
    share: 100,
    seed: 6,
    start: () => null,
    record(r) {
      return {
        values: {
          buyer: `${name(r)}`,
          buyer_type: weighted(r, [
            ['后盾单位', 20],
            ['企事业单位', 25],
            ['镇村干部', 30],
            ['社会个人', 25],
          ]),
          product: weighted(r, [
            ['蜂蜜', 10],
            ['笋干', 12],
            ['云雾茶', 15],
            ['大米', 25],
            ['茶油', 15],
            ['腊肉', 10],
            ['蔬菜水果', 10],
            ['其他', 3],
          ]),
          amount: decimal(r, 40, r.next() < 0.9 ? 800 : 20000, 2),
          bought_on: eventDate(r),
        },
      };
    },
  }),
  generator({
    // A pool of enterprises per village, visited again and again.
    key: 'enterprise_visits',
    share: 60,
    seed: 7,
    start: () => null,
    record(r, v) {
      const e = r.int(1, 12 + (v.households % 20));
      const problem = weighted(r, [
        ['无', 60],
        ['用地', 8],
        ['资金', 10],
        ['用工', 8],
        ['群众纠纷', 4],
        ['基础设施', 5],
        ['审批手续', 3],
        ['其他', 2],
      ] as const);
      return {
        values: {
          enterprise: `${v.name.slice(0, 2)}${pad(e, 2)}号企业`,
          credit_code: `91430681${pad(v.id, 5)}${pad(e, 3)}XY`,
          scale: weighted(r, [
            ['中型', 5],
            ['小型', 40],
            ['微型', 55],
          ]),
          industry: weighted(r, [
            ['麻石加工', 30],
            ['建材', 15],
            ['农产品加工', 25],
            ['商贸', 20],
            ['其他', 10],
          ]),
          visited_on: eventDate(r),
          cadre: name(r),
          problem_type: problem,
          ...(problem === '无' ? {} : { problem: `${problem}方面困难`, solved: r.next() < 0.6 }),
        },
      };
    },
  }),
  generator({
    key: 'monitored_households',
    share: 50,
    seed: 8,
    start: () => null,
    record(r, v, n) {
      const status = r.next() < 0.7 ? 'monitoring' : 'risk_removed';
      return {
        status,
        values: {
          head: name(r),
          head_id: idNumber(v, 5000 + n),
          family_size: r.int(1, 8),
          monitor_type: weighted(r, [
            ['脱贫不稳定户', 45],
            ['边缘易致贫户', 40],
            ['突发严重困难户', 15],
          ]),
          risks: [
            weighted(r, [
              ['因病', 40],
              ['因残', 20],
              ['因学', 10],
              ['缺劳动力', 15],
              ['务工就业不稳', 10],
              ['其他', 5],
            ]),
          ],
          included_on: eventDate(r),
          income_per_capita: r.int(4000, 12000),
          assistance: ['产业帮扶', '就业帮扶'].slice(0, r.int(1, 2)),
          helper: name(r),
        },
      };
    },
  }),
];

export interface PeriodicGenerator {
  key: string;
  seed: number;
  /** About how many rows for so many villages (to size the register share). */
  expected(villages: number): number;
  rows(r: Random, village: Village): Iterable<{ period: string; values: Record<string, unknown> }>;
}

export const PERIODIC_GENERATORS: PeriodicGenerator[] = [
  {
    // Daily vaccination figures: each village reports on 95 % of the days of 2022.
    key: 'vaccination_daily',
    seed: 9,
    expected: (v) => Math.round(v * 365 * 0.95),
    *rows(r, v) {
      const size = v.households / 500;
      for (let d = 0; d < 365; d++) {
        if (r.next() >= 0.95) continue;
        const day = addDays('2022-01-01', d).replaceAll('-', '');
        yield {
          period: day,
          values: {
            first_3_17: r.int(0, Math.round(3 * size)),
            first_18_59: r.int(0, Math.round(4 * size)),
            first_60: r.int(0, Math.round(5 * size)),
            full_60: r.int(0, Math.round(5 * size)),
            booster_18_59: r.int(0, Math.round(8 * size)),
            booster_60: r.int(0, Math.round(6 * size)),
          },
        };
      }
    },
  },
  {
    // Monthly social-insurance figures: 98 % of the village-months are entered.
    key: 'social_insurance',
    seed: 10,
    expected: (v) => Math.round(v * 12 * 0.98),
    *rows(r, v) {
      for (let m = 1; m <= 12; m++) {
        if (r.next() >= 0.98) continue;
        yield {
          period: `2022${pad(m, 2)}`,
          values: {
            pension_paid: r.int(0, Math.round(v.households / 6)),
            survival_checks: r.int(0, 40),
            medical_paid: r.int(0, Math.round(v.households / 4)),
            medical_refunds: r.int(0, 10),
            medical_aid_remote: r.int(0, 3),
          },
        };
      }
    },
  },
];
