// Queries of period submissions: one row per ledger, village and period once a village has first submitted it.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/connection.js';
import { periodSubmissions } from '../../db/schema.js';
import { arrayLiteral } from '../../db/array-literal.js';

export type SubmissionStatus = 'submitted' | 'approved' | 'returned';

export interface SubmissionRow {
  orgUnitId: number;
  period: string;
  status: SubmissionStatus;
  submittedBy: string | null;
  submittedAt: Date | string | null;
  approvedBy: string | null;
  approvedAt: Date | string | null;
  reopenedBy: string | null;
  reopenedAt: Date | string | null;
  reason: string | null;
}

// Users are shown by their display name; the ids stay in the table and the audit trail.
const SELECT_SUBMISSION = sql`
  SELECT s.org_unit_id AS "orgUnitId", s.period, s.status,
         coalesce(sb.display_name, sb.username) AS "submittedBy", s.submitted_at AS "submittedAt",
         coalesce(ab.display_name, ab.username) AS "approvedBy", s.approved_at AS "approvedAt",
         coalesce(ub.display_name, ub.username) AS "reopenedBy", s.unlocked_at AS "reopenedAt", s.unlock_reason AS reason
  FROM period_submissions s
  LEFT JOIN users sb ON sb.id = s.submitted_by
  LEFT JOIN users ab ON ab.id = s.approved_by
  LEFT JOIN users ub ON ub.id = s.unlocked_by`;

/** The submissions of some periods of a ledger (all units). */
export function listSubmissions(q: Queryable, ledgerId: number, periods: string[]) {
  return queryRows<SubmissionRow>(
    q,
    sql`${SELECT_SUBMISSION}
    WHERE s.ledger_id = ${ledgerId} AND s.period = ANY(${arrayLiteral(periods)}::text[])`,
  );
}

/** The submissions of several ledgers whose periods are among the given ones (the overdue list). */
export function listSubmissionsOf(q: Queryable, ledgerIds: number[], periods: string[]) {
  return queryRows<{ ledgerId: number; orgUnitId: number; period: string; status: SubmissionStatus }>(
    q,
    sql`
    SELECT ledger_id AS "ledgerId", org_unit_id AS "orgUnitId", period, status FROM period_submissions
    WHERE ledger_id = ANY(${arrayLiteral(ledgerIds)}::int[]) AND period = ANY(${arrayLiteral(periods)}::text[])`,
  );
}

/** One unit's submission, locked for the rest of the transaction when it is about to change. */
export async function findSubmission(q: Queryable, ledgerId: number, orgUnitId: number, period: string): Promise<SubmissionRow | undefined> {
  const [row] = await queryRows<SubmissionRow>(
    q,
    sql`${SELECT_SUBMISSION}
    WHERE s.ledger_id = ${ledgerId} AND s.org_unit_id = ${orgUnitId} AND s.period = ${period}
    FOR NO KEY UPDATE OF s`,
  );
  return row;
}

export interface SubmissionChange {
  townshipId: number;
  ledgerId: number;
  orgUnitId: number;
  period: string;
  status: SubmissionStatus;
  submittedBy?: number | null;
  submittedAt?: Date;
  approvedBy?: number | null;
  approvedAt?: Date | null;
  unlockedBy?: number | null;
  unlockedAt?: Date | null;
  unlockReason?: string | null;
}

/** Creates the unit's row on its first submission, else changes only the columns given. */
export async function saveSubmission(q: Queryable, change: SubmissionChange) {
  const { townshipId, ledgerId, orgUnitId, period, ...set } = change;
  await q
    .insert(periodSubmissions)
    .values(change)
    .onConflictDoUpdate({ target: [periodSubmissions.ledgerId, periodSubmissions.orgUnitId, periodSubmissions.period], set });
}

export interface LockRow {
  orgUnitId: number;
  period: string;
  approvedBy: string | null;
  approvedAt: Date | string;
}

/** Approved (locked) units of a ledger among the given periods. */
export function approvedIn(q: Queryable, ledgerId: number, periods: string[]) {
  return queryRows<LockRow>(
    q,
    sql`
    SELECT s.org_unit_id AS "orgUnitId", s.period, coalesce(u.display_name, u.username) AS "approvedBy", s.approved_at AS "approvedAt"
    FROM period_submissions s LEFT JOIN users u ON u.id = s.approved_by
    WHERE s.ledger_id = ${ledgerId} AND s.status = 'approved' AND s.period = ANY(${arrayLiteral(periods)}::text[])`,
  );
}

export interface PeriodicLedgerRow {
  id: number;
  key: string;
  name: string;
  periodType: string;
  dueDays: number | null;
  createdAt: Date | string;
}

export function periodicLedgers(q: Queryable, townshipId: number) {
  return queryRows<PeriodicLedgerRow>(
    q,
    sql`
    SELECT id, key, name, period_type AS "periodType", due_days AS "dueDays", created_at AS "createdAt" FROM ledgers
    WHERE township_id = ${townshipId} AND kind = 'periodic' AND deleted_at IS NULL ORDER BY key`,
  );
}

export interface VillageRow {
  id: number;
  code: string;
  name: string;
  validFrom: string;
  validTo: string | null;
}

/** The township's villages and communities, with the days they exist. */
export function townshipVillages(q: Queryable, townshipId: number) {
  return queryRows<VillageRow>(
    q,
    sql`
    SELECT id, code, name, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo"
    FROM org_units WHERE parent_id = ${townshipId} ORDER BY code`,
  );
}
