// Ledger definitions: created and changed by the township's leaders and work-line leads. A change of fields
// writes a new version and never rewrites an old one; a field that holds data can be retired, not removed.
import { AppError, invalid } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import type { Workflow } from '../../../core/ledger-workflow.js';
import { recordAudit } from '../audit/index.js';
import { isPersonalField, openValues } from '../personal-data/index.js';
import { requireTownship } from '../../policy/access.js';
import { LEDGERS, ledgerOf } from './ledger-lookup.js';
import { BUILTIN_LEDGERS } from './library/index.js';
import { installBuiltinLedgers } from './library/install-library.js';
import * as repo from './ledgers.repository.js';
import { periodicFieldErrors, type CreateLedgerInput } from './ledgers.schemas.js';
import type { LedgerKind } from '../../../core/contracts/ledgers.js';
import type { PeriodType } from '../../../core/periods.js';

export interface LedgerDefinitionView {
  key: string;
  name: string;
  kind: LedgerKind;
  description: string | null;
  periodType: PeriodType | null;
  builtin: boolean;
  workLine: { id: number; name: string } | null;
  version: number;
  fields: FieldDefinition[];
  workflow: Workflow | null;
}

async function present(q: Parameters<typeof repo.findVersion>[0], townshipId: number, ledger: repo.LedgerRow): Promise<LedgerDefinitionView> {
  const version = await repo.findVersion(q, ledger.id, ledger.currentVersion);
  const line = ledger.workLineId == null ? undefined : await repo.findWorkLine(q, townshipId, ledger.workLineId);
  return {
    key: ledger.key,
    name: ledger.name,
    kind: ledger.kind,
    description: ledger.description,
    periodType: ledger.periodType,
    builtin: ledger.builtin,
    workLine: line ? { id: line.id, name: line.name } : null,
    version: ledger.currentVersion,
    fields: version.fields as FieldDefinition[],
    workflow: (version.workflow as Workflow | null) ?? null,
  };
}

export async function listLedgers(ctx: ServiceContext) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  const rows = await repo.listLedgers(ctx.db, township.id);
  return {
    items: rows.map((r) => ({
      key: r.key,
      name: r.name,
      kind: r.kind,
      version: r.version,
      description: r.description,
      periodType: r.periodType,
      builtin: r.builtin,
      hasWorkflow: r.hasWorkflow,
      records: r.records,
      workLine: r.workLineId == null ? null : { id: r.workLineId, name: r.workLineName },
      fieldCount: r.fields.filter((f) => !f.retired).length,
    })),
  };
}

export async function getLedger(ctx: ServiceContext, key: string) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  return present(ctx.db, township.id, await ledgerOf(ctx.db, township.id, key));
}

export function createLedger(ctx: ServiceContext, input: CreateLedgerInput) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.define', tx, LEDGERS);
    if (await repo.findLedger(tx, township.id, input.key)) throw new AppError('CONFLICT', `本镇已有标识为“${input.key}”的台账`);
    if (input.workLineId != null && !(await repo.findWorkLine(tx, township.id, input.workLineId))) {
      throw invalid([{ field: 'workLineId', message: `工作条线 ${input.workLineId} 不存在` }]);
    }
    const ledger = await repo.insertLedger(tx, {
      townshipId: township.id,
      key: input.key,
      name: input.name,
      kind: input.kind,
      workLineId: input.workLineId ?? null,
      currentVersion: 1,
      description: input.description || null,
      periodType: input.periodType ?? null,
    });
    await repo.insertVersion(tx, {
      townshipId: township.id,
      ledgerId: ledger.id,
      version: 1,
      fields: input.fields,
      workflow: input.workflow ?? null,
      createdBy: ctx.actor.userId,
    });
    const after = await present(tx, township.id, ledger);
    await recordAudit(tx, ctx.actor, { action: 'ledger.create', entity: 'ledger', entityId: ledger.id, townshipId: township.id, after });
    return after;
  });
}

/** New fields as a new version: removing or retyping a field that holds data would lose it, so both are refused. */
export function setFields(ctx: ServiceContext, key: string, fields: FieldDefinition[]) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.define', tx, LEDGERS);
    // Locked: records written meanwhile wait, so the "has data" checks below stay true until commit.
    const ledger = await ledgerOf(tx, township.id, key, true);
    const before = await present(tx, township.id, ledger);
    if (ledger.kind === 'periodic') {
      const errors = periodicFieldErrors(fields);
      if (errors.length) throw invalid(errors);
    }
    for (const old of before.fields) {
      const next = fields.find((f) => f.key === old.key);
      if (next && next.type === old.type) continue;
      if (!(await repo.fieldHasData(tx, ledger.id, old.key))) continue;
      if (!next) throw new AppError('CONFLICT', `字段“${old.label}”已有数据，不能删除；如不再使用，请将其标记为停用`);
      throw new AppError('CONFLICT', `字段“${old.label}”已有数据，不能把类型从“${old.type}”改为“${next.type}”；请新增一个字段并停用旧字段`);
    }
    for (const field of fields) {
      const was = before.fields.find((f) => f.key === field.key);
      if (!field.unique || field.retired || was?.unique) continue;
      const taken = await repo.duplicateValue(tx, ledger.id, field.key, isPersonalField(field));
      if (taken !== undefined) {
        throw new AppError(
          'CONFLICT',
          `字段“${field.label}”已有重复的值“${openValues([field], { [field.key]: taken })[field.key] as string}”，不能设为唯一；请先处理重复的记录`,
        );
      }
    }
    const version = ledger.currentVersion + 1;
    await repo.insertVersion(tx, {
      townshipId: township.id,
      ledgerId: ledger.id,
      version,
      fields,
      workflow: before.workflow,
      createdBy: ctx.actor.userId,
    });
    await repo.setCurrentVersion(tx, ledger.id, version);
    const after = await present(tx, township.id, { ...ledger, currentVersion: version });
    await recordAudit(tx, ctx.actor, { action: 'ledger.fields', entity: 'ledger', entityId: ledger.id, townshipId: township.id, before, after });
    return after;
  });
}

/**
 * A new workflow as a new version. States that records are in cannot disappear; records entered before the
 * ledger had a workflow start in its initial state.
 */
export function setWorkflow(ctx: ServiceContext, key: string, workflow: Workflow | null) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.define', tx, LEDGERS);
    const ledger = await ledgerOf(tx, township.id, key, true);
    if (ledger.kind === 'periodic' && workflow) throw invalid([{ field: 'workflow', message: '周期型台账不使用状态流转' }]);
    const before = await present(tx, township.id, ledger);
    const kept = new Set(workflow?.states.map((s) => s.key) ?? []);
    for (const state of before.workflow?.states ?? []) {
      if (kept.has(state.key)) continue;
      const count = await repo.countInStatus(tx, ledger.id, state.key);
      if (count > 0) throw new AppError('CONFLICT', `有 ${count} 条记录处于“${state.label}”状态，不能删除该状态`);
    }
    const version = ledger.currentVersion + 1;
    await repo.insertVersion(tx, {
      townshipId: township.id,
      ledgerId: ledger.id,
      version,
      fields: before.fields,
      workflow,
      createdBy: ctx.actor.userId,
    });
    await repo.setCurrentVersion(tx, ledger.id, version);
    if (workflow) await repo.setMissingStatus(tx, ledger.id, workflow.initial);
    const after = await present(tx, township.id, { ...ledger, currentVersion: version });
    await recordAudit(tx, ctx.actor, { action: 'ledger.workflow', entity: 'ledger', entityId: ledger.id, townshipId: township.id, before, after });
    return after;
  });
}

/** The built-in library, each ledger marked as installed in the township or not. */
export async function listLibrary(ctx: ServiceContext) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  const installed = new Set((await repo.listLedgers(ctx.db, township.id)).map((l) => l.key));
  return {
    items: BUILTIN_LEDGERS.map((l) => ({
      key: l.key,
      name: l.name,
      kind: l.kind,
      periodType: l.periodType ?? null,
      workLine: l.workLine,
      description: l.description,
      fieldCount: l.fields.length,
      hasWorkflow: Boolean(l.workflow),
      installed: installed.has(l.key),
    })),
  };
}

/** Adds the library's ledgers that the township lacks (all, or the keys asked for); kept ones are untouched. */
export function installLibrary(ctx: ServiceContext, keys?: string[]) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.define', tx, LEDGERS);
    const unknown = (keys ?? []).filter((k) => !BUILTIN_LEDGERS.some((l) => l.key === k));
    if (unknown.length) throw invalid([{ field: 'keys', message: `内置台账库中没有：${unknown.join('、')}` }]);
    const before = new Set((await repo.listLedgers(tx, township.id)).map((l) => l.key));
    const clash = (keys ?? []).filter((k) => before.has(k));
    if (clash.length) throw new AppError('CONFLICT', `本镇已有标识为“${clash.join('、')}”的台账`);
    const ids = await installBuiltinLedgers(tx, township.id, ctx.actor.userId, keys);
    const added = [...ids.keys()].filter((k) => !before.has(k));
    await recordAudit(tx, ctx.actor, { action: 'ledger.library', entity: 'ledger', townshipId: township.id, after: { added } });
    return { added };
  });
}
