// Which township a ledger request is about, and the first access check of every ledger use case.
// Ledgers belong to the signed-in user's township; records are then checked against their own org unit.
import type { Queryable } from '../../db/connection.js';
import { forbidden, invalid, notFound } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can, scopesFor, type Action } from '../../policy/policy.js';
import * as repo from './ledgers.repository.js';

export type LedgerAction = Extract<Action, `ledger.${string}`>;

const DENIED: Record<LedgerAction, string> = {
  'ledger.define': '您无权定义或修改台账',
  'ledger.read': '您无权查看台账数据',
  'ledger.write': '您无权录入或修改台账数据',
  'ledger.restore': '您无权恢复台账记录',
};

/**
 * The user's township, after checking that the action is open to him somewhere in it: defining needs the whole
 * township; reading and writing need some subtree of it (each record is checked again on its own unit).
 */
export async function ledgerTownship(ctx: ServiceContext, q: Queryable, action: LedgerAction): Promise<repo.UnitRecord> {
  const scopes = scopesFor(ctx.principal, action);
  if (scopes.length === 0) throw forbidden(DENIED[action]);
  const township = ctx.townshipId == null ? undefined : await repo.findUnit(q, { id: ctx.townshipId });
  if (!township) throw invalid([{ field: 'township', message: '您的账号不属于任何乡镇，无法使用台账' }], '未关联乡镇');
  const allowed = action === 'ledger.define'
    ? can(ctx.principal, action, { path: township.path })
    : scopes.some((s) => s.startsWith(township.path) || township.path.startsWith(s));
  if (!allowed) throw forbidden(DENIED[action]);
  return township;
}

/** A live ledger of the township; another township's ledger is as unknown as a missing one. */
export async function ledgerOf(q: Queryable, townshipId: number, key: string, lock = false) {
  const ledger = await repo.findLedger(q, townshipId, key, lock);
  if (!ledger) throw notFound(`台账“${key}”`);
  return ledger;
}

/** Refuses a record action on a unit outside the user's scope for that action. */
export function assertUnitAllowed(ctx: ServiceContext, action: LedgerAction, unit: { name: string; path: string }) {
  if (!can(ctx.principal, action, { path: unit.path })) {
    const verb = action === 'ledger.read' ? '查看' : action === 'ledger.restore' ? '恢复' : '录入或修改';
    throw forbidden(`您无权${verb}“${unit.name}”的台账数据`);
  }
}
