// Ledger records: values checked by the shared validators (src/core/ledger-fields.ts), uniqueness checked
// against live records, concurrent edits refused by an optimistic-lock version, every write audited.
import type { Queryable } from '../../db/connection.js';
import { AppError, forbidden, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { validateValues, type FieldDefinition, type RecordValues } from '../../../core/ledger-fields.js';
import { transitionProblem, type Workflow } from '../../../core/ledger-workflow.js';
import { maskPersonalValues, PERSONAL_FIELD_TYPES } from '../../../core/masking.js';
import { searchTextOf } from '../../../core/search-text.js';
import { hashesOf, isPersonalField, openSnapshot, openValues, sealValues } from '../personal-data/index.js';
import { recordAudit } from '../audit/index.js';
import { claimAttachments, missingAttachments } from '../attachments/index.js';
import { can, scopesFor } from '../../policy/policy.js';
import { requireTownship, requireUnit } from '../../policy/access.js';
import { LEDGERS, ledgerOf } from './ledger-lookup.js';
import { assertPeriodsOpen } from './ledger-period-lock.js';
import { recordUnitProblem } from './ledger-record-units.js';
import { findUnit, type OrgUnitRef } from '../org/index.js';
import * as repo from './ledgers.repository.js';
import type { RecordsQuery, TransitionInput } from './ledgers.schemas.js';

const ENTITY = 'ledger_record';

export interface Definition {
  fields: FieldDefinition[];
  workflow: Workflow | null;
}

export async function definitionOf(q: Queryable, ledger: repo.LedgerRow): Promise<Definition> {
  const version = await repo.findVersion(q, ledger.id, ledger.currentVersion);
  return { fields: version.fields as FieldDefinition[], workflow: (version.workflow as Workflow | null) ?? null };
}

/**
 * Validated values, or a 400 listing every bad field as `<prefix>.<key>`. Photo ids must be files uploaded in the
 * township and not attached to another unit's records; they then belong to the record's unit.
 */
export async function checkValues(
  q: Queryable,
  townshipId: number,
  unitId: number,
  fields: FieldDefinition[],
  values: RecordValues,
  prefix = 'values',
) {
  const result = validateValues(fields, values);
  const errors = result.errors.map((e) => ({ field: `${prefix}.${e.field}`, message: e.message }));
  const photos: string[] = [];
  for (const field of fields) {
    const ids = field.type === 'photos' ? (result.values[field.key] as string[] | undefined) : undefined;
    if (ids?.length && (await missingAttachments(q, townshipId, unitId, ids)).length) {
      errors.push({ field: `${prefix}.${field.key}`, message: `${field.label}中有未上传成功的文件，请重新上传` });
    } else if (ids) photos.push(...ids);
  }
  if (errors.length) throw invalid(errors);
  await claimAttachments(q, townshipId, unitId, photos);
  return result.values;
}

/** The record as this user may see it: ID numbers and mobiles opened, then masked unless he may read personal data there. */
export function present(ctx: ServiceContext, fields: FieldDefinition[], row: repo.RecordRow): repo.RecordView {
  const view = repo.toView({ ...row, values: openValues(fields, row.values) });
  if (can(ctx.principal, 'personal.read', { path: row.unitPath })) return view;
  const values = maskPersonalValues(fields, view.values);
  return values === view.values ? view : { ...view, values, masked: true };
}

/**
 * Why a unique value cannot be taken: where it is registered when the user may see that unit, else only that the
 * township has it, so a cadre learns nothing of other villages' households beyond what keeps them single.
 */
/**
 * The clash names the holder's village only to those who may see the value there: for an ID number or mobile that
 * is personal.read, not ledger.read, or a reader of the village's masked list could match the number he typed
 * with the mask and learn the household's full number.
 */
export function takenMessage(ctx: ServiceContext, field: FieldDefinition, value: unknown, holder: { unitName: string; unitPath: string }) {
  return can(ctx.principal, isPersonalField(field) ? 'personal.read' : 'ledger.read', { path: holder.unitPath })
    ? `${field.label}“${String(value)}”已登记在${holder.unitName}，不能重复登记`
    : `${field.label}“${String(value)}”已在本镇登记（不在您的查看范围内，如有疑问请联系镇里）`;
}

async function checkUnique(
  ctx: ServiceContext,
  q: Queryable,
  townshipId: number,
  ledgerId: number,
  fields: FieldDefinition[],
  values: RecordValues,
  exceptId?: number,
) {
  for (const field of fields) {
    if (!field.unique || field.retired || values[field.key] === undefined) continue;
    const value = values[field.key];
    const hashes = isPersonalField(field) && typeof value === 'string' ? hashesOf(field, value) : undefined;
    const holder = await repo.valueHolder(q, townshipId, ledgerId, field.key, value, exceptId, hashes);
    if (holder) {
      throw new AppError('CONFLICT', takenMessage(ctx, field, values[field.key], holder), [
        { field: `values.${field.key}`, message: `${field.label}已存在` },
      ]);
    }
  }
}

async function recordOf(q: Queryable, townshipId: number, ledgerId: number, id: number, includeDeleted = false) {
  const row = await repo.findRecord(q, townshipId, ledgerId, id);
  if (!row || (row.deletedAt && !includeDeleted)) throw notFound(`记录 ${id} `);
  return row;
}

function refusePeriodic(ledger: repo.LedgerRow) {
  if (ledger.kind === 'periodic') {
    throw invalid([{ field: 'ledger', message: '周期型台账请在“按期填报”表格中录入' }], '周期型台账请在“按期填报”表格中录入');
  }
}

/**
 * A user who sees ID numbers and mobiles masked cannot filter or sort by them either: an exact filter with its
 * total, or the order of a sorted list, would reveal the masked digits one request at a time.
 */
function refuseProbingMasked(ctx: ServiceContext, scopes: string[], fields: FieldDefinition[], keys: string[]) {
  const personal = fields.find((f) => keys.includes(f.key) && PERSONAL_FIELD_TYPES.has(f.type));
  if (personal && !scopes.every((path) => can(ctx.principal, 'personal.read', { path }))) {
    throw forbidden(`您无权查看“${personal.label}”，不能按它筛选或排序`);
  }
}

/** Why a number or date filter (`v`, `from..to`, `from..`, `..to`) is malformed, or null. */
function rangeFilterProblem(field: FieldDefinition, value: string): string | null {
  const numeric = field.type === 'integer' || field.type === 'decimal';
  if (!numeric && field.type !== 'date' && field.type !== 'datetime') return null;
  const ends = value.includes('..') ? value.split('..') : [value];
  const wellFormed =
    ends.length <= 2 &&
    ends.some((e) => e !== '') &&
    ends.every((e) => e === '' || (numeric ? e.trim() !== '' && Number.isFinite(Number(e)) : /^\d{4}-\d{2}-\d{2}$/.test(e)));
  if (!wellFormed) return numeric ? `“${field.label}”的筛选应为数字或“最小..最大”` : `“${field.label}”的筛选应为日期或“开始..结束”（YYYY-MM-DD）`;
  const [from, to] = ends;
  if (ends.length === 2 && from !== '' && to !== '' && (numeric ? Number(from) > Number(to) : from > to)) {
    return `“${field.label}”的筛选范围起点不能大于终点`;
  }
  return null;
}

/** The list's filters checked against the ledger: unknown fields and malformed ranges are a 400, not an empty list. */
async function filterOf(ctx: ServiceContext, township: OrgUnitRef, ledger: repo.LedgerRow, fields: FieldDefinition[], query: RecordsQuery) {
  let scopes: string[];
  const action = query.deleted ? 'ledger.restore' : 'ledger.read';
  if (query.orgUnit) {
    const unit = await findUnit(ctx.db, { code: query.orgUnit });
    if (!unit || !unit.path.startsWith(township.path)) throw notFound(`组织单元 ${query.orgUnit} `);
    requireUnit(ctx, action, unit);
    scopes = [unit.path];
  } else {
    // Every record in the user's scope within this township.
    scopes = scopesFor(ctx.principal, action)
      .map((s) => (township.path.startsWith(s) ? township.path : s))
      .filter((s) => s.startsWith(township.path));
    if (scopes.length === 0) throw forbidden(query.deleted ? '您无权查看已删除的记录' : '您无权查看台账数据');
  }
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const errors: { field: string; message: string }[] = [];
  const fieldFilters: repo.RecordFilter['fields'] = [];
  for (const [key, value] of Object.entries(query.fieldFilters)) {
    const field = byKey.get(key);
    if (!field) {
      errors.push({ field: `f.${key}`, message: `台账中没有字段“${key}”` });
      continue;
    }
    const problem = rangeFilterProblem(field, value);
    if (problem) {
      errors.push({ field: `f.${key}`, message: problem });
      continue;
    }
    fieldFilters.push({ key, type: field.type, value, ...(isPersonalField(field) ? { hashes: hashesOf(field, value) } : {}) });
  }
  let sort: repo.RecordSort = { by: 'id' };
  let sortPersonal: FieldDefinition | undefined;
  if (query.sort) {
    const field = byKey.get(query.sort);
    if (field && isPersonalField(field)) sortPersonal = field;
    if (field) sort = { by: 'field', key: field.key, numeric: field.type === 'integer' || field.type === 'decimal' };
    else if (['id', 'updatedAt', 'createdAt', 'orgUnit', 'period', 'status'].includes(query.sort)) sort = { by: query.sort as 'id' };
    else errors.push({ field: 'sort', message: `不能按“${query.sort}”排序` });
  }
  if (errors.length) throw invalid(errors, '筛选条件不正确');
  refuseProbingMasked(ctx, scopes, fields, [...fieldFilters.map((f) => f.key), ...(sort.by === 'field' ? [sort.key] : [])]);
  const filter: repo.RecordFilter = {
    townshipId: township.id,
    ledgerId: ledger.id,
    scopePaths: scopes,
    deleted: query.deleted,
    search: query.q || undefined,
    status: query.status,
    period: query.period,
    fields: fieldFilters,
  };
  return { filter, sort, sortPersonal };
}

/** Most records a list sorts by an ID number or mobile: stored encrypted, they are sorted here after opening. */
const PERSONAL_SORT_LIMIT = 20_000;

/**
 * Rows ordered by a personal field's opened values (the database holds only ciphertext, which has no useful
 * order), empty values last and ties by id, as the database orders other fields (docs/security.md).
 */
function sortByOpened(rows: repo.RecordRow[], field: FieldDefinition, order: 'asc' | 'desc') {
  const keyed = rows.map((row) => ({ row, value: openValues([field], row.values)[field.key] as string | undefined }));
  const dir = order === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    const [x, y] = [a.value || null, b.value || null];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    }
    return (Number(a.row.id) - Number(b.row.id)) * dir;
  });
  return keyed.map((k) => k.row);
}

/** Whether a record as shown carries a personal value unmasked. */
const showsPersonal = (fields: FieldDefinition[], view: { masked?: boolean; values?: Record<string, unknown> } | null | undefined) =>
  !!view?.values && !view.masked && fields.some((f) => isPersonalField(f) && view.values![f.key] != null && view.values![f.key] !== '');

/**
 * Reads that show ID numbers or mobiles unmasked are audited (issue 12): one entry per request, never per row —
 * who (the entry's user), where (the unit read, else the township) and how many records showed them.
 */
async function auditUnmaskedRead(
  ctx: ServiceContext,
  township: OrgUnitRef,
  ledger: repo.LedgerRow,
  read: { kind: 'list' | 'record' | 'history'; rows: number; unitPath: string | null; recordId?: number },
) {
  if (read.rows === 0) return;
  await recordAudit(ctx.db, ctx.actor, {
    action: 'personal.read',
    entity: 'ledger',
    entityId: ledger.id,
    townshipId: township.id,
    unitPath: read.unitPath,
    after: { ledger: ledger.key, kind: read.kind, rows: read.rows, ...(read.recordId ? { recordId: read.recordId } : {}) },
  });
}

export async function listRecords(ctx: ServiceContext, key: string, query: RecordsQuery) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  const ledger = await ledgerOf(ctx.db, township.id, key);
  const { fields } = await definitionOf(ctx.db, ledger);
  const { filter, sort, sortPersonal } = await filterOf(ctx, township, ledger, fields, query);
  const sumKeys = fields.filter((f) => !f.retired && (f.type === 'integer' || f.type === 'decimal')).map((f) => f.key);
  if (sortPersonal) {
    const { total, totals } = await repo.listRecords(ctx.db, filter, { by: 'id' }, query.order, 1, 0, sumKeys);
    if (total > PERSONAL_SORT_LIMIT) {
      const message = `“${sortPersonal.label}”加密存储，超过 ${PERSONAL_SORT_LIMIT.toLocaleString('en-US')} 条记录时不能按它排序，请先筛选`;
      throw invalid([{ field: 'sort', message }], message);
    }
    const all = sortByOpened(await repo.allRecords(ctx.db, filter, { by: 'id' }, query.order, PERSONAL_SORT_LIMIT), sortPersonal, query.order);
    const rows = all.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    return listed(ctx, township, ledger, fields, filter, {
      items: rows.map((row) => present(ctx, fields, row)),
      total,
      totals,
      page: query.page,
      pageSize: query.pageSize,
    });
  }
  const { rows, total, totals } = await repo.listRecords(ctx.db, filter, sort, query.order, query.page, query.pageSize, sumKeys);
  return listed(ctx, township, ledger, fields, filter, {
    items: rows.map((row) => present(ctx, fields, row)),
    total,
    totals,
    page: query.page,
    pageSize: query.pageSize,
  });
}

/** A page of the list, its unmasked personal values audited. */
async function listed<P extends { items: repo.RecordView[] }>(
  ctx: ServiceContext,
  township: OrgUnitRef,
  ledger: repo.LedgerRow,
  fields: FieldDefinition[],
  filter: repo.RecordFilter,
  page: P,
): Promise<P> {
  const unitPath = filter.scopePaths.length === 1 ? filter.scopePaths[0] : null;
  await auditUnmaskedRead(ctx, township, ledger, { kind: 'list', rows: page.items.filter((v) => showsPersonal(fields, v)).length, unitPath });
  return page;
}

/** How many records match a list query, as the list counts them, with the ledger's fields (the reports' counts). */
export async function countRecords(ctx: ServiceContext, key: string, query: RecordsQuery) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  const ledger = await ledgerOf(ctx.db, township.id, key);
  const { fields } = await definitionOf(ctx.db, ledger);
  const { filter } = await filterOf(ctx, township, ledger, fields, query);
  const { total } = await repo.listRecords(ctx.db, filter, { by: 'id' }, 'asc', 1, 1, []);
  return { total, fields };
}

/** Every record of a filtered list, as the user may see them (for the Excel export). */
export async function exportRecords(ctx: ServiceContext, key: string, query: RecordsQuery, limit: number) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  const ledger = await ledgerOf(ctx.db, township.id, key);
  const definition = await definitionOf(ctx.db, ledger);
  const { filter, sort, sortPersonal } = await filterOf(ctx, township, ledger, definition.fields, query);
  const rows = sortPersonal
    ? sortByOpened(await repo.allRecords(ctx.db, filter, { by: 'id' }, query.order, limit), sortPersonal, query.order)
    : await repo.allRecords(ctx.db, filter, sort, query.order, limit);
  return { township, ledger, definition, filter, items: rows.map((row) => present(ctx, definition.fields, row)) };
}

export async function getRecord(ctx: ServiceContext, key: string, id: number) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  const ledger = await ledgerOf(ctx.db, township.id, key);
  const row = await recordOf(ctx.db, township.id, ledger.id, id);
  requireUnit(ctx, 'ledger.read', { name: row.unitName, path: row.unitPath });
  const { fields } = await definitionOf(ctx.db, ledger);
  const view = present(ctx, fields, row);
  await auditUnmaskedRead(ctx, township, ledger, {
    kind: 'record',
    rows: showsPersonal(fields, view) ? 1 : 0,
    unitPath: row.unitPath,
    recordId: view.id,
  });
  return view;
}

export function createRecord(ctx: ServiceContext, key: string, orgUnit: string, values: RecordValues) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.write', tx, LEDGERS);
    // Locked: concurrent writes of one ledger run one after the other, so a unique value cannot slip in twice.
    const ledger = await ledgerOf(tx, township.id, key, true);
    refusePeriodic(ledger);
    const unit = await writableUnit(ctx, tx, township, orgUnit, 'orgUnit');
    const { fields, workflow } = await definitionOf(tx, ledger);
    const clean = await checkValues(tx, township.id, unit.id, fields, values);
    await checkUnique(ctx, tx, township.id, ledger.id, fields, clean);
    const sealed = sealValues(fields, clean);
    const id = await repo.insertRecord(tx, {
      townshipId: township.id,
      ledgerId: ledger.id,
      orgUnitId: unit.id,
      values: sealed.values,
      personalHashes: sealed.hashes,
      version: 1,
      status: workflow?.initial ?? null,
      searchText: searchTextOf(fields, clean, unit.name),
      definitionVersion: ledger.currentVersion,
      createdBy: ctx.actor.userId,
      updatedBy: ctx.actor.userId,
    });
    const row = await recordOf(tx, township.id, ledger.id, id);
    await recordAudit(tx, ctx.actor, {
      action: 'ledger_record.create',
      entity: ENTITY,
      entityId: id,
      townshipId: township.id,
      unitPath: unit.path,
      after: repo.toView(row),
    });
    return present(ctx, fields, row);
  });
}

/** A live unit of the township in which the user may write, or a 400/403 naming the field. */
export async function writableUnit(ctx: ServiceContext, q: Queryable, township: OrgUnitRef, code: string, field: string) {
  const unit = await findUnit(q, { code });
  if (!unit) throw invalid([{ field, message: `组织单元 ${code} 不存在` }]);
  const problem = recordUnitProblem(ctx, township, unit, null);
  if (problem?.kind === 'forbidden') throw forbidden(problem.message);
  if (problem) throw invalid([{ field, message: problem.message }]);
  return unit;
}

const conflict = (current: repo.RecordView) => new AppError('CONFLICT', '这条记录已被他人修改，请查看对方的修改后再保存', undefined, { current });

export function updateRecord(ctx: ServiceContext, key: string, id: number, expectedVersion: number, values: RecordValues) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.write', tx, LEDGERS);
    const ledger = await ledgerOf(tx, township.id, key, true);
    refusePeriodic(ledger);
    const row = await recordOf(tx, township.id, ledger.id, id);
    requireUnit(ctx, 'ledger.write', { name: row.unitName, path: row.unitPath });
    const { fields } = await definitionOf(tx, ledger);
    if (row.version !== expectedVersion) throw conflict(present(ctx, fields, row));
    // Values of retired fields stay as they were; the others are the stored ones with the sent ones over them.
    const retired = new Set(fields.filter((f) => f.retired).map((f) => f.key));
    const stored = openValues(fields, row.values);
    const kept = Object.fromEntries(Object.entries(stored).filter(([k]) => retired.has(k)));
    const active = Object.fromEntries(Object.entries(stored).filter(([k]) => !retired.has(k)));
    const clean = await checkValues(tx, township.id, row.unitId, fields, { ...active, ...values });
    await checkUnique(ctx, tx, township.id, ledger.id, fields, clean, id);
    const sealed = sealValues(fields, { ...kept, ...clean });
    const change = {
      values: sealed.values,
      personalHashes: sealed.hashes,
      searchText: searchTextOf(fields, clean, row.unitName),
      definitionVersion: ledger.currentVersion,
    };
    if (!(await repo.updateRecordValues(tx, id, expectedVersion, change, ctx.actor.userId))) {
      throw conflict(present(ctx, fields, await recordOf(tx, township.id, ledger.id, id)));
    }
    const after = await recordOf(tx, township.id, ledger.id, id);
    await recordAudit(tx, ctx.actor, {
      action: 'ledger_record.update',
      entity: ENTITY,
      entityId: id,
      townshipId: township.id,
      unitPath: row.unitPath,
      before: repo.toView(row),
      after: repo.toView(after),
    });
    return present(ctx, fields, after);
  });
}

/** Moves a record along its ledger's workflow; a transition may require a photo or a note. */
export function transitionRecord(ctx: ServiceContext, key: string, id: number, input: TransitionInput) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.write', tx, LEDGERS);
    const ledger = await ledgerOf(tx, township.id, key, true);
    const { fields, workflow } = await definitionOf(tx, ledger);
    if (!workflow) throw invalid([{ field: 'to', message: '这个台账没有设置状态流转' }], '这个台账没有设置状态流转');
    const row = await recordOf(tx, township.id, ledger.id, id);
    requireUnit(ctx, 'ledger.write', { name: row.unitName, path: row.unitPath });
    if (row.version !== input.version) throw conflict(present(ctx, fields, row));
    const from = row.status ?? workflow.initial;
    const problem = transitionProblem(workflow, from, input);
    if (problem) {
      const field = problem.includes('照片') ? 'photos' : problem.includes('说明') ? 'note' : 'to';
      throw invalid([{ field, message: problem }], problem);
    }
    if (input.photos?.length && (await missingAttachments(tx, township.id, row.unitId, input.photos)).length) {
      throw invalid([{ field: 'photos', message: '有照片未上传成功，请重新上传' }]);
    }
    await claimAttachments(tx, township.id, row.unitId, input.photos ?? []);
    if (!(await repo.updateRecordValues(tx, id, input.version, { status: input.to }, ctx.actor.userId))) {
      throw conflict(present(ctx, fields, await recordOf(tx, township.id, ledger.id, id)));
    }
    const after = await recordOf(tx, township.id, ledger.id, id);
    await recordAudit(tx, ctx.actor, {
      action: 'ledger_record.transition',
      entity: ENTITY,
      entityId: id,
      townshipId: township.id,
      unitPath: row.unitPath,
      before: { status: from },
      after: { status: input.to, note: input.note || null, photos: input.photos ?? [] },
    });
    return present(ctx, fields, after);
  });
}

/** A periodic record of an approved (locked) village period is not deleted or restored; see ledger-period-lock.ts. */
async function refuseLocked(q: Queryable, ledger: repo.LedgerRow, row: repo.RecordRow) {
  if (ledger.kind !== 'periodic' || !row.period) return;
  const unit = await findUnit(q, { code: row.code });
  if (unit) await assertPeriodsOpen(q, ledger.id, [{ unitId: unit.id, unitName: row.unitName, period: row.period }]);
}

export function deleteRecord(ctx: ServiceContext, key: string, id: number) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.write', tx, LEDGERS);
    const ledger = await ledgerOf(tx, township.id, key, true);
    const row = await recordOf(tx, township.id, ledger.id, id);
    requireUnit(ctx, 'ledger.write', { name: row.unitName, path: row.unitPath });
    await refuseLocked(tx, ledger, row);
    await repo.setDeleted(tx, id, ctx.actor.userId, true);
    await recordAudit(tx, ctx.actor, {
      action: 'ledger_record.delete',
      entity: ENTITY,
      entityId: id,
      townshipId: township.id,
      unitPath: row.unitPath,
      before: repo.toView(row),
    });
  });
}

export function restoreRecord(ctx: ServiceContext, key: string, id: number) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.restore', tx, LEDGERS);
    const ledger = await ledgerOf(tx, township.id, key, true);
    const row = await recordOf(tx, township.id, ledger.id, id, true);
    requireUnit(ctx, 'ledger.restore', { name: row.unitName, path: row.unitPath });
    if (!row.deletedAt) throw new AppError('CONFLICT', `记录 ${id} 未被删除，无需恢复`);
    const { fields } = await definitionOf(tx, ledger);
    // A unique value (or, in a periodic ledger, the unit's period) may have been taken since the delete.
    await checkUnique(ctx, tx, township.id, ledger.id, fields, openValues(fields, row.values), id);
    if (row.period && (await repo.periodTaken(tx, ledger.id, row.unitPath, row.period, id))) {
      throw new AppError('CONFLICT', `“${row.unitName}”${row.period} 已有新的填报数据，不能恢复`);
    }
    await refuseLocked(tx, ledger, row);
    await repo.setDeleted(tx, id, ctx.actor.userId, false);
    const after = await recordOf(tx, township.id, ledger.id, id);
    await recordAudit(tx, ctx.actor, {
      action: 'ledger_record.restore',
      entity: ENTITY,
      entityId: id,
      townshipId: township.id,
      unitPath: row.unitPath,
      after: repo.toView(after),
    });
    return present(ctx, fields, after);
  });
}

export async function recordHistory(ctx: ServiceContext, key: string, id: number) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  const ledger = await ledgerOf(ctx.db, township.id, key);
  const row = await recordOf(ctx.db, township.id, ledger.id, id, true);
  requireUnit(ctx, 'ledger.read', { name: row.unitName, path: row.unitPath });
  const { fields } = await definitionOf(ctx.db, ledger);
  // The audit trail holds the values as stored (personal ones encrypted); the history shows them opened, as this
  // user may see them.
  const mask = !can(ctx.principal, 'personal.read', { path: row.unitPath });
  const shown = (stored: unknown) => {
    const snapshot = openSnapshot(stored);
    const values = (snapshot as { values?: RecordValues } | null)?.values;
    return mask && values ? { ...(snapshot as object), values: maskPersonalValues(fields, values) } : snapshot;
  };
  const entries = await repo.recordHistory(ctx.db, township.id, id);
  const items = entries.map((e) => ({
    action: e.action,
    at: (e.at instanceof Date ? e.at : new Date(e.at)).toISOString(),
    by: e.username,
    before: shown(e.before),
    after: shown(e.after),
  }));
  const unmasked = mask
    ? 0
    : items.filter((e) => [e.before, e.after].some((s) => showsPersonal(fields, s as { values?: Record<string, unknown> }))).length;
  await auditUnmaskedRead(ctx, township, ledger, { kind: 'history', rows: unmasked, unitPath: row.unitPath, recordId: id });
  return { items };
}
