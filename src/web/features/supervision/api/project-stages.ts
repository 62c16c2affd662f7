// The stage tasks of a page of projects, for the quarter timeline (季度进度). The list does not carry stages, so
// each project's detail is asked for; they share the detail's cache, so opening a project afterwards is instant.
import { useQueries } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { projectKeys, useSupervisionTownship, type ProjectDetail, type ProjectStage } from './projects';

export function useProjectsStages(ids: number[]): { stages: Map<number, ProjectStage[]>; loaded: number; failed: number } {
  const { township, ready } = useSupervisionTownship();
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: projectKeys.detail(id),
      queryFn: () => api.get<ProjectDetail>(`/api/projects/${id}`, { township }),
      enabled: ready,
      staleTime: 60_000,
    })),
    combine: (results) => {
      const stages = new Map<number, ProjectStage[]>();
      results.forEach((r, i) => r.data && stages.set(ids[i], r.data.stages));
      return { stages, loaded: stages.size, failed: results.filter((r) => r.isError).length };
    },
  });
}
