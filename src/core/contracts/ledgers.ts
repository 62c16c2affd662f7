// What the ledger routes answer (definitions, records, period grids and submissions, imports). The server declares
// these as response schemas (an answer that does not match is a 500, unknown keys are dropped); the web imports
// only the types, so zod stays out of the browser bundle.
import { z } from 'zod';
import { fieldDefinition } from '../ledger-fields.js';
import { workflowDefinition } from '../ledger-workflow.js';
import { PERIOD_TYPES } from '../periods.js';
import { orgUnitRef } from './org.js';

/** Values of a record: keys are the ledger's field keys, checked by core/ledger-fields.ts when written. */
export const recordValues = z.record(z.string(), z.unknown());

export const LEDGER_KINDS = ['register', 'periodic'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

const ledgerHead = {
  key: z.string(),
  name: z.string(),
  kind: z.enum(LEDGER_KINDS),
  description: z.string().nullable(),
  /** Periodic ledgers: the type of their periods; null for register ledgers. */
  periodType: z.enum(PERIOD_TYPES).nullable(),
  /** Installed from the built-in library. */
  builtin: z.boolean(),
  workLine: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  /** The definition's current version: every change of fields or workflow writes a new one. */
  version: z.number().int(),
};

/** A row of the ledger list. */
export const ledgerSummary = z.object({
  ...ledgerHead,
  /** The line's name comes through an outer join, so it is typed (never in practice) nullable. */
  workLine: z.object({ id: z.number().int(), name: z.string().nullable() }).nullable(),
  hasWorkflow: z.boolean(),
  /** Live records. */
  records: z.number().int(),
  /** Fields not retired. */
  fieldCount: z.number().int(),
});
export type LedgerSummary = z.infer<typeof ledgerSummary>;
export const ledgerList = z.object({ items: z.array(ledgerSummary) });

/** A definition at its current version. */
export const ledger = z.object({ ...ledgerHead, fields: z.array(fieldDefinition), workflow: workflowDefinition.nullable() });
export type Ledger = z.infer<typeof ledger>;

/** A ledger of the built-in library, marked as installed in the township or not. */
export const libraryLedger = z.object({
  key: z.string(),
  name: z.string(),
  kind: z.enum(LEDGER_KINDS),
  periodType: z.enum(PERIOD_TYPES).nullable(),
  /** The work line by name; the township's line of that name is linked on install. */
  workLine: z.string(),
  description: z.string(),
  fieldCount: z.number().int(),
  hasWorkflow: z.boolean(),
  installed: z.boolean(),
});
export type LibraryLedger = z.infer<typeof libraryLedger>;
export const ledgerLibrary = z.object({ items: z.array(libraryLedger) });
export const libraryInstalled = z.object({ added: z.array(z.string()) });

export const ledgerRecord = z.object({
  id: z.number().int(),
  orgUnit: orgUnitRef,
  values: recordValues,
  /** Periodic ledgers: the period id; null in register ledgers. */
  period: z.string().nullable(),
  /** Ledgers with a workflow: the state key. */
  status: z.string().nullable(),
  /** Optimistic-lock counter: an update names the version it read; a stale one is a 409. */
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Display name of the last editor. */
  updatedBy: z.string().nullable(),
  deletedAt: z.iso.datetime().nullable(),
  /** ID numbers and mobiles were masked for this user. */
  masked: z.boolean(),
});
export type LedgerRecord = z.infer<typeof ledgerRecord>;

export const recordList = z.object({
  items: z.array(ledgerRecord),
  total: z.number().int(),
  /** Sums of the numeric fields over every record of the filter (not just the page). */
  totals: z.record(z.string(), z.number()),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type RecordList = z.infer<typeof recordList>;

/**
 * One audit entry of a record. The snapshots are what the audit log holds (the record, or a transition's status,
 * note and photos; null where there is none), with values masked as the record is for this user.
 */
export const historyEntry = z.object({
  action: z.string(),
  at: z.iso.datetime(),
  by: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;
export const recordHistory = z.object({ items: z.array(historyEntry) });

/** A period (core/periods.ts) with its Chinese label. */
export const ledgerPeriod = z.object({ id: z.string(), type: z.enum(PERIOD_TYPES), start: z.iso.date(), end: z.iso.date(), label: z.string() });
export type LedgerPeriod = z.infer<typeof ledgerPeriod>;

/** One village of a periodic ledger's grid, with its record of the period if it has one. */
export const gridRow = z.object({
  orgUnit: orgUnitRef,
  recordId: z.number().int().nullable(),
  version: z.number().int().nullable(),
  values: recordValues,
  updatedBy: z.string().nullable(),
  updatedAt: z.iso.datetime().nullable(),
  writable: z.boolean(),
  /** Why the row is locked (approved by the township), or null. */
  locked: z.string().nullable(),
});
export type GridRow = z.infer<typeof gridRow>;

export const grid = z.object({
  period: ledgerPeriod,
  /** The fields not retired. */
  fields: z.array(fieldDefinition),
  items: z.array(gridRow),
  totals: z.record(z.string(), z.number()),
  /** Villages with a record of the period. */
  submitted: z.number().int(),
});
export type Grid = z.infer<typeof grid>;

export const gridSaved = z.object({ period: ledgerPeriod, saved: z.number().int(), items: z.array(ledgerRecord) });
export type GridSaved = z.infer<typeof gridSaved>;

export const SUBMISSION_STATUSES = ['not_submitted', 'submitted', 'approved', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** One village's submission of a period, with what this user may do with it. */
export const submission = z.object({
  orgUnit: orgUnitRef,
  status: z.enum(SUBMISSION_STATUSES),
  submittedBy: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  /** Who last returned or unlocked the period, and why. */
  reopenedBy: z.string().nullable(),
  reopenedAt: z.iso.datetime().nullable(),
  reason: z.string().nullable(),
  /** Submitted (or approved) by the due date; null while not in force. */
  onTime: z.boolean().nullable(),
  locked: z.boolean(),
  can: z.object({ submit: z.boolean(), approve: z.boolean(), return: z.boolean(), unlock: z.boolean() }),
});
export type Submission = z.infer<typeof submission>;
export const submissionList = z.object({ items: z.array(submission) });

/** Reporting of a period over all the township's villages; rates are percentages, null without villages. */
const reportingRates = {
  dueDate: z.iso.date(),
  reported: z.number().int(),
  total: z.number().int(),
  reportingRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
};

export const periodSubmissions = z.object({ period: ledgerPeriod, items: z.array(submission), ...reportingRates });
export type PeriodSubmissions = z.infer<typeof periodSubmissions>;

/** A village that has not submitted a period already due. */
export const overdueItem = z.object({
  ledger: z.object({ key: z.string(), name: z.string() }),
  period: z.string(),
  periodLabel: z.string(),
  orgUnit: orgUnitRef,
  dueDate: z.iso.date(),
});
export type OverdueItem = z.infer<typeof overdueItem>;

/** A periodic ledger's most recently due period: how many villages reported it, and on time. */
export const ledgerReporting = z.object({ ledger: z.object({ key: z.string(), name: z.string() }), period: ledgerPeriod, ...reportingRates });
export type LedgerReporting = z.infer<typeof ledgerReporting>;

export const overdueSubmissions = z.object({
  asOf: z.iso.date(),
  /** First day of the window checked. */
  from: z.iso.date(),
  total: z.number().int(),
  /** The most recently due first, at most 1,000. */
  items: z.array(overdueItem),
  /** The weakest reporting first. */
  ledgers: z.array(ledgerReporting),
});
export type OverdueSubmissions = z.infer<typeof overdueSubmissions>;

export const IMPORT_PHASES = ['parsing', 'validating', 'ready', 'committing', 'done', 'failed'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** A bad cell of an import file. */
export const importError = z.object({ row: z.number().int(), column: z.string(), value: z.string(), message: z.string() });
export type ImportError = z.infer<typeof importError>;

/** The township's data-quality rules checked for the periods an import touched. */
export const importQuality = z.object({
  periods: z.array(z.object({ id: z.string(), label: z.string(), violations: z.number().int() })),
  /** The first violations. */
  items: z.array(z.object({ rule: z.string(), orgUnit: z.string(), period: z.string(), left: z.number(), right: z.number() })),
});
export type ImportQuality = z.infer<typeof importQuality>;

/** An import job, as the upload, its status and its commit answer it. */
export const ledgerImport = z.object({
  id: z.uuid(),
  fileName: z.string(),
  phase: z.enum(IMPORT_PHASES),
  /** Rows read (parsing) or stored (committing) so far. */
  processed: z.number().int(),
  total: z.number().int(),
  valid: z.number().int(),
  errorRows: z.number().int(),
  errorCount: z.number().int(),
  /** The first 10,000 errors; the counts cover all of them. */
  errors: z.array(importError),
  preview: z.array(
    z.object({ row: z.number().int(), orgUnit: orgUnitRef.nullable(), period: z.string().nullable(), valid: z.boolean(), values: recordValues }),
  ),
  ignoredColumns: z.array(z.string()),
  imported: z.number().int(),
  /** The job is forgotten after this time (30 minutes after the upload). */
  expiresAt: z.iso.datetime(),
  /** Why a failed import failed, as the problem document a request would have answered. */
  failure: z
    .object({
      status: z.number().int(),
      code: z.string(),
      detail: z.string(),
      errors: z
        .array(z.object({ field: z.string(), message: z.string(), row: z.number().int().optional(), value: z.string().optional() }))
        .optional(),
    })
    .nullable(),
  /** After the commit; null before it and when the township has no rules. */
  quality: importQuality.nullable(),
});
export type LedgerImport = z.infer<typeof ledgerImport>;
