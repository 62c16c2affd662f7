// The demo township's ranking boards and data-quality rules, as a township office would set them up: the
// vaccination and land-transfer boards of the half-year report, a board of the cadre groups, and the checks
// that parts never exceed their totals.
import { rankings, qualityRules } from '../src/server/db/schema.js';
import type { Queryable } from '../src/server/db/connection.js';

const BOARDS = [
  {
    key: 'vaccination_60_board',
    name: '60岁以上疫苗接种龙虎榜',
    indicator: 'vaccination_60_completion',
    subject: 'village',
    style: 'dragon_tiger',
    topN: 3,
    bottomN: 3,
    requireTarget: false,
  },
  {
    key: 'land_transfer_board',
    name: '土地流转红黑榜',
    indicator: 'land_transferred',
    subject: 'village',
    style: 'red_black',
    topN: 3,
    bottomN: 3,
    requireTarget: true,
  },
  {
    key: 'booster_daily_board',
    name: '加强针接种日调度排名',
    indicator: 'booster_doses',
    subject: 'village',
    style: 'dragon_tiger',
    topN: 3,
    bottomN: 3,
    requireTarget: false,
  },
  {
    key: 'house_inspection_groups',
    name: '包村小组自建房排查排名',
    indicator: 'houses_inspected',
    subject: 'cadre_group',
    style: 'red_black',
    topN: 1,
    bottomN: 1,
    requireTarget: false,
  },
] as const;

const RULES = [
  { name: '流转耕地面积不超过流转总面积', left: 'land_transferred_cultivated', operator: '<=', right: 'land_transferred' },
  { name: '60岁以上加强针不超过加强针总数', left: 'booster_doses_60', operator: '<=', right: 'booster_doses' },
  { name: '60岁以上已接种人数不超过60岁以上人口', left: 'first_doses_60_done', operator: '<=', right: 'population_60' },
] as const;

/** Creates the boards and rules whose indicators are installed; returns how many of each. */
export async function loadDemoBoards(q: Queryable, townshipId: number, userId: number | null, indicatorIds: Map<string, number>) {
  const boards = BOARDS.filter((b) => indicatorIds.has(b.indicator));
  if (boards.length) {
    await q
      .insert(rankings)
      .values(boards.map((b) => ({ ...b, townshipId, indicatorId: indicatorIds.get(b.indicator)!, exemptions: [], createdBy: userId })));
  }
  const rules = RULES.filter((r) => indicatorIds.has(r.left) && indicatorIds.has(r.right));
  if (rules.length) await q.insert(qualityRules).values(rules.map((r) => ({ ...r, townshipId, createdBy: userId })));
  return { boards: boards.length, rules: rules.length };
}
