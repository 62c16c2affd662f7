// What other modules may use of the ledgers module. Ledger tables (definitions, records, change notes) are read
// only here: the indicators ask for ledger shapes, aggregates of records, data versions and the records behind a value.
export { ledgerExcelRoutes } from './ledger-excel.routes.js';
export { ledgersRoutes } from './ledgers.routes.js';
export { ledgerShapes, personalFieldsOfRecords, type CurrentLedger } from './ledgers.repository.js';
export {
  aggregateRows,
  itemsAggregateStatement,
  latestItemAggregateStatement,
  recordsAggregateStatement,
  type AggregateRow,
  type ItemsAggregation,
  type LatestItemAggregation,
  type RecordsAggregation,
  type UnitMapping,
} from './ledger-aggregates.repository.js';
export { compactDataChanges, dataVersions, type DataVersion } from './ledger-changes.repository.js';
export { countRecordsBehindValue, recordsBehindValue, type ValueRecord, type ValueRecordsQuery } from './ledger-value-records.repository.js';
export { checkXlsx, importFileKind } from './ledger-import-file.js';
export { importRows, type SheetRow } from './ledger-import-reader.js';
export { onLedgerImported, type ImportedRows } from './ledger-import-hooks.js';
export type { QualityCheck } from './ledger-import-store.js';
export { BUILTIN_LEDGERS, builtinLedger, type BuiltinLedger } from './library/index.js';
export { installBuiltinLedgers } from './library/install-library.js';
// Records as the user may see them (masked), for the reports' record fields, counts and tables.
export { countRecords, exportRecords as readRecords } from './ledger-records.service.js';
