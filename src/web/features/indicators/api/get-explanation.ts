import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ExplainQueryParams } from '../../../../core/contracts/indicators-requests';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type Explanation } from './types';

export type ExplainQuery = ExplainQueryParams;

export const explainPath = (key: string) => `/api/indicators/${encodeURIComponent(key)}/explain`;
export const explainXlsxPath = (key: string) => `/api/indicators/${encodeURIComponent(key)}/explain.xlsx`;

/** The rows, entered figures or formula parts behind one value (“这个数怎么来的”). */
export function useExplanation(key: string | undefined, q: ExplainQuery) {
  return useQuery({
    queryKey: indicatorKeys.explain(key ?? '', q),
    queryFn: () => api.get<Explanation>(explainPath(key!), { ...q }),
    enabled: !!key,
    placeholderData: keepPreviousData,
  });
}
