// The ledger routes' request schemas. Bodies and queries are shared contracts (core/contracts/ledgers-requests.ts),
// so the web sends what is checked here; path parameters and the parsed shapes the services take stay here.
import { z } from 'zod';
import {
  ledgerPeriod,
  type createLedgerBody,
  type gridBody,
  type recordsQuery,
  type transitionBody,
} from '../../../core/contracts/ledgers-requests.js';

export {
  approveBody,
  createLedgerBody,
  createRecordBody,
  fieldsBody,
  gridBody,
  installLibraryBody,
  overdueQuery,
  periodicFieldErrors,
  recordsQuery,
  returnBody,
  submitBody,
  transitionBody,
  unlockBody,
  updateRecordBody,
  workflowBody,
} from '../../../core/contracts/ledgers-requests.js';

export const keyParams = z.object({ key: z.string().regex(/^[a-z][a-z0-9_-]{0,59}$/, '台账标识不正确') });
export const recordParams = keyParams.extend({ id: z.coerce.number({ error: '编号应为数字' }).int('编号应为整数').positive('编号不正确') });
export const periodParams = keyParams.extend({ period: ledgerPeriod });

export type CreateLedgerInput = z.infer<typeof createLedgerBody>;
export type RecordsQuery = z.output<typeof recordsQuery>;
export type TransitionInput = z.infer<typeof transitionBody>;
export type GridInput = z.infer<typeof gridBody>;
