// Parsed imports waiting for their commit, kept in this process's memory: each expires 30 minutes after its
// upload, and a user keeps at most three (a fourth upload drops his oldest one that is not being committed).
// A restart forgets them; the user uploads the file again.
import crypto from 'node:crypto';
import type { RecordValues } from '../../../core/ledger-fields.js';
import type { FieldError } from '../../http/app-error.js';

export type ImportPhase = 'parsing' | 'validating' | 'ready' | 'committing' | 'done' | 'failed';

export interface RowError {
  row: number;
  column: string;
  value: string;
  message: string;
}

export interface PreviewRow {
  row: number;
  orgUnit: { code: string; name: string } | null;
  period: string | null;
  values: RecordValues;
  valid: boolean;
}

export interface ParsedRow {
  row: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  unitPath: string;
  period: string | null;
  values: RecordValues;
}

export interface ImportJob {
  id: string;
  userId: number;
  townshipId: number;
  ledgerId: number;
  ledgerKey: string;
  definitionVersion: number;
  fileName: string;
  phase: ImportPhase;
  processed: number;
  total: number;
  createdAt: number;
  expiresAt: number;
  rows: ParsedRow[];
  errors: RowError[];
  errorCount: number;
  errorRows: number;
  preview: PreviewRow[];
  ignoredColumns: string[];
  imported: number;
  /** Why a failed import failed, as the problem document a request would have answered. */
  failure: { status: number; code: string; detail: string; errors?: FieldError[] } | null;
  /** After a commit: the township's data-quality rules checked for the periods the file touched. */
  quality: QualityCheck | null;
}

export interface QualityCheck {
  periods: { id: string; label: string; violations: number }[];
  /** The first violations, for the import dialog. */
  items: { rule: string; orgUnit: string; period: string; left: number; right: number }[];
}

export const IMPORT_TTL_MS = 30 * 60 * 1000;
export const IMPORTS_PER_USER = 3;

const jobs = new Map<string, ImportJob>();

function sweep(now = Date.now()) {
  for (const [id, job] of jobs) if (job.expiresAt <= now && job.phase !== 'committing') jobs.delete(id);
}

export function createJob(fields: Pick<ImportJob, 'userId' | 'townshipId' | 'ledgerId' | 'ledgerKey' | 'definitionVersion' | 'fileName'>): ImportJob {
  sweep();
  const mine = [...jobs.values()].filter((j) => j.userId === fields.userId && j.phase !== 'committing').sort((a, b) => a.createdAt - b.createdAt);
  for (const old of mine.slice(0, Math.max(0, mine.length - IMPORTS_PER_USER + 1))) jobs.delete(old.id);
  const now = Date.now();
  const job: ImportJob = {
    ...fields,
    id: crypto.randomUUID(),
    phase: 'parsing',
    processed: 0,
    total: 0,
    createdAt: now,
    expiresAt: now + IMPORT_TTL_MS,
    rows: [],
    errors: [],
    errorCount: 0,
    errorRows: 0,
    preview: [],
    ignoredColumns: [],
    imported: 0,
    failure: null,
    quality: null,
  };
  jobs.set(job.id, job);
  return job;
}

/** The user's own import, if it has not expired. */
export function findJob(id: string, userId: number): ImportJob | undefined {
  sweep();
  const job = jobs.get(id);
  return job && job.userId === userId ? job : undefined;
}

export function dropJob(id: string) {
  jobs.delete(id);
}
