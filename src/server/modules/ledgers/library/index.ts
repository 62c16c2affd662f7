// The built-in ledger library: the ledgers a township needs to produce every ledger-type figure of its
// half-year report (docs/report-mapping.md). Installed per township by install-library.ts.
import { ENVIRONMENT_LEDGERS } from './environment.js';
import { EPIDEMIC_LEDGERS } from './epidemic.js';
import { FLOOD_LEDGERS } from './flood.js';
import { INDUSTRY_LEDGERS } from './industry.js';
import { INFRASTRUCTURE_LEDGERS } from './infrastructure.js';
import { LIVELIHOOD_LEDGERS } from './livelihood.js';
import { PARTY_EDUCATION_LEDGERS } from './party-education.js';
import { REVITALIZATION_LEDGERS } from './revitalization.js';
import { SAFETY_LEDGERS } from './safety.js';
import type { BuiltinLedger } from './types.js';

export type { BuiltinLedger } from './types.js';

export const BUILTIN_LEDGERS: BuiltinLedger[] = [
  ...INDUSTRY_LEDGERS,
  ...PARTY_EDUCATION_LEDGERS,
  ...EPIDEMIC_LEDGERS,
  ...SAFETY_LEDGERS,
  ...FLOOD_LEDGERS,
  ...ENVIRONMENT_LEDGERS,
  ...INFRASTRUCTURE_LEDGERS,
  ...LIVELIHOOD_LEDGERS,
  ...REVITALIZATION_LEDGERS,
];

export function builtinLedger(key: string): BuiltinLedger | undefined {
  return BUILTIN_LEDGERS.find((l) => l.key === key);
}
