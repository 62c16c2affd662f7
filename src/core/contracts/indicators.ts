// What the indicator, ranking and data-quality routes answer (docs/indicators.md). The server declares these as
// response schemas (an answer that does not match is a 500, unknown keys are dropped); the web imports only the
// types, so zod stays out of the browser bundle.
import { z } from 'zod';
import { AGGREGATES, FILTER_OPS, SCALES } from '../indicators.js';
import { TIE_RULES } from '../ranking.js';
import { orgUnitRef } from './org.js';

/** How a value is shown (core/indicators.ts IndicatorFormat). */
const format = { unit: z.string(), decimals: z.number().int(), scale: z.enum(SCALES) };

/**
 * A stored source (core/indicators.ts IndicatorSource). The request schemas (indicators.schemas.ts) bound and
 * refuse unknown keys; an answer only describes what was stored through them.
 */
export const indicatorSource = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('records'),
    ledger: z.string(),
    aggregate: z.enum(AGGREGATES),
    field: z.string().optional(),
    weightField: z.string().optional(),
    filters: z
      .array(
        z.object({
          field: z.string(),
          op: z.enum(FILTER_OPS),
          value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
        }),
      )
      .optional(),
    statuses: z.array(z.string()).optional(),
    dateField: z.string().optional(),
    timing: z.enum(['flow', 'stock']),
    since: z.string().optional(),
  }),
  z.object({
    type: z.literal('items'),
    ledger: z.string(),
    item: z.string(),
    aggregate: z.enum(['count', 'sum', 'avg', 'min', 'max']),
    timing: z.enum(['flow', 'stock', 'cumulative']),
    since: z.string().optional(),
  }),
  z.object({ type: z.literal('formula'), formula: z.string() }),
]);
export type IndicatorSource = z.infer<typeof indicatorSource>;

/** A stored indicator: its definition plus what the server derives. */
export const indicator = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** The work line by name. */
  workLine: z.string().nullable(),
  ...format,
  higherIsBetter: z.boolean(),
  builtin: z.boolean(),
  source: indicatorSource,
  /** The ledger a records or items source reads; null for formulas. */
  ledgerName: z.string().nullable(),
  /** Indicators a formula reads. */
  dependsOn: z.array(z.string()),
});
export type Indicator = z.infer<typeof indicator>;
export const indicatorList = z.object({ items: z.array(indicator) });

/** An indicator of the built-in library, as the township could install it. */
export const libraryIndicator = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  unit: z.string(),
  workLine: z.string().nullable(),
  sourceType: z.enum(['records', 'items', 'formula']),
  installed: z.boolean(),
  /** Library ledgers it reads (through its formula's references too). */
  ledgers: z.array(z.string()),
  ledgersInstalled: z.boolean(),
});
export type LibraryIndicator = z.infer<typeof libraryIndicator>;
export const indicatorLibrary = z.object({ items: z.array(libraryIndicator) });
export const indicatorsInstalled = z.object({ installed: z.array(z.string()) });

/** The township's value of a definition not saved yet. */
export const indicatorPreview = z.object({
  key: z.string(),
  /** The township's code. */
  orgUnit: z.string(),
  period: z.object({ id: z.string(), label: z.string() }),
  value: z.number().nullable(),
});
export type IndicatorPreview = z.infer<typeof indicatorPreview>;

/** A period or relative period (LAST_7_DAYS, LY:2022S1) resolved against the as-of day. */
export const periodWindow = z.object({ id: z.string(), label: z.string(), start: z.iso.date(), end: z.iso.date() });
export type PeriodWindowView = z.infer<typeof periodWindow>;

export const indicatorMeta = z.object({ key: z.string(), name: z.string(), ...format, higherIsBetter: z.boolean() });
export type IndicatorMeta = z.infer<typeof indicatorMeta>;

export const valueItem = z.object({
  indicator: z.string(),
  /** A unit's code, or cg<id> for a cadre group. */
  orgUnit: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  /** Only when targets were asked for. */
  target: z.number().nullable().optional(),
  /** Percent of the target; only when targets were asked for. */
  completion: z.number().nullable().optional(),
});
export type ValueItem = z.infer<typeof valueItem>;

export const valuesAnswer = z.object({
  items: z.array(valueItem),
  indicators: z.array(indicatorMeta),
  /** The subjects: units (level town, village, …) or cadre groups (level cadre_group). */
  orgUnits: z.array(orgUnitRef.extend({ level: z.string() })),
  periods: z.array(periodWindow),
  asOf: z.iso.date(),
});
export type ValuesAnswer = z.infer<typeof valuesAnswer>;

/** A ledger field as an explanation lists it. */
export const explainedField = z.object({ key: z.string(), label: z.string(), type: z.string(), unit: z.string().nullable() });
export type LedgerFieldView = z.infer<typeof explainedField>;

const explanationHead = {
  indicator: z.object({ key: z.string(), name: z.string(), ...format }),
  period: periodWindow,
  orgUnit: orgUnitRef,
  value: z.number().nullable(),
};
const explainedLedger = z.object({ key: z.string(), name: z.string(), fields: z.array(explainedField) });

/** The records behind a records indicator's value, a page of them; ID numbers and mobiles always masked. */
export const recordsExplanation = z.object({
  ...explanationHead,
  kind: z.literal('records'),
  ledger: explainedLedger,
  items: z.array(
    z.object({
      id: z.number().int(),
      orgUnit: orgUnitRef,
      values: z.record(z.string(), z.unknown()),
      status: z.string().nullable(),
      statusLabel: z.string().nullable(),
      createdBy: z.string().nullable(),
      createdAt: z.iso.datetime(),
      updatedBy: z.string().nullable(),
      updatedAt: z.iso.datetime(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
});
export type RecordsExplanation = z.infer<typeof recordsExplanation>;

/** The entered figures behind an items indicator's value. */
export const itemsExplanation = z.object({
  ...explanationHead,
  kind: z.literal('items'),
  ledger: explainedLedger,
  item: z.string(),
  items: z.array(
    z.object({
      orgUnit: orgUnitRef,
      period: z.string().nullable(),
      /** The figure as entered (the item is a numeric field). */
      value: z.unknown(),
      enteredBy: z.string().nullable(),
      enteredAt: z.iso.datetime(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
});
export type ItemsExplanation = z.infer<typeof itemsExplanation>;

/** The parts of a formula indicator's value. */
export const formulaExplanation = z.object({
  ...explanationHead,
  kind: z.literal('formula'),
  formula: z.string(),
  parts: z.array(
    z.object({ key: z.string(), name: z.string(), of: z.enum(['value', 'last_year', 'target']), value: z.number().nullable(), ...format }),
  ),
});
export type FormulaExplanation = z.infer<typeof formulaExplanation>;

export const explanation = z.discriminatedUnion('kind', [recordsExplanation, itemsExplanation, formulaExplanation]);
export type Explanation = z.infer<typeof explanation>;

/** A target table: the township and its villages, each with its own target (null: none set). */
export const targetTable = z.object({
  period: z.string(),
  items: z.array(z.object({ orgUnit: orgUnitRef.extend({ level: z.string() }), value: z.number().nullable() })),
});
export type TargetTable = z.infer<typeof targetTable>;
export type TargetRow = TargetTable['items'][number];

export const RANKING_SUBJECTS = ['village', 'cadre_group'] as const;
export const BOARD_STYLES = ['dragon_tiger', 'red_black'] as const;

/** A ranking as defined by the township (core/ranking.ts RankingDefinition). */
export const ranking = z.object({
  key: z.string(),
  name: z.string(),
  /** The indicator's key. */
  indicator: z.string(),
  subject: z.enum(RANKING_SUBJECTS),
  style: z.enum(BOARD_STYLES),
  topN: z.number().int(),
  bottomN: z.number().int(),
  requireTarget: z.boolean(),
  ties: z.enum(TIE_RULES),
  /** Subjects (village codes, cadre groups as cg<id>) kept off the board, each with its reason. */
  exemptions: z.array(z.object({ subject: z.string(), reason: z.string() })),
});
export type Ranking = z.infer<typeof ranking>;
export const rankingList = z.object({ items: z.array(ranking) });

export const boardItem = z.object({
  subject: orgUnitRef,
  value: z.number().nullable(),
  target: z.number().nullable(),
  completion: z.number().nullable(),
  rank: z.number().int().nullable(),
  previousRank: z.number().int().nullable(),
  /** Places gained since the period before (positive: up). */
  change: z.number().int().nullable(),
  board: z.enum(['top', 'bottom']).nullable(),
  exemption: z.string().nullable(),
});
export type BoardItem = z.infer<typeof boardItem>;

export const board = z.object({
  ranking: ranking.extend({ boardNames: z.object({ top: z.string(), bottom: z.string(), title: z.string() }) }),
  indicator: indicatorMeta,
  period: periodWindow,
  /** The period compared with; without figures in it there are no rank changes. */
  previousPeriod: z.object({ id: z.string(), start: z.iso.date(), end: z.iso.date(), hasFigures: z.boolean() }),
  items: z.array(boardItem),
});
export type Board = z.infer<typeof board>;

export const QUALITY_OPERATORS = ['<=', '<', '=', '>=', '>', '!='] as const;
export type QualityOperator = (typeof QUALITY_OPERATORS)[number];

/** A data-quality rule: two formulas over indicators and an operator, checked per village. */
export const qualityRule = z.object({
  id: z.number().int(),
  name: z.string(),
  left: z.string(),
  operator: z.enum(QUALITY_OPERATORS),
  right: z.string(),
});
export type QualityRule = z.infer<typeof qualityRule>;
export const qualityRuleList = z.object({ items: z.array(qualityRule) });

export const violation = z.object({
  rule: qualityRule.pick({ id: true, name: true, operator: true }),
  orgUnit: orgUnitRef,
  left: z.number(),
  right: z.number(),
});
export type Violation = z.infer<typeof violation>;

export const violations = z.object({
  period: z.object({ id: z.string(), label: z.string() }),
  /** Rules × villages checked. */
  checked: z.number().int(),
  items: z.array(violation),
});
export type Violations = z.infer<typeof violations>;
