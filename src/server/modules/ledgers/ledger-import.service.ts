// Ledger import: upload → check and parse → validate every row → preview; then commit all rows in one
// transaction or none. Nothing is stored before the commit. Small files are processed within the upload
// request; larger ones in the background, their progress read with `importStatus`.
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import { searchTextOf } from '../../../core/search-text.js';
import { hashesOf, isPersonalField, sealValues } from '../personal-data/index.js';
import { maskPersonalValues } from '../../../core/masking.js';
import type { Period, PeriodType } from '../../../core/periods.js';
import { AppError, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can } from '../../policy/policy.js';
import { recordAudit } from '../audit/index.js';
import { afterLedgerImported } from './ledger-import-hooks.js';
import { requireTownship } from '../../policy/access.js';
import { LEDGERS, ledgerOf } from './ledger-lookup.js';
import { assertPeriodsOpen, lockedPeriods } from './ledger-period-lock.js';
import { recordUnitProblem, unitForbiddenMessage } from './ledger-record-units.js';
import { definitionOf, takenMessage } from './ledger-records.service.js';
import { headerOf, UnitDirectory, PERIOD_HEADER } from './ledger-excel-columns.js';
import { checkXlsx, importFileKind } from './ledger-import-file.js';
import { importRows } from './ledger-import-reader.js';
import { validateRows } from './ledger-import-rows.js';
import { createJob, dropJob, findJob, type ImportJob, type ParsedRow, type RowError } from './ledger-import-store.js';
import * as importRepo from './ledger-import.repository.js';
import type { TownshipUnit } from './ledger-import.repository.js';

export interface ImportLimits {
  maxRows: number;
  /** Files up to this size are processed within the upload request; larger ones in the background. */
  inlineBytes: number;
}

export const INLINE_BYTES = 1024 * 1024;
/** Errors listed in one answer; the counts always cover all of them. */
export const MAX_LISTED_ERRORS = 10_000;
const PREVIEW_ROWS = 20;
const INSERT_BATCH = 2000;

/** What the upload and the status requests answer. */
export function importView(job: ImportJob) {
  return {
    id: job.id,
    fileName: job.fileName,
    phase: job.phase,
    processed: job.processed,
    total: job.total,
    valid: job.phase === 'ready' || job.phase === 'committing' || job.phase === 'done' ? job.total - job.errorRows : 0,
    errorRows: job.errorRows,
    errorCount: job.errorCount,
    errors: job.errors.slice(0, MAX_LISTED_ERRORS),
    preview: job.preview,
    ignoredColumns: job.ignoredColumns,
    imported: job.imported,
    expiresAt: new Date(job.expiresAt).toISOString(),
    failure: job.failure,
    quality: job.quality,
  };
}
export type ImportView = ReturnType<typeof importView>;

/**
 * Checks the file (type, zip structure, sizes) at once, then parses and validates it: within the request for
 * small files (`done` resolves with the job ready or failed), else in the background.
 */
export async function startImport(ctx: ServiceContext, key: string, fileName: string, bytes: Uint8Array, limits: ImportLimits) {
  const township = await requireTownship(ctx, 'ledger.write', ctx.db, LEDGERS);
  const ledger = await ledgerOf(ctx.db, township.id, key);
  const kind = importFileKind(fileName, bytes);
  if (kind === 'xlsx') await checkXlsx(bytes);
  const { fields } = await definitionOf(ctx.db, ledger);
  const units = new UnitDirectory(await importRepo.townshipUnits(ctx.db, township.path));
  const job = createJob({
    userId: ctx.principal.userId,
    townshipId: township.id,
    ledgerId: ledger.id,
    ledgerKey: ledger.key,
    definitionVersion: ledger.currentVersion,
    fileName,
  });
  const work = (async () => {
    const context = {
      fields,
      periodType: ledger.kind === 'periodic' ? (ledger.periodType as PeriodType) : null,
      units,
      maxRows: limits.maxRows,
      unitProblem: (unit: TownshipUnit, period: Period | null) => recordUnitProblem(ctx, township, unit, period)?.message ?? null,
    };
    // Rows are checked as they are parsed; the total is known once the file has been read.
    const result = await validateRows(importRows(kind, bytes), context, (done) => {
      job.processed = done;
    });
    job.phase = 'validating';
    job.total = result.dataRows;
    job.ignoredColumns = result.ignoredColumns;
    const clashes = await storedClashes(ctx, job, result.rows, fields);
    const errors = [...result.errors, ...clashes].sort((a, b) => a.row - b.row);
    const badRows = new Set([...result.badRows, ...clashes.map((c) => c.row)]);
    job.errors = errors;
    job.errorCount = errors.length;
    job.errorRows = badRows.size;
    job.rows = badRows.size ? [] : result.rows;
    job.preview = previewOf(ctx, result.rows, badRows, fields);
    job.processed = job.total;
    job.phase = 'ready';
  })().catch((error: unknown) => {
    fail(job, error);
    return error;
  });
  if (bytes.length <= limits.inlineBytes) {
    const error = await work;
    // A file refused as a whole is answered as the request's error, like any other bad input.
    if (error) {
      dropJob(job.id);
      throw error;
    }
  }
  return { job, done: work };
}

function fail(job: ImportJob, error: unknown) {
  job.phase = 'failed';
  job.rows = [];
  job.failure =
    error instanceof AppError
      ? { status: error.status, code: error.code, detail: error.detail, ...(error.errors ? { errors: error.errors } : {}) }
      : { status: 500, code: 'INTERNAL', detail: '文件处理失败，请检查文件后重新上传' };
}

/** The first rows as a list would show them: personal data masked where the user may not read it. */
function previewOf(ctx: ServiceContext, rows: ParsedRow[], badRows: Set<number>, fields: FieldDefinition[]) {
  return rows
    .slice(0, PREVIEW_ROWS)
    .map((r) => ({
      row: r.row,
      orgUnit: { code: r.unitCode, name: r.unitName },
      period: r.period,
      valid: !badRows.has(r.row),
      values: can(ctx.principal, 'personal.read', { path: r.unitPath }) ? r.values : maskPersonalValues(fields, r.values),
    }));
}

const periodRows = (rows: ParsedRow[]) => rows.flatMap((r) => (r.period ? [{ unitId: r.unitId, unitName: r.unitName, period: r.period }] : []));

/**
 * Locked (approved) village periods, and unique values and (unit, period) pairs that live records of the ledger
 * already hold, as row errors.
 */
async function storedClashes(ctx: ServiceContext, job: ImportJob, rows: ParsedRow[], fields: FieldDefinition[]): Promise<RowError[]> {
  const errors: RowError[] = [];
  for (const field of fields.filter((f) => f.unique && !f.retired)) {
    const byValue = new Map<string, number[]>();
    for (const r of rows) {
      if (r.values[field.key] === undefined) continue;
      const json = JSON.stringify(r.values[field.key]);
      byValue.set(json, [...(byValue.get(json) ?? []), r.row]);
    }
    if (byValue.size === 0) continue;
    // Personal values are stored encrypted: each is looked up by its keyed hashes (one per key still in use).
    const byHash = new Map<string, string>();
    if (isPersonalField(field)) {
      for (const json of byValue.keys()) for (const hash of hashesOf(field, String(JSON.parse(json)))) byHash.set(JSON.stringify(hash), json);
    }
    const personal = byHash.size > 0;
    const found = await importRepo.takenValues(ctx.db, job.ledgerId, field.key, personal ? [...byHash.keys()] : [...byValue.keys()], personal);
    const taken = personal ? new Map([...found].map(([hash, holder]) => [byHash.get(hash)!, holder])) : found;
    for (const [json, holder] of taken) {
      const value = JSON.parse(json) as unknown;
      for (const row of byValue.get(json) ?? []) {
        errors.push({ row, column: headerOf(field), value: String(value), message: takenMessage(ctx, field, value, holder) });
      }
    }
  }
  const periods = [...new Set(rows.filter((r) => r.period).map((r) => r.period!))];
  if (periods.length) {
    const locked = new Map((await lockedPeriods(ctx.db, job.ledgerId, periodRows(rows))).map((l) => [`${l.unitId}|${l.period}`, l.message]));
    const taken = await importRepo.takenPeriods(ctx.db, job.ledgerId, periods);
    for (const r of rows) {
      const lock = r.period && locked.get(`${r.unitId}|${r.period}`);
      if (lock) errors.push({ row: r.row, column: PERIOD_HEADER, value: r.period!, message: lock });
      else if (r.period && taken.has(`${r.unitId}|${r.period}`)) {
        errors.push({
          row: r.row,
          column: PERIOD_HEADER,
          value: r.period,
          message: `“${r.unitName}”${r.period} 已填报过，请在台账中修改，不能重复导入`,
        });
      }
    }
  }
  return errors;
}

export function importStatus(ctx: ServiceContext, key: string, id: string) {
  const job = findJob(id, ctx.principal.userId);
  if (!job || job.ledgerKey !== key) throw notFound('导入任务（可能已过期，请重新上传）');
  return importView(job);
}

/**
 * Stores every row of a ready import in one transaction, after checking again what may have changed since the
 * upload: the ledger's fields, the user's scope, unique values and periods entered meanwhile. Any problem
 * stores nothing.
 */
export async function commitImport(ctx: ServiceContext, key: string, id: string) {
  const job = findJob(id, ctx.principal.userId);
  if (!job || job.ledgerKey !== key) throw notFound('导入任务（可能已过期，请重新上传）');
  if (job.phase === 'done') throw new AppError('CONFLICT', `这个文件已经导入（${job.imported} 条），不能重复导入`);
  if (job.phase === 'committing') throw new AppError('CONFLICT', '这个文件正在导入，请稍候');
  if (job.phase === 'parsing' || job.phase === 'validating') throw new AppError('CONFLICT', '文件还在检查中，请稍候');
  if (job.phase === 'failed') throw new AppError('CONFLICT', job.failure?.detail ?? '这个文件导入失败，请重新上传');
  if (job.errorRows > 0) {
    throw invalid(
      job.errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({ field: e.column, row: e.row, value: e.value, message: e.message })),
      `文件有 ${job.errorRows} 行错误，请改正后重新上传，未导入任何数据`,
    );
  }
  job.phase = 'committing';
  job.processed = 0;
  let importFields: FieldDefinition[] = [];
  try {
    const imported = await ctx.db.transaction(async (tx) => {
      const township = await requireTownship(ctx, 'ledger.write', tx, LEDGERS);
      const ledger = await ledgerOf(tx, township.id, key, true);
      if (ledger.id !== job.ledgerId || ledger.currentVersion !== job.definitionVersion) {
        throw new AppError('CONFLICT', '台账的字段在上传后被修改，请下载新模板并重新上传');
      }
      const { fields, workflow } = await definitionOf(tx, ledger);
      importFields = fields;
      for (const r of job.rows) {
        if (!can(ctx.principal, 'ledger.write', { path: r.unitPath })) throw new AppError('FORBIDDEN', unitForbiddenMessage({ name: r.unitName }));
      }
      // a village period approved since the upload is locked: refused by name, as a grid save is
      await assertPeriodsOpen(tx, ledger.id, periodRows(job.rows));
      const clashes = await storedClashes({ ...ctx, db: tx }, job, job.rows, fields);
      if (clashes.length) {
        clashes.sort((a, b) => a.row - b.row);
        throw new AppError(
          'CONFLICT',
          `上传后台账中又录入了相同的数据（${clashes.length} 处），未导入任何数据，请改正后重新上传`,
          clashes.slice(0, MAX_LISTED_ERRORS).map((e) => ({ field: e.column, row: e.row, value: e.value, message: e.message })),
        );
      }
      const common = {
        townshipId: township.id,
        ledgerId: ledger.id,
        status: workflow?.initial ?? null,
        definitionVersion: ledger.currentVersion,
        userId: ctx.actor.userId,
      };
      const prepare = (start: number) =>
        job.rows.slice(start, start + INSERT_BATCH).map((r) => {
          const sealed = sealValues(fields, r.values);
          return {
            orgUnitId: r.unitId,
            values: sealed.values,
            personalHashes: sealed.hashes,
            period: r.period,
            searchText: searchTextOf(fields, r.values, r.unitName),
          };
        });
      let first = 0;
      let last = 0;
      let next = prepare(0);
      for (let start = 0; start < job.rows.length; start += INSERT_BATCH) {
        const batch = next;
        const inserting = importRepo.insertRecords(tx, common, batch);
        // On PostgreSQL the next batch's search texts are computed while the server inserts this one.
        await new Promise((resolve) => setImmediate(resolve));
        next = prepare(start + INSERT_BATCH);
        const ids = await inserting;
        first ||= ids.first;
        last = ids.last;
        job.processed = start + batch.length;
      }
      await recordAudit(tx, ctx.actor, {
        action: 'ledger_record.import',
        entity: 'ledger',
        entityId: ledger.id,
        townshipId: township.id,
        after: { ledger: ledger.key, fileName: job.fileName, count: job.rows.length, firstId: first, lastId: last },
      });
      return job.rows.length;
    });
    job.phase = 'done';
    job.imported = imported;
    // Data quality after an import: the rules, for the periods the file touched. A failed check never fails
    // an import that has been stored.
    job.quality = await afterLedgerImported(ctx, { rows: job.rows, fields: importFields });
    job.rows = [];
    return importView(job);
  } catch (error) {
    fail(job, error);
    throw error;
  }
}
