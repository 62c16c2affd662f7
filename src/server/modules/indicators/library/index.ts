// The built-in indicator library: every indicator-type figure of the half-year report (docs/report-mapping.md)
// and the companions a township dashboard needs, as data over the built-in ledgers. Periods are chosen when a
// value is read (2022S1, YESTERDAY, LAST_7_DAYS …), never in a definition. Installed by install-library.ts.
import type { IndicatorDefinition } from '../../../../core/indicators.js';
import { INDICATOR_ALIASES } from './aliases.js';
import { ENVIRONMENT_INDICATORS } from './environment.js';
import { EPIDEMIC_INDICATORS } from './epidemic.js';
import { FLOOD_INDICATORS } from './flood.js';
import { INDUSTRY_INDICATORS } from './industry.js';
import { INFRASTRUCTURE_INDICATORS } from './infrastructure.js';
import { LIVELIHOOD_INDICATORS } from './livelihood.js';
import { PARTY_EDUCATION_INDICATORS } from './party-education.js';
import { REVITALIZATION_INDICATORS } from './revitalization.js';
import { SAFETY_INDICATORS } from './safety.js';

const withAliases = (d: IndicatorDefinition): IndicatorDefinition => (INDICATOR_ALIASES[d.key] ? { ...d, aliases: INDICATOR_ALIASES[d.key] } : d);

export const BUILTIN_INDICATORS: IndicatorDefinition[] = [
  ...INDUSTRY_INDICATORS,
  ...PARTY_EDUCATION_INDICATORS,
  ...EPIDEMIC_INDICATORS,
  ...SAFETY_INDICATORS,
  ...FLOOD_INDICATORS,
  ...ENVIRONMENT_INDICATORS,
  ...INFRASTRUCTURE_INDICATORS,
  ...LIVELIHOOD_INDICATORS,
  ...REVITALIZATION_INDICATORS,
].map(withAliases);

export function builtinIndicator(key: string): IndicatorDefinition | undefined {
  return BUILTIN_INDICATORS.find((i) => i.key === key);
}
