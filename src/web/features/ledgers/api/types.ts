import type { FieldDefinition, RecordValues } from '../../../../core/ledger-fields';
import type { Workflow } from '../../../../core/ledger-workflow';
import type { PeriodType } from '../../../../core/periods';

export type LedgerKind = 'register' | 'periodic';

export const LEDGER_KIND_NAMES: Record<LedgerKind, string> = { register: '登记型', periodic: '按期填报' };

interface LedgerBase {
  key: string;
  name: string;
  kind: LedgerKind;
  description?: string | null;
  periodType?: PeriodType | null;
  builtin?: boolean;
  workLine: { id: number; name: string } | null;
  version: number;
}

export interface LedgerSummary extends LedgerBase {
  hasWorkflow?: boolean;
  records?: number;
  fieldCount: number;
}

/** A definition at its current version. */
export interface Ledger extends LedgerBase {
  fields: FieldDefinition[];
  workflow: Workflow | null;
}

export interface OrgRef {
  code: string;
  name: string;
}

export interface LedgerRecord {
  id: number;
  orgUnit: OrgRef;
  values: RecordValues;
  period?: string | null;
  status?: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  deletedAt?: string | null;
  masked?: boolean;
}

export interface RecordList {
  items: LedgerRecord[];
  total: number;
  totals?: Record<string, number>;
}

/** The list's filters; field filters are `f.<key>`. */
export interface RecordFilters {
  orgUnit?: string;
  q?: string;
  status?: string;
  period?: string;
  sort?: string;
  order?: 'asc' | 'desc';
  deleted?: boolean;
  fields?: Record<string, string>;
}

export interface HistoryEntry {
  action: string;
  at: string;
  by: string | null;
  before: Partial<LedgerRecord> | Record<string, unknown> | null;
  after: Partial<LedgerRecord> | Record<string, unknown> | null;
}

export interface GridRow {
  orgUnit: OrgRef;
  recordId: number | null;
  version: number | null;
  values: RecordValues;
  updatedBy: string | null;
  updatedAt: string | null;
  writable?: boolean;
  /** why the row is locked (approved by the township), or null */
  locked?: string | null;
}

export interface Grid {
  period: { id: string; type?: PeriodType; label: string; start: string; end: string };
  fields?: FieldDefinition[];
  items: GridRow[];
  totals: Record<string, number>;
  submitted?: number;
}

export type SubmissionStatus = 'not_submitted' | 'submitted' | 'approved' | 'returned';

/** One village's submission of a period (GET /api/ledgers/:key/submissions/:period). */
export interface Submission {
  orgUnit: OrgRef;
  status: SubmissionStatus;
  submittedBy: string | null;
  submittedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  /** who last returned or unlocked the period, and why */
  reopenedBy: string | null;
  reopenedAt: string | null;
  reason: string | null;
  onTime: boolean | null;
  locked: boolean;
  can: { submit: boolean; approve: boolean; return: boolean; unlock: boolean };
}

export interface PeriodSubmissions {
  period: { id: string; label: string; start: string; end: string };
  dueDate: string;
  items: Submission[];
  reported: number;
  total: number;
  reportingRate: number | null;
  onTimeRate: number | null;
}

export interface ImportError {
  row: number;
  column: string;
  value: string | null;
  message: string;
}

export interface LedgerImport {
  id: string;
  fileName: string;
  phase: 'parsing' | 'validating' | 'ready' | 'committing' | 'done' | 'failed';
  processed: number;
  total: number;
  valid: number;
  errorRows: number;
  errorCount: number;
  errors: ImportError[];
  preview: { row: number; orgUnit: OrgRef | null; period: string | null; valid: boolean; values: RecordValues }[];
  ignoredColumns: string[];
  imported: number;
  failure: { status: number; code: string; detail: string; errors?: { field: string; row?: number; value?: string; message: string }[] } | null;
  /** After the commit: the township's data-quality rules checked for the periods the file touched. */
  quality?: {
    periods: { id: string; label: string; violations: number }[];
    items: { rule: string; orgUnit: string; period: string; left: number; right: number }[];
  } | null;
}

export interface Attachment {
  id: string;
  fileName: string;
  mimeType: string;
  size: number;
}

export const ledgerKeys = {
  all: ['ledgers'] as const,
  list: ['ledgers', 'list'] as const,
  detail: (key: string) => ['ledgers', 'detail', key] as const,
  records: (key: string) => ['ledgers', 'records', key] as const,
  recordList: (key: string, filters: RecordFilters, page: number, pageSize: number) =>
    ['ledgers', 'records', key, 'list', filters, page, pageSize] as const,
  record: (key: string, id: number) => ['ledgers', 'records', key, 'one', id] as const,
  history: (key: string, id: number) => ['ledgers', 'records', key, 'history', id] as const,
  grid: (key: string, period: string) => ['ledgers', 'records', key, 'grid', period] as const,
  // under records: a grid save or an import refreshes the submission states too
  submissions: (key: string, period: string) => ['ledgers', 'records', key, 'submissions', period] as const,
};

/** The list's query string: `f.<key>` for field filters, `deleted=true` only when asked. */
export function recordQuery(filters: RecordFilters): Record<string, string | undefined> {
  const query: Record<string, string | undefined> = {
    orgUnit: filters.orgUnit, q: filters.q, status: filters.status, period: filters.period,
    sort: filters.sort, order: filters.sort ? filters.order : undefined, deleted: filters.deleted ? 'true' : undefined,
  };
  for (const [key, value] of Object.entries(filters.fields ?? {})) if (value !== '') query[`f.${key}`] = value;
  return query;
}

export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;
