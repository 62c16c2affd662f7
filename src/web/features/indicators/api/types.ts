// Shapes of the indicator, ranking and data-quality API (docs/indicators.md).
import type { IndicatorDefinition, IndicatorFormat, IndicatorSource } from '../../../../core/indicators';
import type { RankingDefinition } from '../../../../core/ranking';

export interface OrgRef {
  code: string;
  name: string;
}

/** A stored indicator: its definition plus what the server derives. */
export interface Indicator extends Omit<IndicatorDefinition, 'workLine'> {
  description?: string;
  workLine: string | null;
  builtin: boolean;
  ledgerName: string | null;
  dependsOn: string[];
}

/** A definition as the form sends it: a new indicator without a key gets one from its name's pinyin initials. */
export type IndicatorInput = Omit<IndicatorDefinition, 'workLine' | 'key'> & { key?: string; workLine?: string | null };

export type SplitLevel = 'town' | 'village' | 'group' | 'grid' | 'cadre_group';

export interface ValuesQuery {
  keys: string[];
  periods: string[];
  asOf?: string;
  orgUnit?: string;
  by?: SplitLevel;
  targets?: boolean;
}

export interface ValueItem {
  indicator: string;
  orgUnit: string;
  period: string;
  value: number | null;
  target?: number | null;
  completion?: number | null;
}

export interface IndicatorMeta extends IndicatorFormat {
  key: string;
  name: string;
  higherIsBetter: boolean;
}

export interface ValuesAnswer {
  items: ValueItem[];
  indicators: IndicatorMeta[];
  orgUnits: (OrgRef & { level: string })[];
  periods: { id: string; label: string; start: string; end: string }[];
}

export interface LedgerFieldView {
  key: string;
  label: string;
  type: string;
  unit: string | null;
}

interface ExplanationHead {
  indicator: IndicatorFormat & { key: string; name: string };
  period: { id: string; label: string; start: string; end: string };
  orgUnit: OrgRef;
  value: number | null;
}

export interface RecordsExplanation extends ExplanationHead {
  kind: 'records';
  ledger: { key: string; name: string; fields: LedgerFieldView[] };
  items: {
    id: number; orgUnit: OrgRef; values: Record<string, unknown>; status: string | null; statusLabel?: string | null;
    createdBy: string | null; createdAt: string; updatedBy: string | null; updatedAt: string;
  }[];
  total: number;
  page: number;
}

export interface ItemsExplanation extends ExplanationHead {
  kind: 'items';
  ledger: { key: string; name: string; fields: LedgerFieldView[] };
  item: string;
  items: { orgUnit: OrgRef; period: string; value: number | null; enteredBy: string | null; enteredAt: string }[];
  total: number;
  page: number;
}

export interface FormulaExplanation extends ExplanationHead {
  kind: 'formula';
  formula: string;
  parts: ({ key: string; name: string; of: 'value' | 'last_year' | 'target'; value: number | null } & IndicatorFormat)[];
}

export type Explanation = RecordsExplanation | ItemsExplanation | FormulaExplanation;

export interface TargetRow {
  orgUnit: OrgRef;
  value: number | null;
}

export interface LibraryIndicator {
  key: string;
  name: string;
  unit: string;
  installed: boolean;
  ledgers: string[];
  ledgersInstalled: boolean;
  workLine?: string | null;
  description?: string | null;
}

export type Ranking = RankingDefinition;

export interface BoardItem {
  subject: OrgRef;
  value: number | null;
  target: number | null;
  completion: number | null;
  rank: number | null;
  previousRank: number | null;
  change: number | null;
  board: 'top' | 'bottom' | null;
  exemption: string | null;
}

export interface Board {
  ranking: Ranking & { boardNames: { top: string; bottom: string; title: string } };
  indicator: IndicatorMeta;
  period: { id: string; label: string; start: string; end: string };
  previousPeriod?: { id: string; start: string; end: string; hasFigures: boolean };
  items: BoardItem[];
}

export type QualityOperator = '<=' | '<' | '=' | '>=' | '>' | '!=';

export interface QualityRule {
  id: number;
  name: string;
  left: string;
  operator: QualityOperator;
  right: string;
}

export interface Violation {
  rule: { id: number; name: string };
  orgUnit: OrgRef;
  left: number | null;
  right: number | null;
}

export interface OverdueItem {
  ledger: { key: string; name: string };
  period: string;
  periodLabel: string;
  orgUnit: OrgRef;
  dueDate: string;
}

/** A periodic ledger's most recently due period: how many villages reported it, and on time. */
export interface LedgerReporting {
  ledger: { key: string; name: string };
  period: { id: string; label: string };
  dueDate: string;
  reported: number;
  total: number;
  reportingRate: number | null;
  onTimeRate: number | null;
}

export interface OverdueAnswer {
  asOf: string;
  from: string;
  total: number;
  items: OverdueItem[];
  ledgers: LedgerReporting[];
}

export type { IndicatorSource };

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
