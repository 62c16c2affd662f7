// Demo records of the economy ledgers: land transfer, early rice, specialty crops, industry projects, visits to
// enterprises, village basics, planting and roads. Sizes follow the 2022 half-year report of 川山坪镇.
import { chance, dayBetween, decimalBetween, HALVES, weighted, type DemoContext, type DemoRecord } from './demo-ledger-context.js';

type Generators = Record<string, (ctx: DemoContext) => DemoRecord[]>;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const TRADE_NAMES = ['鑫源', '兴旺', '宏达', '华盛', '永安', '金石', '恒通', '天成', '顺发', '腾飞', '明珠', '瑞丰'];

export const ECONOMY_GENERATORS: Generators = {
  land_transfer(ctx) {
    const r = ctx.random('land_transfer');
    const records: DemoRecord[] = [];
    const seq: Record<string, number> = {};
    const contract = (unitId: number, values: Record<string, unknown>) => {
      const year = String(values.signed_on).slice(0, 4);
      seq[year] = (seq[year] ?? 0) + 1;
      records.push({ unitId, on: values.signed_on as string, values: { contract_no: `CSP-LZ-${year}-${pad(seq[year], 4)}`, ...values } });
    };
    for (const v of ctx.villages) {
      const cooperative = `${v.name.replace(/村$/, '')}种植专业合作社`;
      // 2021: a few contracts a village; 2022 from March on: the transfer drive, more and larger ones.
      for (const [from, to, count, scale] of [
        ['2021-01-05', '2021-12-28', r.int(5, 10), 1],
        ['2022-03-01', '2022-06-28', r.int(12, 18), 1.1],
      ] as const) {
        for (let i = 0; i < count; i++) {
          const farmland = chance(r, 0.74);
          const transfereeType = weighted(r, [
            ['农民专业合作社', 4],
            ['家庭农场', 3],
            ['种养大户', 3],
            ['农业企业', 1],
            ['村集体经济组织', 1],
          ] as const);
          const transferee =
            transfereeType === '农民专业合作社'
              ? cooperative
              : transfereeType === '家庭农场'
                ? `${ctx.people.name()}家庭农场`
                : transfereeType === '农业企业'
                  ? '汨罗市玉池农业开发有限公司'
                  : transfereeType === '村集体经济组织'
                    ? `${v.name}股份经济合作社`
                    : ctx.people.name();
          contract(v.id, {
            transferor: ctx.people.name(),
            transferee,
            transferee_type: transfereeType,
            land_type: farmland ? '耕地' : '林地',
            area: decimalBetween(r, farmland ? 8 : 15, farmland ? 42 : 60, 2) * scale,
            use: farmland
              ? weighted(r, [
                  ['水稻', 8],
                  ['蔬菜', 2],
                  ['水果', 1],
                ] as const)
              : r.pick(['油茶', '苗木花卉', '水果']),
            term_years: r.pick([3, 5, 5, 10, 10, 15]),
            rent: farmland ? r.int(200, 450) : r.int(30, 120),
            signed_on: dayBetween(r, from, to),
            filed: chance(r, 0.9),
          });
        }
      }
    }
    // 石牛冲: land of 玉池山村 to a tourism company for homestays (the report's "*余亩土地流转给玉池山居").
    contract(ctx.village('玉池山村').id, {
      transferor: '玉池山村股份经济合作社',
      transferee: '玉池山居旅游发展有限公司',
      transferee_type: '农业企业',
      land_type: '林地',
      area: 186.5,
      use: '民宿文旅',
      term_years: 20,
      rent: 150,
      signed_on: '2022-03-18',
      filed: true,
    });
    return records.map((rec) => ({ ...rec, values: { ...rec.values, area: Math.round((rec.values.area as number) * 100) / 100 } }));
  },

  early_rice(ctx) {
    const r = ctx.random('early_rice');
    return ctx.villages.flatMap((v) => {
      const base = v.households * 0.62;
      const sown2021 = Math.round(base * decimalBetween(r, 0.8, 1.1, 2) * 10) / 10;
      const sown2022 = Math.round(sown2021 * decimalBetween(r, 2.05, 2.35, 2) * 10) / 10;
      return [
        { unitId: v.id, period: '2021S1', on: '2021-06-30', values: { seedling_area: Math.round(sown2021 * 3) / 10, sown_area: sown2021 } },
        { unitId: v.id, period: '2022S1', on: '2022-06-30', values: { seedling_area: Math.round(sown2022 * 6) / 10, sown_area: sown2022 } },
      ];
    });
  },

  crop_planting(ctx) {
    const r = ctx.random('crop_planting');
    const wanping = ctx.village('川山村');
    const records: DemoRecord[] = [
      {
        unitId: wanping.id,
        on: '2022-03-10',
        values: { grower: '川山种植专业合作社（万平大棚）', crop: '早稻育秧', area: 1200, greenhouse: true, planted_on: '2022-03-10' },
      },
    ];
    for (let i = 0; i < 6; i++) {
      const area = decimalBetween(r, 20, 45, 1);
      const yieldPerMu = r.int(4000, 6000);
      const price = decimalBetween(r, 3, 4, 1);
      records.push({
        unitId: wanping.id,
        on: '2022-05-06',
        values: {
          grower: '川山种植专业合作社（万平大棚）',
          crop: '大红椒',
          area,
          greenhouse: true,
          yield_per_mu: yieldPerMu,
          price,
          expected_income: Math.round((area * yieldPerMu * price) / 100) / 100,
          planted_on: dayBetween(r, '2022-04-25', '2022-05-15'),
        },
      });
    }
    for (const v of ctx.villages) {
      for (let i = r.int(1, 3); i > 0; i--) {
        const crop = r.pick(['蔬菜', '茶叶', '水果', '中药材', '其他'] as const);
        const area = decimalBetween(r, 5, 80, 1);
        const planted = dayBetween(r, '2021-02-01', '2022-06-20');
        records.push({
          unitId: v.id,
          on: planted,
          values: { grower: `${ctx.people.name()}家庭农场`, crop, area, greenhouse: chance(r, 0.2), planted_on: planted },
        });
      }
    }
    return records;
  },

  industry_projects(ctx) {
    const r = ctx.random('industry_projects');
    const p = (village: string, values: Record<string, unknown>): DemoRecord => ({
      unitId: ctx.village(village).id,
      on: values.signed_on as string,
      values,
    });
    const records = [
      p('燕塘村', {
        name: '“氢-农业”示范项目',
        category: '现代农业',
        investor: '中新农科院',
        planned_investment: 3000,
        land_area: 45,
        trial_area: 30,
        stage: '在建',
        signed_on: '2022-02-16',
        started_on: '2022-04-08',
        summary: '研究氢水在农业灌溉和滴灌技术中的应用，改良土壤性质、提高农产品质量。',
      }),
      p('桥坪村', {
        name: '峪涧麋峰',
        category: '农旅融合',
        investor: '湖南峪涧文旅发展有限公司',
        planned_investment: 20000,
        phase: 1,
        phase_investment: 3500,
        land_area: 52,
        stage: '在建',
        signed_on: '2021-11-20',
        started_on: '2022-02-25',
        summary: '盘活万家湾组闲置宅基地开发民宿、文旅；已完成土地平整和景观苗木栽植。',
      }),
      p('玉池山村', {
        name: '石牛冲民宿农家乐',
        category: '农旅融合',
        investor: '玉池山居旅游发展有限公司',
        planned_investment: 5000,
        phase: 1,
        phase_investment: 800,
        land_area: 186.5,
        stage: '在建',
        signed_on: '2022-03-18',
        started_on: '2022-05-10',
      }),
      p('达摩岭村', {
        name: '达摩岭农特产品开发',
        category: '村集体经济',
        investor: '达摩岭村股份经济合作社',
        planned_investment: 60,
        collective_income: 12,
        stage: '建成投产',
        signed_on: '2022-01-12',
        started_on: '2022-03-01',
        summary: '租用闲置住宅，研发本土蜂蜜、笋干、云雾野茶。',
      }),
      p('川山村', {
        name: '川山坪加油站',
        category: '商贸服务',
        investor: '中石化湖南岳阳石油分公司',
        planned_investment: 800,
        land_area: 4.5,
        stage: '在建',
        signed_on: '2016-07-01',
        started_on: '2022-04-20',
      }),
      p('青江村', {
        name: '青江加油站',
        category: '商贸服务',
        investor: '汨罗市青江能源有限公司',
        planned_investment: 650,
        land_area: 3.8,
        stage: '在建',
        signed_on: '2017-05-12',
        started_on: '2022-05-28',
      }),
    ];
    for (const [i, name] of ['华新建材', '中建西部建设', '湖南五新'].entries()) {
      records.push(
        p('白马城村', {
          name: `绿色建材产业园·${name}`,
          category: '绿色建材',
          investor: `${name}集团`,
          planned_investment: 50000 + i * 10000,
          stage: '洽谈',
          signed_on: dayBetween(r, '2022-03-01', '2022-06-20'),
        }),
      );
    }
    for (const v of ctx.villages) {
      if (!chance(r, 0.6)) continue;
      const category = r.pick(['现代农业', '村集体经济', '农旅融合'] as const);
      const stage = r.pick(['签约', '在建', '建成投产'] as const);
      const signed = dayBetween(r, '2021-01-10', '2022-05-30');
      records.push({
        unitId: v.id,
        on: signed,
        values: {
          name: `${v.name.replace(/村$/, '')}${category === '现代农业' ? '高标准农田示范' : category === '农旅融合' ? '乡村旅游' : '集体光伏'}项目`,
          category,
          planned_investment: r.int(50, 900),
          collective_income: category === '村集体经济' ? r.int(3, 15) : undefined,
          stage,
          signed_on: signed,
          started_on: stage === '签约' ? undefined : dayBetween(r, signed, '2022-06-28'),
        },
      });
    }
    return records.map((rec) => ({ ...rec, values: Object.fromEntries(Object.entries(rec.values).filter(([, x]) => x !== undefined)) }));
  },

  enterprise_visits(ctx) {
    const r = ctx.random('enterprise_visits');
    const kinds = ['麻石加工', '建材', '能源', '农产品加工', '商贸', '旅游服务', '其他'] as const;
    const enterprises = Array.from({ length: 48 }, (_, i) => {
      const industry = i < 14 ? r.pick(['麻石加工', '建材', '能源'] as const) : r.pick(kinds);
      const scale = i < 14 ? '大型' : r.pick(['中型', '小型', '小型', '微型'] as const);
      const village = r.pick(ctx.villages);
      const trade = `${TRADE_NAMES[i % TRADE_NAMES.length]}${['', '兴', '达', '丰'][Math.floor(i / TRADE_NAMES.length)]}`;
      const word = industry === '麻石加工' ? '石材' : industry === '其他' ? '实业' : industry;
      return { name: `汨罗市${trade}${word}有限公司`, code: ctx.people.creditCode(), scale, industry, village };
    });
    const records: DemoRecord[] = [];
    for (let i = 0; i < 320; i++) {
      const e = i < 14 ? enterprises[i] : r.pick(enterprises);
      const visited = i < 14 ? dayBetween(r, '2022-02-10', '2022-06-25') : dayBetween(r, '2021-01-10', '2022-06-28');
      const problem = weighted(r, [
        ['无', 5],
        ['用地', 1],
        ['资金', 1],
        ['用工', 1],
        ['群众纠纷', 1],
        ['基础设施', 1],
        ['审批手续', 1],
      ] as const);
      records.push({
        unitId: e.village.id,
        on: visited,
        values: {
          enterprise: e.name,
          credit_code: e.code,
          scale: e.scale,
          industry: e.industry,
          visited_on: visited,
          cadre: ctx.people.name(),
          problem_type: problem,
          ...(problem === '无' ? {} : { problem: `企业反映${problem}方面的困难，已登记并转相关部门协调。`, solved: chance(r, 0.7) }),
        },
      });
    }
    return records;
  },

  village_basics(ctx) {
    const r = ctx.random('village_basics');
    return ctx.villages.flatMap((v) => {
      const taxable = Math.round(v.households * decimalBetween(r, 1.9, 2.6, 2) * 10) / 10;
      const forest = r.int(2500, 12000);
      return ['2021', '2022'].map((year, i) => ({
        unitId: v.id,
        period: year,
        on: `${year}-01-15`,
        values: {
          households: v.households - (1 - i) * r.int(0, 6),
          population: v.population - (1 - i) * r.int(0, 20),
          population_60: Math.round(v.population * 0.22),
          taxable_area: taxable,
          farmland_area: Math.round(taxable * 11) / 10,
          forest_area: forest,
        },
      }));
    });
  },

  forest_planting(ctx) {
    const r = ctx.random('forest_planting');
    const records: DemoRecord[] = [];
    for (const v of ctx.villages) {
      for (const [from, to, n] of [
        ['2021-01-10', '2021-03-31', r.int(0, 2)],
        ['2022-01-05', '2022-04-10', r.int(2, 4)],
      ] as const) {
        for (let i = 0; i < n; i++) {
          const species = weighted(r, [
            ['油茶', 6],
            ['楠木', 1],
            ['杉木', 1],
            ['樱花', 1],
            ['桃树', 1],
          ] as const);
          const area = decimalBetween(r, 10, 45, 1);
          const planted = dayBetween(r, from, to);
          records.push({
            unitId: v.id,
            on: planted,
            values: {
              plot: `${v.name.replace(/村$/, '')}${r.pick(['大冲', '后山', '茶园坡', '松树岭', '塘湾'])}地块${i + 1}`,
              species,
              area,
              trees: Math.round(area * (species === '油茶' ? r.int(70, 80) : r.int(40, 60))),
              grower: r.pick(['村集体', '种植大户', '合作社']),
              planted_on: planted,
            },
          });
        }
      }
    }
    return records;
  },

  road_works(ctx) {
    const r = ctx.random('road_works');
    const records: DemoRecord[] = [];
    for (const v of ctx.villages) {
      for (const half of HALVES) {
        if (!chance(r, half.id === '2022S1' ? 0.85 : 0.4)) continue;
        const type = chance(r, 0.55) ? '硬化' : '提质改造';
        const length = type === '硬化' ? decimalBetween(r, 1, 3, 2) : decimalBetween(r, 0.6, 3.5, 2);
        const started = dayBetween(r, half.from, half.to);
        const done = dayBetween(r, started, half.to);
        records.push({
          unitId: v.id,
          on: started,
          values: {
            name: `${v.name.replace(/村$/, '')}${r.pick(['至', '环', '通'])}${r.pick(['组', '村', '山'])}公路`,
            type,
            length,
            width: r.pick([3.5, 4.5, 5]),
            investment: Math.round(length * (type === '硬化' ? 60 : 45) * 100) / 100,
            stage: '完工',
            started_on: started,
            completed_on: done,
          },
        });
      }
    }
    records.push({
      unitId: ctx.village('天井山村').id,
      on: '2022-05-16',
      values: { name: '天井山村沥青公路', type: '沥青路面', length: 5.6, width: 6, investment: 780, stage: '在建', started_on: '2022-05-16' },
    });
    return records;
  },
};
