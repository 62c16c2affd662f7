// Shapes of the ledger API. Answers and requests are the contracts the server declares (core/contracts/ledgers.ts,
// ledgers-requests.ts), imported as types only; what is written here is the web's own: how the list keeps its
// filters, query keys and names shown.
import type { LedgerKind } from '../../../../core/contracts/ledgers';
import type { RecordsQueryParams } from '../../../../core/contracts/ledgers-requests';

export type {
  Grid,
  GridRow,
  GridSaved,
  HistoryEntry,
  ImportError,
  Ledger,
  LedgerImport,
  LedgerKind,
  LedgerRecord,
  LedgerSummary,
  PeriodSubmissions,
  RecordList,
  Submission,
  SubmissionStatus,
} from '../../../../core/contracts/ledgers';
export type { Attachment } from '../../../../core/contracts/attachments';

export const LEDGER_KIND_NAMES: Record<LedgerKind, string> = { register: '登记型', periodic: '按期填报' };

/** The list's filters as the page keeps them: `deleted` as a flag, field filters by key (sent as `f.<key>`). */
export type RecordFilters = Pick<RecordsQueryParams, 'orgUnit' | 'q' | 'status' | 'period' | 'sort' | 'order'> & {
  deleted?: boolean;
  fields?: Record<string, string>;
};

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
    orgUnit: filters.orgUnit,
    q: filters.q,
    status: filters.status,
    period: filters.period,
    sort: filters.sort,
    order: filters.sort ? filters.order : undefined,
    deleted: filters.deleted ? 'true' : undefined,
  };
  for (const [key, value] of Object.entries(filters.fields ?? {})) if (value !== '') query[`f.${key}`] = value;
  return query;
}

export const attachmentUrl = (id: string) => `/api/attachments/${encodeURIComponent(id)}`;
