import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ValuesQueryParams } from '../../../../core/contracts/indicators-requests';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type ValueItem, type ValuesAnswer, type ValuesQuery } from './types';

export function getValues(q: ValuesQuery) {
  return api.get<ValuesAnswer>('/api/indicators/values', {
    keys: q.keys.join(','),
    period: q.periods.join(','),
    asOf: q.asOf,
    orgUnit: q.orgUnit,
    by: q.by,
    targets: q.targets ? 'true' : undefined,
  } satisfies ValuesQueryParams);
}

/** Live values of indicators × periods × subjects; nothing is asked without keys. */
export function useIndicatorValues(q: ValuesQuery, enabled = true) {
  return useQuery({
    queryKey: indicatorKeys.values(q),
    queryFn: () => getValues(q),
    enabled: enabled && q.keys.length > 0 && q.periods.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Looks a value up in an answer by indicator, unit and period. */
export function valueOf(answer: ValuesAnswer | undefined, indicator: string, orgUnit?: string, period?: string): ValueItem | undefined {
  return answer?.items.find((i) => i.indicator === indicator && (!orgUnit || i.orgUnit === orgUnit) && (!period || i.period === period));
}
