// Periodic ledgers (e.g. daily vaccination doses per village): one record per village and period, entered in a
// grid of villages × data items. A save is all or nothing; each row carries the version it was read at, so a
// village's figures changed meanwhile by someone else are a conflict, never silently overwritten.
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can } from '../../policy/policy.js';
import { parsePeriod, periodLabel, type Period } from '../../../core/periods.js';
import { PERIOD_TYPE_NAMES, type PeriodType } from '../../../core/periods.js';
import { searchTextOf } from '../../../core/search-text.js';
import { chinaToday } from '../../../core/china-time.js';
import { recordAudit } from '../audit/index.js';
import { requireTownship } from '../../policy/access.js';
import { LEDGERS, ledgerOf } from './ledger-lookup.js';
import { assertPeriodsOpen, lockedPeriods } from './ledger-period-lock.js';
import { recordUnitProblem } from './ledger-record-units.js';
import { findUnit, villagesDuring, type OrgUnitRef } from '../org/index.js';
import { checkValues, definitionOf, present } from './ledger-records.service.js';
import * as repo from './ledgers.repository.js';
import type { GridInput } from './ledgers.schemas.js';

export function periodicLedger(ledger: repo.LedgerRow) {
  if (ledger.kind !== 'periodic') throw invalid([{ field: 'period', message: '登记型台账没有按期填报表格' }], '登记型台账没有按期填报表格');
}

/** The period of the id, which must be of the ledger's period type and not lie in the future (China time). */
export function periodFor(ledger: repo.LedgerRow, id: string, today = chinaToday()): Period {
  const period = parsePeriod(id);
  const type = ledger.periodType as PeriodType;
  if (!period) throw invalid([{ field: 'period', message: `期间“${id}”不存在` }]);
  if (period.type !== type)
    throw invalid([{ field: 'period', message: `“${ledger.name}”按${PERIOD_TYPE_NAMES[type]}填报，期间“${id}”不是${PERIOD_TYPE_NAMES[type]}` }]);
  if (period.start > today) throw invalid([{ field: 'period', message: `${periodLabel(period)}尚未开始，不能填报` }]);
  return period;
}

/** A row of the grid: one of the township's villages (communities) during the period. */
export type GridUnit = OrgUnitRef;

/** The township's villages and communities that exist during the period, in code order. */
export function gridUnits(q: Queryable, township: { id: number }, period: Period): Promise<GridUnit[]> {
  return villagesDuring(q, township.id, period.start, period.end);
}

export async function periodGrid(ctx: ServiceContext, key: string, periodId: string) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  const ledger = await ledgerOf(ctx.db, township.id, key);
  periodicLedger(ledger);
  const period = periodFor(ledger, periodId);
  const { fields } = await definitionOf(ctx.db, ledger);
  const units = (await gridUnits(ctx.db, township, period)).filter((u) => can(ctx.principal, 'ledger.read', { path: u.path }));
  const records = await repo.listRecords(
    ctx.db,
    { townshipId: township.id, ledgerId: ledger.id, scopePaths: units.map((u) => u.path), deleted: false, period: period.id, fields: [] },
    { by: 'orgUnit' },
    'asc',
    1,
    10_000,
    [],
  );
  const byUnit = new Map(records.rows.map((r) => [r.code, r]));
  // an approved village's figures are locked: shown, not writable (see ledger-period-lock.ts)
  const locked = new Map(
    (
      await lockedPeriods(
        ctx.db,
        ledger.id,
        units.map((u) => ({ unitId: u.id, unitName: u.name, period: period.id })),
      )
    ).map((l) => [l.unitId, l.message]),
  );
  const items = units.map((u) => {
    const row = byUnit.get(u.code);
    const view = row ? present(ctx, fields, row) : undefined;
    return {
      orgUnit: { code: u.code, name: u.name },
      recordId: view?.id ?? null,
      version: view?.version ?? null,
      values: view?.values ?? {},
      updatedBy: view?.updatedBy ?? null,
      updatedAt: view?.updatedAt ?? null,
      writable: can(ctx.principal, 'ledger.write', { path: u.path }) && !locked.has(u.id),
      locked: locked.get(u.id) ?? null,
    };
  });
  const totals: Record<string, number> = {};
  for (const field of fields.filter((f) => !f.retired && (f.type === 'integer' || f.type === 'decimal'))) {
    totals[field.key] = items.reduce((sum, item) => sum + (typeof item.values[field.key] === 'number' ? (item.values[field.key] as number) : 0), 0);
  }
  return {
    period: { ...period, label: periodLabel(period) },
    fields: fields.filter((f) => !f.retired),
    items,
    totals,
    submitted: items.filter((i) => i.recordId != null).length,
  };
}

/** Saves the rows of one period: every row is checked first, and one bad or stale row stores nothing. */
export function savePeriodGrid(ctx: ServiceContext, key: string, periodId: string, input: GridInput) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, 'ledger.write', tx, LEDGERS);
    const ledger = await ledgerOf(tx, township.id, key, true);
    periodicLedger(ledger);
    const period = periodFor(ledger, periodId);
    const { fields } = await definitionOf(tx, ledger);
    const units = new Map((await gridUnits(tx, township, period)).map((u) => [u.code, u]));
    const errors: { field: string; message: string }[] = [];
    const seen = new Set<string>();
    const checked: { unit: GridUnit; version: number | null; values: Record<string, unknown> }[] = [];
    for (const [i, row] of input.rows.entries()) {
      const unit = units.get(row.orgUnit) ?? (await findUnit(tx, { code: row.orgUnit }));
      const problem = unit ? recordUnitProblem(ctx, township, unit, period) : { message: `组织单元 ${row.orgUnit} 不存在` };
      if (!unit || problem) {
        errors.push({ field: `rows.${i}.orgUnit`, message: problem!.message });
        continue;
      }
      if (seen.has(unit.code)) errors.push({ field: `rows.${i}.orgUnit`, message: `“${unit.name}”重复` });
      seen.add(unit.code);
      try {
        checked.push({
          unit,
          version: row.version ?? null,
          values: await checkValues(tx, township.id, unit.id, fields, row.values, `rows.${i}.values`),
        });
      } catch (error) {
        if (error instanceof AppError && error.errors) errors.push(...error.errors);
        else throw error;
      }
    }
    if (errors.length) throw invalid(errors, '有数据未通过检查，本次没有保存任何数据');
    await assertPeriodsOpen(
      tx,
      ledger.id,
      checked.map(({ unit }) => ({ unitId: unit.id, unitName: unit.name, period: period.id })),
    );
    const saved = [];
    for (const { unit, version, values } of checked) {
      const current = (
        await repo.listRecords(
          tx,
          { townshipId: township.id, ledgerId: ledger.id, scopePaths: [unit.path], deleted: false, period: period.id, fields: [] },
          { by: 'id' },
          'asc',
          1,
          10,
          [],
        )
      ).rows.find((r) => r.code === unit.code);
      if ((current?.version ?? null) !== version) {
        throw new AppError('CONFLICT', `“${unit.name}”${periodLabel(period)}的数据已被他人修改，请刷新后再保存；本次没有保存任何数据`, undefined, {
          orgUnit: unit.code,
          current: current ? present(ctx, fields, current) : null,
        });
      }
      const searchText = searchTextOf(fields, values, unit.name);
      let id: number;
      if (current) {
        id = Number(current.id);
        if (
          !(await repo.updateRecordValues(
            tx,
            id,
            current.version,
            { values, searchText, definitionVersion: ledger.currentVersion },
            ctx.actor.userId,
          ))
        ) {
          throw new AppError('CONFLICT', `“${unit.name}”的数据已被他人修改，请刷新后再保存`);
        }
      } else {
        id = await repo.insertRecord(tx, {
          townshipId: township.id,
          ledgerId: ledger.id,
          orgUnitId: unit.id,
          period: period.id,
          values,
          searchText,
          version: 1,
          definitionVersion: ledger.currentVersion,
          createdBy: ctx.actor.userId,
          updatedBy: ctx.actor.userId,
        });
      }
      const after = await repo.findRecord(tx, township.id, ledger.id, id);
      await recordAudit(tx, ctx.actor, {
        action: current ? 'ledger_record.update' : 'ledger_record.create',
        entity: 'ledger_record',
        entityId: id,
        townshipId: township.id,
        unitPath: unit.path,
        before: current ? repo.toView(current) : undefined,
        after: repo.toView(after!),
      });
      saved.push(present(ctx, fields, after!));
    }
    return { period: { ...period, label: periodLabel(period) }, saved: saved.length, items: saved };
  });
}
