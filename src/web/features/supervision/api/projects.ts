// Key projects (重点项目) of 督办: the list (the report's annex), the board (龙虎榜), one project, and its edits and
// progress lines. Answers and requests are the server's contracts (core/contracts/supervision*.ts), types only.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProjectBoard, ProjectDetail, ProjectList } from '../../../../core/contracts/supervision';
import type { CreateProjectBody, ProjectListQuery, ProjectUpdateBody, UpdateProjectBody } from '../../../../core/contracts/supervision-requests';
import { useMe } from '../../../app/auth';
import { api } from '../../../lib/api-client';
import { useTownship } from '../../org/api/use-township';

export type { ProjectBoard, ProjectDetail, ProjectList, ProjectStage, ProjectSummary, ProjectUpdate } from '../../../../core/contracts/supervision';
export type { CreateProjectBody, ProjectUpdateBody, UpdateProjectBody } from '../../../../core/contracts/supervision-requests';

/** The list's filters as the page keeps them. */
export type ProjectFilters = Pick<ProjectListQuery, 'category' | 'status' | 'village' | 'q'> & { goal?: number };

export const projectKeys = {
  all: ['projects'] as const,
  list: (township: string, filters: ProjectFilters, page: number, pageSize: number) =>
    ['projects', 'list', township, filters, page, pageSize] as const,
  board: (township: string) => ['projects', 'board', township] as const,
  detail: (id: number) => ['projects', 'detail', id] as const,
};

/**
 * The `township` query parameter: only a user above townships (an administrator of a county) names one; the
 * server infers it for everyone else.
 */
export function useSupervisionTownship(): { township: string | undefined; ready: boolean } {
  const me = useMe();
  const fallback = useTownship();
  if (me.township) return { township: undefined, ready: true };
  return { township: fallback.code, ready: !!fallback.code };
}

export function useProjects(filters: ProjectFilters, page: number, pageSize: number) {
  const { township, ready } = useSupervisionTownship();
  return useQuery({
    queryKey: projectKeys.list(township ?? '', filters, page, pageSize),
    queryFn: () => api.get<ProjectList>('/api/projects', { township, ...filters, page, pageSize }),
    enabled: ready,
    placeholderData: keepPreviousData,
  });
}

export function useProjectBoard() {
  const { township, ready } = useSupervisionTownship();
  return useQuery({
    queryKey: projectKeys.board(township ?? ''),
    queryFn: () => api.get<ProjectBoard>('/api/projects/board', { township }),
    enabled: ready,
  });
}

export function useProject(id: number | undefined) {
  const { township, ready } = useSupervisionTownship();
  return useQuery({
    queryKey: projectKeys.detail(id ?? 0),
    queryFn: () => api.get<ProjectDetail>(`/api/projects/${id}`, { township }),
    enabled: ready && !!id,
  });
}

/** The annex (重点项目推进表) as Excel: the path and query for ExportButton. */
export function projectExport(township: string | undefined, year: number | undefined) {
  return { path: '/api/projects/export', query: { township, year } };
}

function useProjectMutation<TBody>(send: (body: TBody, township: string | undefined) => Promise<ProjectDetail>) {
  const client = useQueryClient();
  const { township } = useSupervisionTownship();
  return useMutation({
    mutationFn: (body: TBody) => send(body, township),
    onSuccess: (project) => {
      client.setQueryData(projectKeys.detail(project.id), project);
      // lists, the board and the goals' project counts all follow from a project
      void client.invalidateQueries({ queryKey: projectKeys.all });
      void client.invalidateQueries({ queryKey: ['goals'] });
    },
  });
}

const withTownship = (path: string, township: string | undefined) => (township ? `${path}?township=${township}` : path);

export function useCreateProject() {
  return useProjectMutation((body: CreateProjectBody, township) => api.post<ProjectDetail>(withTownship('/api/projects', township), body));
}

/** Saves a project's fields with the version the user saw: someone else's save meanwhile answers 409. */
export function useUpdateProject(id: number) {
  return useProjectMutation((body: UpdateProjectBody, township) => api.patch<ProjectDetail>(withTownship(`/api/projects/${id}`, township), body));
}

/** A progress line (进展): one line, the investment so far, photos, stages done. */
export function usePostProjectUpdate(id: number) {
  return useProjectMutation((body: ProjectUpdateBody, township) =>
    api.post<ProjectDetail>(withTownship(`/api/projects/${id}/updates`, township), body),
  );
}
