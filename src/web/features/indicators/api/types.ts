// Shapes of the indicator, ranking and data-quality API (docs/indicators.md). Answers and requests are the contracts
// the server declares (core/contracts/indicators.ts and indicators-requests.ts, and ledgers.ts for the overdue
// list), imported as types only; what is written here is the web's own: how it keeps a values query, and its
// query keys.
import type { ValuesQueryParams } from '../../../../core/contracts/indicators-requests';

export type {
  Board,
  BoardItem,
  Explanation,
  FormulaExplanation,
  Indicator,
  IndicatorMeta,
  IndicatorPreview,
  IndicatorSource,
  ItemsExplanation,
  LedgerFieldView,
  LibraryIndicator,
  QualityOperator,
  QualityRule,
  Ranking,
  RecordsExplanation,
  TargetRow,
  TargetTable,
  ValueItem,
  ValuesAnswer,
  Violation,
  Violations,
} from '../../../../core/contracts/indicators';
export type { LedgerReporting, OverdueItem, OverdueSubmissions as OverdueAnswer } from '../../../../core/contracts/ledgers';
/** IndicatorInput: a definition as the form sends it; without a key the server makes one from the name's pinyin. */
export type { FilledIndicatorBody as IndicatorInput, SplitLevel } from '../../../../core/contracts/indicators-requests';

/** A values query as the pages keep it: lists as arrays (sent comma-separated), `targets` as a flag. */
export type ValuesQuery = Pick<ValuesQueryParams, 'asOf' | 'orgUnit' | 'by'> & { keys: string[]; periods: string[]; targets?: boolean };

export const indicatorKeys = {
  all: ['indicators'] as const,
  list: ['indicators', 'list'] as const,
  detail: (key: string) => ['indicators', 'detail', key] as const,
  values: (q: ValuesQuery) => ['indicators', 'values', q] as const,
  preview: (q: object) => ['indicators', 'preview', q] as const,
  explain: (key: string, q: object) => ['indicators', 'explain', key, q] as const,
  targets: (key: string, period: string) => ['indicators', 'targets', key, period] as const,
  library: ['indicators', 'library'] as const,
  rankings: ['indicators', 'rankings'] as const,
  board: (key: string, period: string, asOf: string) => ['indicators', 'rankings', key, 'board', period, asOf] as const,
  rules: ['indicators', 'quality-rules'] as const,
  violations: (period: string, asOf: string) => ['indicators', 'quality-rules', 'violations', period, asOf] as const,
  overdue: (asOf: string) => ['indicators', 'overdue', asOf] as const,
};
