// After an import is stored, other modules look at what it touched: indicators check the data-quality rules of
// the periods it filled. Ledgers do not import those modules (indicators depend on ledgers, never the reverse):
// the app registers the check here when it is built (app.ts).
import type { FieldDefinition } from '../../../core/ledger-fields.js';
import type { ServiceContext } from '../../http/context.js';
import type { QualityCheck } from './ledger-import-store.js';

export interface ImportedRows {
  rows: { period: string | null; values: Record<string, unknown> }[];
  fields: FieldDefinition[];
}

export type AfterImport = (ctx: ServiceContext, imported: ImportedRows) => Promise<QualityCheck | null>;

let afterImport: AfterImport | null = null;

/** Registers what runs after every stored import; its answer is shown with the import's result. */
export function onLedgerImported(check: AfterImport): void {
  afterImport = check;
}

/** The registered check's answer; a failed check never fails an import that has been stored. */
export async function afterLedgerImported(ctx: ServiceContext, imported: ImportedRows): Promise<QualityCheck | null> {
  return afterImport ? afterImport(ctx, imported).catch(() => null) : null;
}
