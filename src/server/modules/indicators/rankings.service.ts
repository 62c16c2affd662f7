// Rankings (龙虎榜 / 红黑榜): the township's villages or cadre groups ordered by an indicator for a period, put
// on the boards by the ranking's rules (core/ranking.ts), with each subject's rank in the period before.
import ExcelJS from 'exceljs';
import { chinaToday } from '../../../core/china-time.js';
import { completion, shownNumber, shownUnit, type IndicatorFormat } from '../../../core/indicators.js';
import { BOARD_NAMES, rankContestants, type BoardStyle, type RankingDefinition, type TieRule } from '../../../core/ranking.js';
import { addDays, daysIn, isLastYear, matchingDays, periodFileTag, periodOfWindow, shiftPeriod, type PeriodWindow } from '../../../core/periods.js';
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { addTableSheet, workbookBuffer } from '../../http/xlsx.js';
import { recordAudit } from '../audit/index.js';
import type { OrgUnitRef } from '../org/index.js';
import { requireTownship } from '../../policy/access.js';
import { INDICATORS } from './indicator-definitions.service.js';
import { evaluate, resolveScope, resolveWindows } from './indicator-values.service.js';
import * as repo from './indicators.repository.js';
import * as rankingsRepo from './rankings.repository.js';

export type RankingInput = RankingDefinition;

const view = (r: rankingsRepo.RankingRow, indicator: string) => ({
  key: r.key,
  name: r.name,
  indicator,
  subject: r.subject,
  style: r.style,
  topN: r.topN,
  bottomN: r.bottomN,
  requireTarget: r.requireTarget,
  ties: r.ties as TieRule,
  exemptions: r.exemptions as RankingInput['exemptions'],
});

export async function listRankings(ctx: ServiceContext) {
  const township = await requireTownship(ctx, 'indicator.read', ctx.db, INDICATORS);
  return { items: (await rankingsRepo.rankingsOf(ctx.db, township.id)).map((r) => view(r.ranking, r.indicator)) };
}

async function rankingOf(q: Queryable, townshipId: number, key: string) {
  const row = (await rankingsRepo.rankingsOf(q, townshipId)).find((r) => r.ranking.key === key);
  if (!row) throw notFound(`排行榜“${key}”`);
  return row;
}

/** The indicator's id, after checking the exemptions name subjects of the township. */
async function checkInput(q: Queryable, township: OrgUnitRef, input: Omit<RankingInput, 'key'>) {
  const indicator = await repo.findIndicator(q, township.id, input.indicator);
  if (!indicator) throw invalid([{ field: 'indicator', message: `指标“${input.indicator}”不存在` }]);
  const scope = await resolveScope(q, township, input.subject);
  const codes = new Set(scope.subjects.map((s) => s.code));
  const errors = input.exemptions.flatMap((e, i) =>
    codes.has(e.subject)
      ? []
      : [{ field: `exemptions.${i}.subject`, message: `“${e.subject}”不是本镇的${input.subject === 'village' ? '村（社区）' : '包村小组'}` }],
  );
  if (errors.length) throw invalid(errors, '豁免对象有误');
  return indicator.id;
}

export function createRanking(ctx: ServiceContext, input: RankingInput) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    if ((await rankingsRepo.rankingsOf(tx, township.id)).some((r) => r.ranking.key === input.key))
      throw new AppError('CONFLICT', `排行榜标识“${input.key}”已被使用`);
    const indicatorId = await checkInput(tx, township, input);
    const row = await rankingsRepo.insertRanking(tx, {
      townshipId: township.id,
      key: input.key,
      name: input.name,
      indicatorId,
      subject: input.subject,
      style: input.style,
      topN: input.topN,
      bottomN: input.bottomN,
      requireTarget: input.requireTarget,
      ties: input.ties,
      exemptions: input.exemptions,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx.actor, { action: 'ranking.create', entity: 'ranking', entityId: row.id, townshipId: township.id, after: input });
    return view(row, input.indicator);
  });
}

export function updateRanking(ctx: ServiceContext, key: string, input: Omit<RankingInput, 'key'>) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    const before = await rankingOf(tx, township.id, key);
    const indicatorId = await checkInput(tx, township, input);
    const row = await rankingsRepo.updateRanking(tx, before.ranking.id, {
      name: input.name,
      indicatorId,
      subject: input.subject,
      style: input.style,
      topN: input.topN,
      bottomN: input.bottomN,
      requireTarget: input.requireTarget,
      ties: input.ties,
      exemptions: input.exemptions,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'ranking.update',
      entity: 'ranking',
      entityId: row.id,
      townshipId: township.id,
      before: view(before.ranking, before.indicator),
      after: input,
    });
    return view(row, input.indicator);
  });
}

export function deleteRanking(ctx: ServiceContext, key: string) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    const row = await rankingOf(tx, township.id, key);
    await rankingsRepo.deleteRanking(tx, row.ranking.id);
    await recordAudit(tx, ctx.actor, {
      action: 'ranking.delete',
      entity: 'ranking',
      entityId: row.ranking.id,
      townshipId: township.id,
      before: view(row.ranking, row.indicator),
    });
  });
}

/**
 * The period before: the previous period of the same type, or the same number of days before a relative one. A
 * period still running is compared with as many days of the one before: 2022 as of 30 June with 2021 to 30 June.
 */
function previousWindow(window: PeriodWindow): PeriodWindow {
  const period = periodOfWindow(window.id);
  if (period) {
    const before = shiftPeriod(period, -1);
    // (for LY: the period before a year back is not always last year's form of the one before: weeks, 29 February)
    const id = isLastYear(window.id) ? `${window.id}~prev` : before.id;
    return { ...window, id, ...matchingDays(before, period, window.end), label: before.id };
  }
  const days = daysIn(window);
  return { ...window, id: `${window.id}~prev`, start: addDays(window.start, -days), end: addDays(window.end, -days), label: '上一期' };
}

export async function rankingBoard(ctx: ServiceContext, key: string, query: { period: string; asOf?: string }) {
  const township = await requireTownship(ctx, 'indicator.read', ctx.db, INDICATORS);
  const { ranking, indicator: indicatorKey } = await rankingOf(ctx.db, township.id, key);
  const [window] = resolveWindows([query.period], query.asOf ?? chinaToday());
  const previous = previousWindow(window);
  const scope = await resolveScope(ctx.db, township, ranking.subject as RankingInput['subject']);
  const { value, target } = await evaluate(ctx.db, scope, [indicatorKey], [window, previous]);
  const meta = (await repo.findIndicator(ctx.db, township.id, indicatorKey))!;
  const exemptions = new Map((ranking.exemptions as RankingInput['exemptions']).map((e) => [e.subject, e.reason]));
  const rules = {
    topN: ranking.topN,
    bottomN: ranking.bottomN,
    requireTarget: ranking.requireTarget,
    ties: ranking.ties as TieRule,
    higherIsBetter: meta.higherIsBetter,
  };
  const contestants = (w: PeriodWindow) =>
    scope.subjects.map((s) => {
      const v = value(indicatorKey, s.id, w.id);
      return { id: s.id, value: v, completion: completion(v, target(indicatorKey, s.id, w.id)), exemption: exemptions.get(s.id) ?? null };
    });
  const now = contestants(window);
  const placed = rankContestants(now, rules);
  // With no figures at all in the period before (all empty or zero), there is no rank to have changed from.
  const earlier = contestants(previous);
  const hadFigures = earlier.some((c) => c.value !== null && c.value !== 0);
  const before = new Map(hadFigures ? rankContestants(earlier, rules).map((p) => [p.id, p.rank]) : []);
  const items = scope.subjects
    .map((s, i) => {
      const rank = placed[i].rank;
      const previousRank = before.get(s.id) ?? null;
      return {
        subject: { code: s.code, name: s.name },
        value: now[i].value,
        target: target(indicatorKey, s.id, window.id),
        completion: now[i].completion,
        rank,
        previousRank,
        change: rank !== null && previousRank !== null ? previousRank - rank : null,
        board: placed[i].board,
        exemption: now[i].exemption,
      };
    })
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.subject.code.localeCompare(b.subject.code));
  return {
    ranking: { ...view(ranking, indicatorKey), boardNames: BOARD_NAMES[ranking.style as BoardStyle] },
    indicator: { key: meta.key, name: meta.name, unit: meta.unit, decimals: meta.decimals, scale: meta.scale, higherIsBetter: meta.higherIsBetter },
    period: { id: window.id, label: window.label, start: window.start, end: window.end },
    previousPeriod: { id: previous.id, start: previous.start, end: previous.end, hasFigures: hadFigures },
    items,
  };
}

export async function rankingBoardXlsx(ctx: ServiceContext, key: string, query: { period: string; asOf?: string }) {
  const board = await rankingBoard(ctx, key, query);
  const names = board.ranking.boardNames;
  const format = board.indicator as IndicatorFormat;
  const workbook = new ExcelJS.Workbook();
  // Numbers as numbers (the unit in the header), so the sheet can be summed and sorted.
  const unit = shownUnit(format);
  const withUnit = (header: string) => (unit ? `${header}（${unit}）` : header);
  addTableSheet(
    workbook,
    names.title,
    [
      { header: '名次', key: 'rank', width: 8 },
      { header: '单位', key: 'name', width: 18 },
      { header: withUnit(board.indicator.name), key: 'value', width: 18 },
      { header: withUnit('目标'), key: 'target', width: 14 },
      { header: '完成率(%)', key: 'completion', width: 10 },
      { header: '较上期', key: 'change', width: 10 },
      { header: '上榜', key: 'board', width: 8 },
      { header: '豁免原因', key: 'exemption', width: 24 },
    ],
    board.items.map((i) => ({
      rank: i.rank ?? '—',
      name: i.subject.name,
      value: shownNumber(i.value, format),
      target: shownNumber(i.target, format),
      completion: i.completion === null ? null : Number(i.completion.toFixed(1)),
      change: i.change === null || !board.previousPeriod.hasFigures ? '—' : i.change > 0 ? `↑${i.change}` : i.change < 0 ? `↓${-i.change}` : '持平',
      board: i.board === 'top' ? names.top : i.board === 'bottom' ? names.bottom : '',
      exemption: i.exemption ?? '',
    })),
  );
  return { fileName: `${board.ranking.name}-${periodFileTag(board.period.id)}.xlsx`, buffer: await workbookBuffer(workbook) };
}
