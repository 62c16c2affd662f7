// An approved village's period is locked: its figures are not changed by a grid save, an import, or a record
// delete or restore, until a leader unlocks it. Writers take the ledger's row lock first, as approvals do, so a
// save and an approval of the same period run one after the other.
import { chinaDateTime } from '../../../core/china-time.js';
import { parsePeriod, periodLabel } from '../../../core/periods.js';
import type { Queryable } from '../../db/connection.js';
import { AppError } from '../../http/app-error.js';
import { approvedIn, type LockRow } from './ledger-submissions.repository.js';

export interface PeriodOfUnit {
  unitId: number;
  unitName: string;
  period: string;
}

const labelOf = (id: string) => {
  const period = parsePeriod(id);
  return period ? periodLabel(period) : id;
};

/** “燕塘村 2022年6月15日 的数据已于 2022-06-16 09:30 由 张三 审核锁定，如需修改请联系镇里解锁” */
export function lockMessage(unitName: string, period: string, lock: Pick<LockRow, 'approvedBy' | 'approvedAt'>) {
  return `${unitName} ${labelOf(period)} 的数据已于 ${chinaDateTime(lock.approvedAt)} 由 ${lock.approvedBy ?? '镇里'} 审核锁定，如需修改请联系镇里解锁`;
}

/** The locked ones among the (unit, period) pairs, each with the message that refuses its change. */
export async function lockedPeriods(q: Queryable, ledgerId: number, pairs: PeriodOfUnit[]) {
  const periods = [...new Set(pairs.map((p) => p.period))];
  if (!periods.length) return [];
  const locks = new Map((await approvedIn(q, ledgerId, periods)).map((l) => [`${l.orgUnitId}|${l.period}`, l]));
  return pairs.flatMap((pair) => {
    const lock = locks.get(`${pair.unitId}|${pair.period}`);
    return lock ? [{ ...pair, message: lockMessage(pair.unitName, pair.period, lock) }] : [];
  });
}

/** Refuses with 409 when any of the pairs is locked, naming who approved it and when. */
export async function assertPeriodsOpen(q: Queryable, ledgerId: number, pairs: PeriodOfUnit[]) {
  const locked = await lockedPeriods(q, ledgerId, pairs);
  if (!locked.length) return;
  throw new AppError(
    'CONFLICT',
    locked.length === 1 ? locked[0].message : `${locked[0].message}（另有 ${locked.length - 1} 个村同样已锁定）`,
    undefined,
    { locked: locked.map((l) => ({ period: l.period, message: l.message })) },
  );
}
