// Submission and approval of a periodic ledger's period, village by village: a village submits its figures,
// the township approves (which locks them, see ledger-period-lock.ts) or returns them with a reason, and a
// leader may unlock an approved period with a reason, which sends it back to the village as returned.
import { addDays, periodLabel, periodsBetween, type Period, type PeriodType } from '../../../core/periods.js';
import { chinaDate, chinaToday } from '../../../core/china-time.js';
import { dueDateOf, percentOf, submittedOnTime } from '../../../core/submission-due.js';
import type { Queryable } from '../../db/connection.js';
import { AppError, invalid } from '../../http/app-error.js';
import type { ServiceContext } from '../../http/context.js';
import { can, type Action } from '../../policy/policy.js';
import { recordAudit } from '../audit/index.js';
import { requireTownship, requireUnit } from '../../policy/access.js';
import { LEDGERS, ledgerOf } from './ledger-lookup.js';
import { gridUnits, periodFor, periodicLedger, type GridUnit } from './ledger-periods.service.js';
import type { OrgUnitRef } from '../org/index.js';
import * as repo from './ledgers.repository.js';
import * as submissions from './ledger-submissions.repository.js';

type PeriodAction = Extract<Action, `period.${string}`> | 'ledger.read' | 'indicator.read';
export type SubmissionStatus = 'not_submitted' | submissions.SubmissionStatus;

const STATUS_NAMES: Record<SubmissionStatus, string> = { not_submitted: '未上报', submitted: '已上报', approved: '已审核', returned: '已退回' };

const iso = (v: Date | string | null) => (v == null ? null : (v instanceof Date ? v : new Date(v)).toISOString());

function rowView(ctx: ServiceContext, unit: GridUnit, row: submissions.SubmissionRow | undefined, dueDate: string) {
  const status: SubmissionStatus = row?.status ?? 'not_submitted';
  const inForce = status === 'submitted' || status === 'approved';
  return {
    orgUnit: { code: unit.code, name: unit.name },
    status,
    submittedBy: row?.submittedBy ?? null,
    submittedAt: iso(row?.submittedAt ?? null),
    approvedBy: status === 'approved' ? (row?.approvedBy ?? null) : null,
    approvedAt: status === 'approved' ? iso(row?.approvedAt ?? null) : null,
    // who last returned or unlocked the period, and why
    reopenedBy: row?.reopenedBy ?? null,
    reopenedAt: iso(row?.reopenedAt ?? null),
    reason: row?.reason ?? null,
    onTime: inForce && row?.submittedAt ? submittedOnTime(row.submittedAt, dueDate) : null,
    locked: status === 'approved',
    can: {
      submit: (status === 'not_submitted' || status === 'returned') && can(ctx.principal, 'period.submit', unit),
      approve: status === 'submitted' && can(ctx.principal, 'period.approve', unit),
      return: status === 'submitted' && can(ctx.principal, 'period.approve', unit),
      unlock: status === 'approved' && can(ctx.principal, 'period.unlock', unit),
    },
  };
}
export type SubmissionView = ReturnType<typeof rowView>;

async function overview(ctx: ServiceContext, q: Queryable, ledger: repo.LedgerRow, units: GridUnit[], period: Period) {
  const dueDate = dueDateOf(period, ledger.dueDays);
  const rows = new Map((await submissions.listSubmissions(q, ledger.id, [period.id])).map((r) => [r.orgUnitId, r]));
  const items = units.map((u) => rowView(ctx, u, rows.get(u.id), dueDate));
  const reported = items.filter((i) => i.status === 'submitted' || i.status === 'approved');
  return {
    period: { ...period, label: periodLabel(period) },
    dueDate,
    items,
    reported: reported.length,
    total: items.length,
    reportingRate: percentOf(reported.length, items.length),
    onTimeRate: percentOf(reported.filter((i) => i.onTime).length, items.length),
  };
}

/** Every village of the township for the period, with its submission; rates count all of them. */
export async function periodSubmissions(ctx: ServiceContext, key: string, periodId: string) {
  const township = await requireTownship(ctx, 'ledger.read', ctx.db, LEDGERS);
  const ledger = await ledgerOf(ctx.db, township.id, key);
  periodicLedger(ledger);
  const period = periodFor(ledger, periodId);
  return overview(ctx, ctx.db, ledger, await gridUnits(ctx.db, township, period), period);
}

interface Step {
  ctx: ServiceContext;
  tx: Queryable;
  township: OrgUnitRef;
  ledger: repo.LedgerRow;
  period: Period;
  units: Map<string, GridUnit>;
}

/** Runs one write in a transaction: access check, the ledger's row lock (as grid saves take it), the period. */
function periodWrite<T>(ctx: ServiceContext, action: PeriodAction, key: string, periodId: string, write: (step: Step) => Promise<T>) {
  return ctx.db.transaction(async (tx) => {
    const township = await requireTownship(ctx, action, tx, LEDGERS);
    const ledger = await ledgerOf(tx, township.id, key, true);
    periodicLedger(ledger);
    const period = periodFor(ledger, periodId);
    const units = new Map((await gridUnits(tx, township, period)).map((u) => [u.code, u]));
    return write({ ctx, tx, township, ledger, period, units });
  });
}

/** The village of the code, which must be one of the period's villages and within the user's scope. */
function unitFor(step: Step, code: string, field: string, action: PeriodAction) {
  const unit = step.units.get(code);
  if (!unit) throw invalid([{ field, message: `${code} 不是本镇${periodLabel(step.period)}的村（社区）` }]);
  requireUnit(step.ctx, action, unit);
  return unit;
}

async function audit(step: Step, action: string, unit: GridUnit, before: submissions.SubmissionRow | undefined, reason?: string) {
  const after = await submissions.findSubmission(step.tx, step.ledger.id, unit.id, step.period.id);
  const snapshot = (row: submissions.SubmissionRow | undefined) =>
    row && { status: row.status, submittedBy: row.submittedBy, approvedBy: row.approvedBy };
  await recordAudit(step.tx, step.ctx.actor, {
    action,
    entity: 'period_submission',
    entityId: `${step.ledger.key}/${step.period.id}/${unit.code}`,
    townshipId: step.township.id,
    unitPath: unit.path,
    before: { ledger: step.ledger.key, period: step.period.id, orgUnit: unit.code, ...(snapshot(before) ?? { status: 'not_submitted' }) },
    after: { ledger: step.ledger.key, period: step.period.id, orgUnit: unit.code, ...snapshot(after), ...(reason ? { reason } : {}) },
  });
}

async function rowsOf(step: Step, units: GridUnit[]) {
  const view = await overview(step.ctx, step.tx, step.ledger, [...step.units.values()], step.period);
  const codes = new Set(units.map((u) => u.code));
  return view.items.filter((i) => codes.has(i.orgUnit.code));
}

const stateConflict = (unit: GridUnit, status: SubmissionStatus, doing: string) =>
  new AppError('CONFLICT', `“${unit.name}”的数据${STATUS_NAMES[status]}，不能${doing}`, undefined, { status });

/** A village submits its figures; a returned period may be submitted again. */
export function submitPeriod(ctx: ServiceContext, key: string, periodId: string, code: string) {
  return periodWrite(ctx, 'period.submit', key, periodId, async (step) => {
    const unit = unitFor(step, code, 'orgUnit', 'period.submit');
    const current = await submissions.findSubmission(step.tx, step.ledger.id, unit.id, step.period.id);
    if (current && current.status !== 'returned') throw stateConflict(unit, current.status, '再次上报');
    const entered = await repo.listRecords(
      step.tx,
      { townshipId: step.township.id, ledgerId: step.ledger.id, scopePaths: [unit.path], deleted: false, period: step.period.id, fields: [] },
      { by: 'id' },
      'asc',
      1,
      10,
      [],
    );
    if (!entered.rows.some((r) => r.code === unit.code)) {
      throw invalid(
        [{ field: 'orgUnit', message: `“${unit.name}”${periodLabel(step.period)}还没有填报数据，请先填报并保存` }],
        `“${unit.name}”${periodLabel(step.period)}还没有填报数据，请先填报并保存`,
      );
    }
    await submissions.saveSubmission(step.tx, {
      townshipId: step.township.id,
      ledgerId: step.ledger.id,
      orgUnitId: unit.id,
      period: step.period.id,
      status: 'submitted',
      submittedBy: ctx.actor.userId,
      submittedAt: new Date(),
      approvedBy: null,
      approvedAt: null,
    });
    await audit(step, 'period.submit', unit, current);
    return (await rowsOf(step, [unit]))[0];
  });
}

/** Approves (and so locks) the submitted villages; any village not in the submitted state refuses them all. */
export function approvePeriod(ctx: ServiceContext, key: string, periodId: string, codes: string[]) {
  return periodWrite(ctx, 'period.approve', key, periodId, async (step) => {
    const unknown = codes.flatMap((code, i) =>
      step.units.has(code) ? [] : [{ field: `orgUnits.${i}`, message: `${code} 不是本镇${periodLabel(step.period)}的村（社区）` }],
    );
    if (unknown.length) throw invalid(unknown);
    const units = [...new Set(codes)].map((code) => unitFor(step, code, 'orgUnits', 'period.approve'));
    const current = new Map<number, submissions.SubmissionRow | undefined>();
    for (const unit of units) current.set(unit.id, await submissions.findSubmission(step.tx, step.ledger.id, unit.id, step.period.id));
    const refused = units.filter((u) => current.get(u.id)?.status !== 'submitted');
    if (refused.length) {
      const named = refused.map((u) => `${u.name}（${STATUS_NAMES[current.get(u.id)?.status ?? 'not_submitted']}）`);
      throw new AppError(
        'CONFLICT',
        `只能审核已上报的数据，以下村（社区）不能审核：${named.join('、')}；本次没有审核任何村`,
        refused.map((u) => ({ field: 'orgUnits', value: u.code, message: `${u.name}${STATUS_NAMES[current.get(u.id)?.status ?? 'not_submitted']}` })),
      );
    }
    const now = new Date();
    for (const unit of units) {
      await submissions.saveSubmission(step.tx, {
        townshipId: step.township.id,
        ledgerId: step.ledger.id,
        orgUnitId: unit.id,
        period: step.period.id,
        status: 'approved',
        approvedBy: ctx.actor.userId,
        approvedAt: now,
      });
      await audit(step, 'period.approve', unit, current.get(unit.id));
    }
    return { items: await rowsOf(step, units) };
  });
}

/** Sends a submitted village's period back with a reason; the village corrects and submits again. */
export function returnPeriod(ctx: ServiceContext, key: string, periodId: string, code: string, reason: string) {
  return periodWrite(ctx, 'period.approve', key, periodId, async (step) => {
    const unit = unitFor(step, code, 'orgUnit', 'period.approve');
    const current = await submissions.findSubmission(step.tx, step.ledger.id, unit.id, step.period.id);
    const status = current?.status ?? 'not_submitted';
    if (status !== 'submitted') throw stateConflict(unit, status, status === 'approved' ? '退回，请先解锁' : '退回');
    await submissions.saveSubmission(step.tx, {
      townshipId: step.township.id,
      ledgerId: step.ledger.id,
      orgUnitId: unit.id,
      period: step.period.id,
      status: 'returned',
      unlockedBy: ctx.actor.userId,
      unlockedAt: new Date(),
      unlockReason: reason,
    });
    await audit(step, 'period.return', unit, current, reason);
    return (await rowsOf(step, [unit]))[0];
  });
}

/**
 * A leader unlocks an approved period with a reason. It goes back to the village as returned (with the reason),
 * so the figures can be corrected and must be submitted and approved again before they count as reported.
 */
export function unlockPeriod(ctx: ServiceContext, key: string, periodId: string, code: string, reason: string) {
  return periodWrite(ctx, 'period.unlock', key, periodId, async (step) => {
    const unit = unitFor(step, code, 'orgUnit', 'period.unlock');
    const current = await submissions.findSubmission(step.tx, step.ledger.id, unit.id, step.period.id);
    const status = current?.status ?? 'not_submitted';
    if (status !== 'approved') throw stateConflict(unit, status, '解锁（只有已审核的数据需要解锁）');
    await submissions.saveSubmission(step.tx, {
      townshipId: step.township.id,
      ledgerId: step.ledger.id,
      orgUnitId: unit.id,
      period: step.period.id,
      status: 'returned',
      approvedBy: null,
      approvedAt: null,
      unlockedBy: ctx.actor.userId,
      unlockedAt: new Date(),
      unlockReason: reason,
    });
    await audit(step, 'period.unlock', unit, current, reason);
    return (await rowsOf(step, [unit]))[0];
  });
}

/** Periods whose end lies this many days before the as-of day (or later) are checked for overdue villages. */
export const OVERDUE_WINDOW_DAYS = 60;
const OVERDUE_LIMIT = 1000;

/**
 * Villages that have not submitted (or were returned and have not resubmitted) a period of a periodic ledger
 * whose due date has passed by the as-of day. Only periods ending in the window and after the ledger's creation.
 */
export async function overdueSubmissions(ctx: ServiceContext, asOf = chinaToday()) {
  const township = await requireTownship(ctx, 'indicator.read', ctx.db, LEDGERS);
  const from = addDays(asOf, -OVERDUE_WINDOW_DAYS);
  const ledgers = await submissions.periodicLedgers(ctx.db, township.id);
  const villages = await submissions.townshipVillages(ctx.db, township.id);
  const due = ledgers.flatMap((ledger) => {
    const start = [from, chinaDate(ledger.createdAt)].sort()[1];
    return periodsBetween(ledger.periodType as PeriodType, start, asOf)
      .filter((p) => p.end >= start && dueDateOf(p, ledger.dueDays) < asOf)
      .map((period) => ({ ledger, period, dueDate: dueDateOf(period, ledger.dueDays) }));
  });
  const ids = [...new Set(due.map((d) => d.ledger.id))];
  const periods = [...new Set(due.map((d) => d.period.id))];
  const reported = new Set(
    (ids.length ? await submissions.listSubmissionsOf(ctx.db, ids, periods) : [])
      .filter((s) => s.status === 'submitted' || s.status === 'approved')
      .map((s) => `${s.ledgerId}|${s.orgUnitId}|${s.period}`),
  );
  const items = due.flatMap(({ ledger, period, dueDate }) =>
    villages
      .filter((v) => v.validFrom <= period.end && (v.validTo == null || v.validTo >= period.start))
      .filter((v) => !reported.has(`${ledger.id}|${v.id}|${period.id}`))
      .map((v) => ({
        ledger: { key: ledger.key, name: ledger.name },
        period: period.id,
        periodLabel: periodLabel(period),
        orgUnit: { code: v.code, name: v.name },
        dueDate,
      })),
  );
  // the most recently due first: what the dashboard can still chase
  items.sort(
    (a, b) => b.dueDate.localeCompare(a.dueDate) || a.ledger.key.localeCompare(b.ledger.key) || a.orgUnit.code.localeCompare(b.orgUnit.code),
  );
  return { asOf, from, total: items.length, items: items.slice(0, OVERDUE_LIMIT), ledgers: await latestRates(ctx, township, due) };
}

/** Each ledger's most recently due period: its reporting and on-time rates over all the period's villages. */
async function latestRates(ctx: ServiceContext, township: OrgUnitRef, due: { ledger: { id: number; key: string }; period: Period }[]) {
  const latest = new Map<number, (typeof due)[number]>();
  for (const d of due) if (!latest.has(d.ledger.id) || latest.get(d.ledger.id)!.period.end < d.period.end) latest.set(d.ledger.id, d);
  const rates = [];
  for (const {
    ledger: { key },
    period,
  } of latest.values()) {
    const ledger = await ledgerOf(ctx.db, township.id, key);
    const { items: _, ...rate } = await overview(ctx, ctx.db, ledger, await gridUnits(ctx.db, township, period), period);
    rates.push({ ledger: { key: ledger.key, name: ledger.name }, ...rate });
  }
  // the weakest reporting first
  return rates.sort((a, b) => (a.reportingRate ?? 100) - (b.reportingRate ?? 100) || a.ledger.key.localeCompare(b.ledger.key));
}
