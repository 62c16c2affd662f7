// Ledger records: values checked by the shared validators (src/core/ledger-fields.ts), uniqueness checked
// against live records, concurrent edits refused by an optimistic-lock version, every write audited.
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { validateValues, type FieldDefinition, type RecordValues } from '../../../core/ledger-fields.js';
import { recordAudit } from '../audit/audit.service.js';
import { scopesFor } from '../../policy/policy.js';
import { assertUnitAllowed, ledgerOf, ledgerTownship } from './ledger-access.js';
import * as repo from './ledgers.repository.js';
import type { RecordsQuery } from './ledgers.schemas.js';

const ENTITY = 'ledger_record';

async function fieldsOf(q: Queryable, ledger: repo.LedgerRow): Promise<FieldDefinition[]> {
  return (await repo.findVersion(q, ledger.id, ledger.currentVersion)).fields as FieldDefinition[];
}

/** Validated values, or a 400 listing every bad field as `values.<key>`. */
function checkValues(fields: FieldDefinition[], values: RecordValues): RecordValues {
  const result = validateValues(fields, values);
  if (result.errors.length) throw invalid(result.errors.map((e) => ({ field: `values.${e.field}`, message: e.message })));
  return result.values;
}

async function checkUnique(q: Queryable, townshipId: number, ledgerId: number, fields: FieldDefinition[], values: RecordValues, exceptId?: number) {
  for (const field of fields) {
    if (!field.unique || field.retired || values[field.key] === undefined) continue;
    if (await repo.valueTaken(q, townshipId, ledgerId, field.key, values[field.key], exceptId)) {
      throw new AppError('CONFLICT', `“${field.label}”为“${String(values[field.key])}”的记录已存在`, [{ field: `values.${field.key}`, message: `${field.label}已存在` }]);
    }
  }
}

async function recordOf(q: Queryable, townshipId: number, ledgerId: number, id: number, includeDeleted = false) {
  const row = await repo.findRecord(q, townshipId, ledgerId, id);
  if (!row || (row.deletedAt && !includeDeleted)) throw notFound(`记录 ${id} `);
  return row;
}

function refusePeriodic(ledger: repo.LedgerRow) {
  if (ledger.kind === 'periodic') throw invalid([{ field: 'ledger', message: '周期型台账的录入将在后续版本提供' }], '周期型台账的录入将在后续版本提供');
}

export async function listRecords(ctx: ServiceContext, key: string, query: RecordsQuery) {
  const township = await ledgerTownship(ctx, ctx.db, 'ledger.read');
  const ledger = await ledgerOf(ctx.db, township.id, key);
  let scopes: string[];
  if (query.orgUnit) {
    const unit = await repo.findUnit(ctx.db, { code: query.orgUnit });
    if (!unit) throw notFound(`组织单元 ${query.orgUnit} `);
    assertUnitAllowed(ctx, 'ledger.read', unit);
    scopes = [unit.path];
  } else {
    // Every record in the user's scope within this township.
    scopes = scopesFor(ctx.principal, 'ledger.read')
      .map((s) => (township.path.startsWith(s) ? township.path : s))
      .filter((s) => s.startsWith(township.path));
  }
  return repo.listRecords(ctx.db, township.id, ledger.id, scopes, query.q, query.page, query.pageSize);
}

export async function getRecord(ctx: ServiceContext, key: string, id: number) {
  const township = await ledgerTownship(ctx, ctx.db, 'ledger.read');
  const ledger = await ledgerOf(ctx.db, township.id, key);
  const row = await recordOf(ctx.db, township.id, ledger.id, id);
  assertUnitAllowed(ctx, 'ledger.read', { name: row.unitName, path: row.unitPath });
  return repo.toView(row);
}

export function createRecord(ctx: ServiceContext, key: string, orgUnit: string, values: RecordValues) {
  return ctx.db.transaction(async (tx) => {
    const township = await ledgerTownship(ctx, tx, 'ledger.write');
    // Locked: concurrent writes of one ledger run one after the other, so a unique value cannot slip in twice.
    const ledger = await ledgerOf(tx, township.id, key, true);
    refusePeriodic(ledger);
    const unit = await repo.findUnit(tx, { code: orgUnit });
    if (!unit) throw invalid([{ field: 'orgUnit', message: `组织单元 ${orgUnit} 不存在` }]);
    assertUnitAllowed(ctx, 'ledger.write', unit);
    if (!unit.path.startsWith(township.path)) throw invalid([{ field: 'orgUnit', message: `“${unit.name}”不属于本镇` }]);
    if (unit.validTo) throw invalid([{ field: 'orgUnit', message: `“${unit.name}”已于 ${unit.validTo} 撤销` }]);
    const fields = await fieldsOf(tx, ledger);
    const clean = checkValues(fields, values);
    await checkUnique(tx, township.id, ledger.id, fields, clean);
    const id = await repo.insertRecord(tx, {
      townshipId: township.id, ledgerId: ledger.id, orgUnitId: unit.id, values: clean, version: 1,
      definitionVersion: ledger.currentVersion, createdBy: ctx.actor.userId, updatedBy: ctx.actor.userId,
    });
    const after = repo.toView(await recordOf(tx, township.id, ledger.id, id));
    await recordAudit(tx, ctx.actor, { action: 'ledger_record.create', entity: ENTITY, entityId: id, townshipId: township.id, after });
    return after;
  });
}

const conflict = (current: repo.RecordView) =>
  new AppError('CONFLICT', '这条记录已被他人修改，请查看对方的修改后再保存', undefined, { current });

export function updateRecord(ctx: ServiceContext, key: string, id: number, expectedVersion: number, values: RecordValues) {
  return ctx.db.transaction(async (tx) => {
    const township = await ledgerTownship(ctx, tx, 'ledger.write');
    const ledger = await ledgerOf(tx, township.id, key, true);
    refusePeriodic(ledger);
    const row = await recordOf(tx, township.id, ledger.id, id);
    assertUnitAllowed(ctx, 'ledger.write', { name: row.unitName, path: row.unitPath });
    const before = repo.toView(row);
    if (row.version !== expectedVersion) throw conflict(before);
    const fields = await fieldsOf(tx, ledger);
    // Values of retired fields stay as they were; the others are the stored ones with the sent ones over them.
    const retired = new Set(fields.filter((f) => f.retired).map((f) => f.key));
    const kept = Object.fromEntries(Object.entries(row.values).filter(([k]) => retired.has(k)));
    const active = Object.fromEntries(Object.entries(row.values).filter(([k]) => !retired.has(k)));
    const clean = checkValues(fields, { ...active, ...values });
    await checkUnique(tx, township.id, ledger.id, fields, clean, id);
    if (!(await repo.updateRecordValues(tx, id, expectedVersion, { ...kept, ...clean }, ledger.currentVersion, ctx.actor.userId))) {
      throw conflict(repo.toView(await recordOf(tx, township.id, ledger.id, id)));
    }
    const after = repo.toView(await recordOf(tx, township.id, ledger.id, id));
    await recordAudit(tx, ctx.actor, { action: 'ledger_record.update', entity: ENTITY, entityId: id, townshipId: township.id, before, after });
    return after;
  });
}

export function deleteRecord(ctx: ServiceContext, key: string, id: number) {
  return ctx.db.transaction(async (tx) => {
    const township = await ledgerTownship(ctx, tx, 'ledger.write');
    const ledger = await ledgerOf(tx, township.id, key, true);
    const row = await recordOf(tx, township.id, ledger.id, id);
    assertUnitAllowed(ctx, 'ledger.write', { name: row.unitName, path: row.unitPath });
    await repo.setDeleted(tx, id, ctx.actor.userId, true);
    await recordAudit(tx, ctx.actor, { action: 'ledger_record.delete', entity: ENTITY, entityId: id, townshipId: township.id, before: repo.toView(row) });
  });
}

export function restoreRecord(ctx: ServiceContext, key: string, id: number) {
  return ctx.db.transaction(async (tx) => {
    const township = await ledgerTownship(ctx, tx, 'ledger.restore');
    const ledger = await ledgerOf(tx, township.id, key, true);
    const row = await recordOf(tx, township.id, ledger.id, id, true);
    assertUnitAllowed(ctx, 'ledger.restore', { name: row.unitName, path: row.unitPath });
    if (!row.deletedAt) throw new AppError('CONFLICT', `记录 ${id} 未被删除，无需恢复`);
    // A unique value may have been taken by a record entered since the delete.
    await checkUnique(tx, township.id, ledger.id, await fieldsOf(tx, ledger), row.values, id);
    await repo.setDeleted(tx, id, ctx.actor.userId, false);
    const after = repo.toView(await recordOf(tx, township.id, ledger.id, id));
    await recordAudit(tx, ctx.actor, { action: 'ledger_record.restore', entity: ENTITY, entityId: id, townshipId: township.id, after });
    return after;
  });
}

export async function recordHistory(ctx: ServiceContext, key: string, id: number) {
  const township = await ledgerTownship(ctx, ctx.db, 'ledger.read');
  const ledger = await ledgerOf(ctx.db, township.id, key);
  const row = await recordOf(ctx.db, township.id, ledger.id, id, true);
  assertUnitAllowed(ctx, 'ledger.read', { name: row.unitName, path: row.unitPath });
  const entries = await repo.recordHistory(ctx.db, township.id, id);
  return {
    items: entries.map((e) => ({
      action: e.action, at: (e.at instanceof Date ? e.at : new Date(e.at)).toISOString(), by: e.username, before: e.before, after: e.after,
    })),
  };
}
