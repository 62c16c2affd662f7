// Goals (重点工作, 三个一) of 督办: a year's goals with their indicators, campaign and task counts; create and edit.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Goal, GoalList, TownshipClock } from '../../../../core/contracts/supervision';
import type { CreateGoalBody, GoalListQuery, UpdateGoalBody } from '../../../../core/contracts/supervision-requests';
import { api } from '../../../lib/api-client';
import { useSupervisionTownship } from './projects';

export type { Goal, GoalList } from '../../../../core/contracts/supervision';
export type { CreateGoalBody, UpdateGoalBody } from '../../../../core/contracts/supervision-requests';

export const goalKeys = {
  all: ['goals'] as const,
  list: (township: string, year: number | undefined) => ['goals', 'list', township, year ?? 0] as const,
  clock: (township: string) => ['township-clock', township] as const,
};

export function useGoals(year: number | undefined, enabled = true) {
  const { township, ready } = useSupervisionTownship();
  return useQuery({
    queryKey: goalKeys.list(township ?? '', year),
    queryFn: () => api.get<GoalList>('/api/goals', { township, year } satisfies GoalListQuery),
    enabled: ready && enabled,
  });
}

/** The township's today (a fixed date for the demo township): the year a page opens on. */
export function useTownshipClock() {
  const { township, ready } = useSupervisionTownship();
  return useQuery({
    queryKey: goalKeys.clock(township ?? ''),
    queryFn: () => api.get<TownshipClock>('/api/township-clock', { township }),
    enabled: ready,
    staleTime: 5 * 60_000,
  });
}

const withTownship = (path: string, township: string | undefined) => (township ? `${path}?township=${township}` : path);

function useGoalMutation<TBody>(send: (body: TBody, township: string | undefined) => Promise<Goal>) {
  const client = useQueryClient();
  const { township } = useSupervisionTownship();
  return useMutation({ mutationFn: (body: TBody) => send(body, township), onSuccess: () => client.invalidateQueries({ queryKey: goalKeys.all }) });
}

export function useCreateGoal() {
  return useGoalMutation((body: CreateGoalBody, township) => api.post<Goal>(withTownship('/api/goals', township), body));
}

export function useUpdateGoal(id: number) {
  return useGoalMutation((body: UpdateGoalBody, township) => api.patch<Goal>(withTownship(`/api/goals/${id}`, township), body));
}
