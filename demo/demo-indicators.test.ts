// Every figure the half-year report reads from an indicator (docs/report-mapping.md) has a plausible value for
// the demo township, computed through the values API as the report will read it. The demo loads once per file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, SESSION_COOKIE } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { openTestDatabase } from '../src/server/testing/test-app.js';
import { BUILTIN_INDICATORS } from '../src/server/modules/indicators/library/index.js';
import { loadDemoTownship } from './demo-township.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOWNSHIP = '430681105000';
const VILLAGE_CODES: Record<string, string> = { 三姊村: '430681105227', 燕塘村: '430681105229' };
const AS_OF = '2022-06-30';

interface Reading {
  row: number;
  key: string;
  period: string;
  orgUnit: string;
}

/** The indicator rows of the mapping: `indicator **key** (…), period P[, 村]`. */
const readings: Reading[] = fs
  .readFileSync(path.join(root, 'docs/report-mapping.md'), 'utf8')
  .split('\n')
  .map((line) => /^\| (\d+) \|[^|]*\| indicator \*\*([a-z0-9_]+)\*\*.*, period (\S+?)(?:, (\S+村))? \|$/.exec(line))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => ({ row: Number(m[1]), key: m[2], period: m[3], orgUnit: m[4] ? VILLAGE_CODES[m[4]] : TOWNSHIP }));

// What the report's figures look like (川山坪镇, 2022 half year), as ranges a plausible demo value falls in.
// Rows not listed only need a positive value.
const PLAUSIBLE: Record<number, [number, number]> = {
  16: [2, 6], // 同*家国内建材领域大型企业进行早期磋商
  26: [1, 5], // 成立了*支“妇女工作队”
  28: [6000, 9000], // 共计流转土地*亩
  29: [3500, 7000], // 其中耕地*亩
  30: [1000, 4000], // 林地*亩
  31: [15, 40], // 占计税总面积的*%
  32: [2000, 8000], // 较去年同比增长*亩
  33: [50, 600], // 增幅*%
  35: [3000, 10000], // 早稻集中育秧面积*亩
  36: [10000, 15000], // 早稻生产总面积历史上首次突破万亩
  37: [4000, 7000], // 在去年*亩的基础上（翻番）
  42: [500, 3000], // “万平大棚计划”，集中育秧*亩
  44: [3, 6], // 亩产可达*-*千斤
  45: [4, 7],
  46: [2, 6], // 平均每斤收益可达*元
  47: [100, 600], // 预计能带来*万元的经济效益
  55: [100, 300], // 将石牛冲的*余亩土地流转给玉池山居
  58: [8, 30], // 走访辖区内*家大型企业
  59: [1, 4], // 让*家已签约多年…加油站在今年破土动工
  67: [10, 500], // 加强针接种昨日*剂
  68: [100, 3000], // 近七日累计*剂
  70: [3000, 10000], // 接种任务数*人
  71: [3000, 10000], // 已完成*人
  78: [5, 40], // 全镇*处小I、II型水库
  79: [24, 24], // 水库*小时专人值守
  81: [50, 1000], // 转移…群众*人
  85: [5000, 12000], // 共计*栋房屋的排查任务
  86: [30000, 300000], // 约*万株
  94: [5000, 30000], // 覆盖人口达*万人
  95: [3, 3], // 计划打造三姊村*个
  96: [2, 2], // 燕塘村*个秀美屋场
  97: [100, 400], // 完成厕改*户
  108: [500000, 3000000], // 已筹集教育资金*余万元
  124: [500, 3000], // 发对全镇*余户
  127: [1000000, 10000000], // 拨付救助金额*余万元
  130: [5000, 30000], // 城乡居民养老保险缴费*余人
  137: [17, 17], // 对*个充分就业村（every village）
  138: [10000, 30000], // *万余劳动力资源
  141: [150, 600], // 将*户…纳入监测范围
  142: [400, 2000], // *名易返贫致贫人口
  148: [2000, 4000], // 人均月工资超*元
  150: [500000, 3000000], // 共计完成消费扶贫*万元
  152: [15, 25], // 全镇共有后盾单位*个
  153: [17, 60], // 驻村队员*名
};

type Value = { indicator: string; orgUnit: string; period: string; value: number | null; target?: number | null; completion?: number | null };

describe('demo indicators', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let cookie = '';
  const values = new Map<number, number | null>();

  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Value[] };
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    await loadDemoTownship(database.db, { adminPassword: 'Demo-pass-2022', demoPassword: 'Demo-pass-2022' });
    app = await buildApp({ database, config: { ...loadConfig({}), dataDir: '/nonexistent' } });
    await app.ready();
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'shuji', password: 'Demo-pass-2022' } });
    cookie = `${SESSION_COOKIE}=${login.cookies.find((c) => c.name === SESSION_COOKIE)!.value}`;
    // One request per period and unit, as a report template would ask.
    const groups = new Map<string, Reading[]>();
    for (const r of readings) groups.set(`${r.period}|${r.orgUnit}`, [...(groups.get(`${r.period}|${r.orgUnit}`) ?? []), r]);
    for (const [group, rs] of groups) {
      const [period, orgUnit] = group.split('|');
      const keys = [...new Set(rs.map((r) => r.key))].join(',');
      const { items } = await get(`/api/indicators/values?keys=${keys}&period=${period}&asOf=${AS_OF}&orgUnit=${orgUnit}`);
      for (const r of rs) values.set(r.row, items.find((i) => i.indicator === r.key)?.value ?? null);
    }
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await database?.dispose();
  });

  it('installs the whole library into the demo township', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/indicators', headers: { cookie } });
    expect((res.json() as { items: unknown[] }).items).toHaveLength(BUILTIN_INDICATORS.length);
  });

  it('gives every indicator figure of the report a value', () => {
    expect(readings).toHaveLength(98);
    const empty = readings.filter((r) => values.get(r.row) === null || values.get(r.row) === 0).map((r) => `#${r.row} ${r.key} ${r.period}`);
    expect(empty).toEqual([]);
  });

  it("gives values of the report's size", () => {
    const outside = readings
      .filter((r) => {
        const range = PLAUSIBLE[r.row];
        const v = values.get(r.row);
        return range && (v === null || v === undefined || v < range[0] || v > range[1]);
      })
      .map((r) => `#${r.row} ${r.key} = ${values.get(r.row)} not in ${PLAUSIBLE[r.row]}`);
    expect(outside).toEqual([]);
  });

  it('has demo targets for 2022S1 and 2022 that some villages meet and others miss', async () => {
    for (const key of ['land_transferred', 'first_doses_60_done', 'toilets_renovated', 'houses_inspected']) {
      for (const period of ['2022S1', '2022']) {
        const query = `keys=${key}&period=${period}&asOf=${AS_OF}&orgUnit=${TOWNSHIP}&targets=true`;
        const villages = (await get(`/api/indicators/values?${query}&by=village`)).items.filter((i) => i.orgUnit !== TOWNSHIP);
        expect(villages, `${key} ${period}`).toHaveLength(17);
        expect(
          villages.every((v) => (v.target ?? 0) > 0 && v.value !== null),
          `${key} ${period}`,
        ).toBe(true);
        const [township] = (await get(`/api/indicators/values?${query}`)).items;
        expect(township.target).toBeCloseTo(
          villages.reduce((sum, v) => sum + v.target!, 0),
          6,
        );
        if (period === '2022S1' && key === 'land_transferred') {
          // The completion formula reads the same targets, asked for on its own.
          const { items } = await get(`/api/indicators/values?keys=land_transfer_completion&period=${period}&asOf=${AS_OF}&orgUnit=${TOWNSHIP}`);
          const completion = items.find((i) => i.indicator === 'land_transfer_completion')!;
          expect(completion.value).toBeCloseTo((township.value! / township.target!) * 100, 6);
        }
        if (period === '2022S1') {
          const met = villages.filter((v) => v.completion! >= 100).length;
          expect(met, `${key}: villages meeting the target`).toBeGreaterThan(0);
          expect(met, `${key}: villages meeting the target`).toBeLessThan(17);
        }
      }
    }
  });

  it("sets the 60+ first-dose target to the city's task, so the card and the completion rate agree", async () => {
    const query = `period=2022S1&asOf=${AS_OF}&orgUnit=${TOWNSHIP}&by=village`;
    const { items } = await get(
      `/api/indicators/values?keys=first_doses_60_done,vaccination_target_60,vaccination_60_completion&${query}&targets=true`,
    );
    const of = (key: string, unit: string) => items.find((i) => i.indicator === key && i.orgUnit === unit)!;
    const villages = [...new Set(items.map((i) => i.orgUnit))].filter((u) => u !== TOWNSHIP);
    expect(villages).toHaveLength(17);
    for (const unit of villages) {
      expect(of('first_doses_60_done', unit).target, unit).toBe(of('vaccination_target_60', unit).value);
      expect(of('first_doses_60_done', unit).completion!, unit).toBeCloseTo(of('vaccination_60_completion', unit).value!, 6);
    }
  });

  it('has its ranking boards and keeps its own data-quality rules', async () => {
    const boards = (await get('/api/rankings')).items as unknown as { key: string }[];
    expect(boards.map((b) => b.key)).toEqual(['vaccination_60_board', 'land_transfer_board', 'booster_daily_board', 'house_inspection_groups']);
    const land = (await get(`/api/rankings/land_transfer_board/board?period=2022S1&asOf=${AS_OF}`)) as unknown as {
      items: { rank: number | null; board: string | null }[];
    };
    expect(land.items).toHaveLength(17);
    expect(land.items.some((i) => i.board === 'top') && land.items.some((i) => i.board === 'bottom')).toBe(true);
    const groups = (await get(`/api/rankings/house_inspection_groups/board?period=2022S1&asOf=${AS_OF}`)) as unknown as {
      items: { rank: number | null }[];
    };
    expect(groups.items.length).toBeGreaterThan(1);
    expect(groups.items.every((i) => i.rank !== null)).toBe(true);
    const quality = (await get(`/api/quality-rules/violations?period=2022S1&asOf=${AS_OF}`)) as unknown as { checked: number; items: unknown[] };
    expect(quality.checked).toBe(3 * 17);
    expect(quality.items).toEqual([]);
  });

  it('has villages submitting their periodic figures: mostly on time, some late, the latest still coming in', async () => {
    const daily = (await get(`/api/ledgers/vaccination_daily/submissions/20220615`)) as unknown as {
      reportingRate: number;
      onTimeRate: number;
      items: { status: string }[];
    };
    expect(daily.items).toHaveLength(17);
    expect(daily.reportingRate).toBeGreaterThan(80);
    expect(daily.onTimeRate).toBeLessThanOrEqual(daily.reportingRate);
    expect(daily.items.filter((i) => i.status === 'approved').length).toBeGreaterThan(10);
    const overdue = (await get(`/api/submissions/overdue?asOf=${AS_OF}`)) as unknown as { items: { period: string }[] };
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.length).toBeLessThan((17 * 60) / 4);
  });
});
