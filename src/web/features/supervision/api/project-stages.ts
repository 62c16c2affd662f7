// The stage tasks of a page of projects, for the quarter timeline: one request for the whole page.
import { useQuery } from '@tanstack/react-query';
import { projectKeys, useSupervisionTownship, type ProjectList, type ProjectStage } from './projects';
import { api } from '../../../lib/api-client';

export function useProjectsStages(ids: number[]): { stages: Map<number, ProjectStage[]>; loaded: number; failed: number } {
  const { township, ready } = useSupervisionTownship();
  const query = useQuery({
    queryKey: [...projectKeys.all, 'stages', township ?? '', ids],
    queryFn: () => api.get<ProjectList>('/api/projects', { township, ids: ids.join(','), stages: 'true', pageSize: ids.length }),
    enabled: ready && ids.length > 0,
    staleTime: 60_000,
  });
  const stages = new Map<number, ProjectStage[]>((query.data?.items ?? []).map((p) => [p.id, p.stages ?? []]));
  return { stages, loaded: stages.size, failed: query.isError ? ids.length : 0 };
}
