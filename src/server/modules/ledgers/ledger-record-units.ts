// Where a ledger's record may live and whether the user may write there: one check for the form, the API, the
// periodic grid and the Excel import (locks of approved periods are ledger-period-lock.ts, used by all of them).
// A periodic ledger's figures belong to the township's villages that exist during the period: the rows of its
// grid, which an approval locks. A figure on the township or a villager group would be counted by indicators
// while no grid shows it and no approval locks it.
import { periodLabel, type Period } from '../../../core/periods.js';
import type { ServiceContext } from '../../http/context.js';
import { can } from '../../policy/policy.js';

export interface RecordUnit {
  id: number;
  name: string;
  level: string;
  path: string;
  validFrom: string;
  validTo: string | null;
}

export interface UnitProblem {
  /** forbidden: outside the user's scope (403); invalid: a unit the ledger's records cannot belong to (400). */
  kind: 'forbidden' | 'invalid';
  message: string;
}

export const unitForbiddenMessage = (unit: { name: string }) => `您无权录入或修改“${unit.name}”的台账数据`;

export const notAVillageMessage = (unit: { name: string }, period: Period) =>
  `“${unit.name}”不是本镇${periodLabel(period)}的村（社区）：按期填报的数据只能填到村（社区）`;

/** Whether a unit is one of the township's villages (communities) during the period: a row of the grid. */
export function isGridUnit(township: { path: string }, unit: RecordUnit, period: Period): boolean {
  return (
    unit.level === 'village' &&
    unit.path === `${township.path}${unit.id}/` &&
    unit.validFrom <= period.end &&
    (unit.validTo == null || unit.validTo >= period.start)
  );
}

/**
 * Why the user may not write a record of the ledger on the unit, or null. `period` is the record's period in a
 * periodic ledger and null in a register ledger.
 */
export function recordUnitProblem(ctx: ServiceContext, township: { path: string }, unit: RecordUnit, period: Period | null): UnitProblem | null {
  if (!can(ctx.principal, 'ledger.write', unit)) return { kind: 'forbidden', message: unitForbiddenMessage(unit) };
  if (!unit.path.startsWith(township.path)) return { kind: 'invalid', message: `“${unit.name}”不属于本镇` };
  if (period) {
    if (!isGridUnit(township, unit, period)) return { kind: 'invalid', message: notAVillageMessage(unit, period) };
  } else if (unit.validTo) {
    return { kind: 'invalid', message: `“${unit.name}”已于 ${unit.validTo} 撤销` };
  }
  return null;
}

/** Units a new record may be entered for today (the import template's dropdown). */
export function enterableUnits<U extends RecordUnit>(ctx: ServiceContext, township: { path: string }, units: U[], today: Period | null): U[] {
  return units.filter((u) => !u.validTo && recordUnitProblem(ctx, township, u, today) === null);
}
