// The indicator, ranking and data-quality routes' request schemas. Bodies and queries are shared contracts
// (core/contracts/indicators-requests.ts), so the web sends what is checked here; path parameters and the parsed
// shapes the services take stay here.
import { z } from 'zod';
import { indicatorPeriod, type createIndicatorBody, type updateIndicatorBody } from '../../../core/contracts/indicators-requests.js';

export {
  boardQuery,
  createIndicatorBody,
  createRankingBody,
  explainQuery,
  installLibraryBody,
  previewBody,
  qualityRuleBody,
  source,
  targetsBody,
  targetsQuery,
  updateIndicatorBody,
  updateRankingBody,
  valuesQuery,
} from '../../../core/contracts/indicators-requests.js';

export type CreateIndicatorInput = z.infer<typeof createIndicatorBody>;
export type UpdateIndicatorInput = z.infer<typeof updateIndicatorBody>;

export const keyParams = z.object({ key: z.string().regex(/^[a-z][a-z0-9_]{0,59}$/, '标识不正确') });
export const periodParams = keyParams.extend({ period: indicatorPeriod });
export const idParams = z.object({ id: z.coerce.number().int().positive('编号不正确') });
