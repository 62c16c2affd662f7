// Data-quality rules between figures ("parts ≤ total", "done ≤ target"): two formulas over indicators and an
// operator, checked per village for a period against current data, so the list is current after every entry
// or import. A rule whose sides have no value for a village (nothing entered) is not a violation.
import { chinaToday } from '../../../core/china-time.js';
import { evaluateFormula, FormulaError, formulaReferences, parseFormula, type FormulaNode } from '../../../core/formula.js';
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import { lastYearRange } from '../../../core/periods.js';
import type { Queryable } from '../../db/connection.js';
import { invalid, notFound, type FieldError } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { requireTownship } from '../../policy/access.js';
import { INDICATORS } from './indicator-definitions.service.js';
import { evaluate, resolveScope, resolveWindows } from './indicator-values.service.js';
import * as repo from './indicators.repository.js';
import * as rulesRepo from './quality-rules.repository.js';
import type { ImportedRows, QualityCheck } from '../ledgers/index.js';

export const QUALITY_OPERATORS = ['<=', '<', '=', '>=', '>', '!='] as const;
export type QualityOperator = (typeof QUALITY_OPERATORS)[number];

export interface QualityRuleInput {
  name: string;
  left: string;
  operator: QualityOperator;
  right: string;
}

const holds = (a: number, op: QualityOperator, b: number) => {
  const close = Math.abs(a - b) < 1e-9;
  switch (op) {
    case '<=':
      return a < b || close;
    case '<':
      return a < b && !close;
    case '=':
      return close;
    case '>=':
      return a > b || close;
    case '>':
      return a > b && !close;
    case '!=':
      return !close;
  }
};

const ruleView = (r: rulesRepo.QualityRuleRow) => ({ id: r.id, name: r.name, left: r.left, operator: r.operator, right: r.right });

export async function listQualityRules(ctx: ServiceContext) {
  const township = await requireTownship(ctx, 'indicator.read', ctx.db, INDICATORS);
  return { items: (await rulesRepo.qualityRulesOf(ctx.db, township.id)).map(ruleView) };
}

/** Both sides must parse and read only indicators of the township (400 with the position otherwise). */
async function checkRule(tx: Queryable, townshipId: number, input: QualityRuleInput) {
  const known = new Set((await repo.listIndicators(tx, [townshipId])).map((i) => i.key));
  const errors: FieldError[] = [];
  for (const side of ['left', 'right'] as const) {
    try {
      for (const ref of formulaReferences(parseFormula(input[side]))) {
        if (!known.has(ref.key)) errors.push({ field: side, message: `第 ${ref.at} 个字符处：指标“${ref.key}”不存在` });
      }
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      errors.push({ field: side, message: error.message });
    }
  }
  if (errors.length) throw invalid(errors, '规则有误');
}

export function createQualityRule(ctx: ServiceContext, input: QualityRuleInput) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    await checkRule(tx, township.id, input);
    const row = await rulesRepo.insertQualityRule(tx, { townshipId: township.id, ...input, createdBy: ctx.actor.userId });
    await recordAudit(tx, ctx.actor, {
      action: 'quality_rule.create',
      entity: 'quality_rule',
      entityId: row.id,
      townshipId: township.id,
      after: input,
    });
    return ruleView(row);
  });
}

export function updateQualityRule(ctx: ServiceContext, id: number, input: QualityRuleInput) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    const before = await rulesRepo.findQualityRule(tx, township.id, id);
    if (!before) throw notFound('规则');
    await checkRule(tx, township.id, input);
    const row = await rulesRepo.updateQualityRule(tx, township.id, id, input);
    await recordAudit(tx, ctx.actor, {
      action: 'quality_rule.update',
      entity: 'quality_rule',
      entityId: id,
      townshipId: township.id,
      before: ruleView(before),
      after: input,
    });
    return ruleView(row);
  });
}

export function deleteQualityRule(ctx: ServiceContext, id: number) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'indicator.define', tx, INDICATORS);
    const row = await rulesRepo.deleteQualityRule(tx, township.id, id);
    if (!row) throw notFound('规则');
    await recordAudit(tx, ctx.actor, { action: 'quality_rule.delete', entity: 'quality_rule', entityId: id, townshipId: township.id, before: row });
  });
}

/** Every rule checked for every village of the township in the period; the violations, rule by rule. */
export async function qualityViolations(ctx: ServiceContext, query: { period: string; asOf?: string }) {
  const township = await requireTownship(ctx, 'indicator.read', ctx.db, INDICATORS);
  const { items: rules } = await listQualityRules(ctx);
  const [window] = resolveWindows([query.period], query.asOf ?? chinaToday());
  const parsed = rules.map((r) => ({ rule: r, left: parseFormula(r.left), right: parseFormula(r.right) }));
  const keys = [...new Set(parsed.flatMap((p) => [...formulaReferences(p.left), ...formulaReferences(p.right)].map((r) => r.key)))];
  const scope = await resolveScope(ctx.db, township, 'village');
  const available = new Set((await repo.listIndicators(ctx.db, [township.id])).map((i) => i.key));
  const lastYear = { ...window, ...lastYearRange(window), id: `${window.id}~ly` };
  const { value, target } = await evaluate(
    ctx.db,
    scope,
    keys.filter((k) => available.has(k)),
    [window, lastYear],
  );
  const run = (node: FormulaNode, subject: string) =>
    evaluateFormula(node, (key, of) => {
      if (!available.has(key)) return null;
      if (of === 'target') return target(key, subject, window.id);
      return value(key, subject, of === 'value' ? window.id : lastYear.id);
    });
  const items = parsed.flatMap(({ rule, left, right }) =>
    scope.subjects.flatMap((s) => {
      const a = run(left, s.id);
      const b = run(right, s.id);
      if (a === null || b === null || holds(a, rule.operator as QualityOperator, b)) return [];
      return [{ rule: { id: rule.id, name: rule.name, operator: rule.operator }, orgUnit: { code: s.code, name: s.name }, left: a, right: b }];
    }),
  );
  return { period: { id: window.id, label: window.label }, checked: rules.length * scope.subjects.length, items };
}

const CHECKED_PERIODS = 6;

/**
 * The periods an import touched: a periodic ledger's periods; for a register ledger the months of its date
 * values. The latest few, newest first.
 */
export function touchedPeriods(rows: { period: string | null; values: Record<string, unknown> }[], fields: FieldDefinition[]): string[] {
  const dates = fields.filter((f) => f.type === 'date' || f.type === 'datetime').map((f) => f.key);
  const periods = new Set<string>();
  for (const row of rows) {
    if (row.period) {
      periods.add(row.period);
      continue;
    }
    for (const key of dates) {
      const value = row.values[key];
      if (typeof value === 'string' && /^\d{4}-\d{2}/.test(value)) periods.add(value.slice(0, 4) + value.slice(5, 7));
    }
  }
  return [...periods].sort().reverse().slice(0, CHECKED_PERIODS);
}

/** The quality check shown after a ledger import (registered with the ledgers module by app.ts). */
export function qualityAfterImport(ctx: ServiceContext, imported: ImportedRows): Promise<QualityCheck | null> {
  return checkAfterImport(ctx, touchedPeriods(imported.rows, imported.fields));
}

/** The rules checked for the given periods after an import; null when the township has no rules. */
export async function checkAfterImport(ctx: ServiceContext, periods: string[]): Promise<QualityCheck | null> {
  if (periods.length === 0) return null;
  const township = await requireTownship(ctx, 'indicator.read', ctx.db, INDICATORS);
  if (!(await rulesRepo.hasQualityRules(ctx.db, township.id))) return null;
  const results = [];
  for (const period of periods) results.push(await qualityViolations(ctx, { period }));
  return {
    periods: results.map((r) => ({ id: r.period.id, label: r.period.label, violations: r.items.length })),
    items: results
      .flatMap((r) => r.items.map((i) => ({ rule: i.rule.name, orgUnit: i.orgUnit.name, period: r.period.label, left: i.left, right: i.right })))
      .slice(0, 20),
  };
}
