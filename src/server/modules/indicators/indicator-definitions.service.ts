// Indicator definitions: listing, creating, changing and deleting, each checked against the township's ledgers
// and other indicators (core/indicators.ts definitionProblems) before anything is stored.
import { chinaToday } from '../../../core/china-time.js';
import { definitionProblems, formulaKeys, sourceReferences, type IndicatorSource, type LedgerShape, type Scale } from '../../../core/indicators.js';
import { pinyinInitials } from '../../../core/search-text.js';
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { requireTownship, type TownshipTarget } from '../../policy/access.js';
import { recordAudit } from '../audit/index.js';
import { ledgerShapes } from '../ledgers/index.js';
import * as repo from './indicators.repository.js';
import { qualityRulesOf } from './quality-rules.repository.js';
import { rankingNamesUsing } from './rankings.repository.js';
import { evaluate, resolveScope, resolveWindows } from './indicator-values.service.js';
import type { CreateIndicatorInput, UpdateIndicatorInput } from './indicators.schemas.js';
import { workLineNamed } from '../cadre/index.js';

/** How indicator use cases name their township to the access check (policy/access.ts). */
export const INDICATORS: TownshipTarget = { what: '指标' };

export interface IndicatorView {
  key: string;
  name: string;
  description: string | null;
  workLine: string | null;
  unit: string;
  decimals: number;
  scale: Scale;
  higherIsBetter: boolean;
  builtin: boolean;
  source: IndicatorSource;
  ledgerName: string | null;
  dependsOn: string[];
}

async function shapes(q: Queryable, townshipId: number) {
  const ledgers = await ledgerShapes(q, [townshipId]);
  return new Map<string, LedgerShape & { name: string }>(
    ledgers.map((l) => [l.key, { name: l.name, kind: l.kind, fields: [...l.fields.values()], states: l.workflowStates }]),
  );
}

function view(row: repo.IndicatorRow, ledgerNames: Map<string, string>): IndicatorView {
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    workLine: row.workLine,
    unit: row.unit,
    decimals: row.decimals,
    scale: row.scale,
    higherIsBetter: row.higherIsBetter,
    builtin: row.builtin,
    source: row.source,
    ledgerName: row.source.type === 'formula' ? null : (ledgerNames.get(row.source.ledger) ?? null),
    dependsOn: sourceReferences(row.source),
  };
}

export async function listIndicators(ctx: ServiceContext) {
  const township = await requireTownship(ctx, 'indicator.read', ctx.db, INDICATORS);
  const [rows, ledgers] = await Promise.all([repo.listIndicators(ctx.db, [township.id]), ledgerShapes(ctx.db, [township.id])]);
  const names = new Map(ledgers.map((l) => [l.key, l.name]));
  return { items: rows.map((r) => view(r, names)) };
}

export async function getIndicator(ctx: ServiceContext, key: string) {
  const township = await requireTownship(ctx, 'indicator.read', ctx.db, INDICATORS);
  const row = await repo.findIndicator(ctx.db, township.id, key);
  if (!row) throw notFound(`指标“${key}”`);
  const ledgers = await ledgerShapes(ctx.db, [township.id]);
  return view(row, new Map(ledgers.map((l) => [l.key, l.name])));
}

/** Refuses (400) a definition whose source does not fit the township's ledgers and indicators. */
export async function checkSource(q: Queryable, townshipId: number, key: string, source: IndicatorSource) {
  const others = new Map((await repo.listIndicators(q, [townshipId])).filter((i) => i.key !== key).map((i) => [i.key, i.source]));
  const problems = definitionProblems(key, source, await shapes(q, townshipId), others);
  if (problems.length) throw invalid(problems, '指标定义有误');
}

async function workLineId(q: Queryable, townshipId: number, name: string | null | undefined): Promise<number | null> {
  if (!name) return null;
  const line = await workLineNamed(q, townshipId, name);
  if (!line) throw invalid([{ field: 'workLine', message: `工作条线“${name}”不存在` }]);
  return line.id;
}

/**
 * A key for an indicator named in Chinese, as a township would abbreviate it: the pinyin initials of its name
 * (重大隐患数 → zdyhs), numbered when taken (zdyhs_2). Formulas read keys, so they should be short and guessable.
 */
async function keyFromName(q: Queryable, townshipId: number, name: string): Promise<string> {
  const letters = (pinyinInitials(name) || name.toLowerCase())
    .replace(/[^a-z0-9]+/g, '_')
    .slice(0, 40)
    .replace(/^_+|_+$/g, '');
  const base = /^[a-z][a-z0-9_]+$/.test(letters) ? letters : `zb_${letters || 'x'}`.replace(/_+$/, '');
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}_${n}`;
    if (!(await repo.findIndicator(q, townshipId, key))) return key;
  }
}

export function createIndicator(ctx: ServiceContext, body: CreateIndicatorInput) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    const input = { ...body, key: body.key ?? (await keyFromName(tx, township.id, body.name)) };
    if (await repo.findIndicator(tx, township.id, input.key)) throw new AppError('CONFLICT', `指标标识“${input.key}”已被使用`);
    await checkSource(tx, township.id, input.key, input.source);
    const id = await repo.insertIndicator(tx, {
      townshipId: township.id,
      key: input.key,
      name: input.name,
      description: input.description ?? null,
      workLineId: await workLineId(tx, township.id, input.workLine),
      source: input.source,
      unit: input.unit,
      decimals: input.decimals,
      scale: input.scale,
      higherIsBetter: input.higherIsBetter,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx.actor, { action: 'indicator.create', entity: 'indicator', entityId: id, townshipId: township.id, after: input });
    const ledgers = await ledgerShapes(tx, [township.id]);
    return view((await repo.findIndicator(tx, township.id, input.key))!, new Map(ledgers.map((l) => [l.key, l.name])));
  });
}

export function updateIndicator(ctx: ServiceContext, key: string, input: UpdateIndicatorInput) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    const before = await repo.findIndicator(tx, township.id, key);
    if (!before) throw notFound(`指标“${key}”`);
    await checkSource(tx, township.id, key, input.source);
    await repo.updateIndicator(tx, before.id, {
      name: input.name,
      description: input.description ?? null,
      workLineId: await workLineId(tx, township.id, input.workLine),
      source: input.source,
      unit: input.unit,
      decimals: input.decimals,
      scale: input.scale,
      higherIsBetter: input.higherIsBetter,
    });
    await recordAudit(tx, ctx.actor, {
      action: 'indicator.update',
      entity: 'indicator',
      entityId: before.id,
      townshipId: township.id,
      before,
      after: input,
    });
    const ledgers = await ledgerShapes(tx, [township.id]);
    return view((await repo.findIndicator(tx, township.id, key))!, new Map(ledgers.map((l) => [l.key, l.name])));
  });
}

/** Deletes an indicator no formula, ranking or quality rule uses (409 naming the users otherwise). */
export function deleteIndicator(ctx: ServiceContext, key: string) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    const all = await repo.listIndicators(tx, [township.id]);
    const row = all.find((i) => i.key === key);
    if (!row) throw notFound(`指标“${key}”`);
    const formulas = all.filter((i) => sourceReferences(i.source).includes(key)).map((i) => `指标“${i.name}”`);
    const boards = await rankingNamesUsing(tx, row.id);
    const rules = (await qualityRulesOf(tx, township.id)).filter((r) => [...formulaKeys(r.left), ...formulaKeys(r.right)].includes(key));
    const users = [...formulas, ...boards.map((b) => `排行榜“${b}”`), ...rules.map((r) => `数据质量规则“${r.name}”`)];
    if (users.length) throw new AppError('CONFLICT', `${users.join('、')}正在使用指标“${row.name}”，请先修改它们`);
    await repo.deleteIndicator(tx, row.id);
    await recordAudit(tx, ctx.actor, { action: 'indicator.delete', entity: 'indicator', entityId: row.id, townshipId: township.id, before: row });
  });
}

export interface PreviewInput {
  key?: string;
  source: IndicatorSource;
  period: string;
  asOf?: string;
}

/** The value a definition would have for the township, before it is saved (the definition form's preview). */
export async function previewIndicator(ctx: ServiceContext, input: PreviewInput) {
  const township = await requireTownship(ctx, 'indicator.define', ctx.db, INDICATORS);
  const key = input.key ?? 'preview';
  const [window] = resolveWindows([input.period], input.asOf ?? chinaToday());
  await checkSource(ctx.db, township.id, key, input.source);
  const scope = await resolveScope(ctx.db, township);
  const { value } = await evaluate(ctx.db, scope, [key], [window], { townshipId: township.id, key, source: input.source });
  return { key, orgUnit: township.code, period: { id: window.id, label: window.label }, value: value(key, township.code, window.id) };
}
