import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportKeys, type SaveVersionBody, type VersionComparison, type VersionDetail, type VersionSummary } from './types';

export interface VersionListQuery {
  template?: string;
  period?: string;
  orgUnit?: string;
  page: number;
  pageSize: number;
}

export interface VersionList {
  items: VersionSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** Saved versions, newest first, of the units the user may read. */
export function useReportVersions(query: VersionListQuery, enabled = true) {
  return useQuery({
    queryKey: reportKeys.versions(query),
    queryFn: () => api.get<VersionList>('/api/reports/versions', { ...query }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useReportVersion(id: number) {
  return useQuery({
    queryKey: reportKeys.version(id),
    queryFn: () => api.get<VersionDetail>(`/api/reports/versions/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** A version's figures against another version (`other` = its id) or against today's data. */
export function useVersionComparison(id: number, other: number | 'today' | undefined) {
  return useQuery({
    queryKey: reportKeys.compare(id, other ?? 'today'),
    queryFn: () => api.get<VersionComparison>(`/api/reports/versions/${id}/compare`, { with: other === 'today' ? undefined : other }),
    enabled: other !== undefined && Number.isInteger(id) && id > 0,
  });
}

export function useSaveVersion() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveVersionBody) => api.post<VersionDetail>('/api/reports/versions', body),
    onSuccess: (version) => {
      client.setQueryData(reportKeys.version(version.id), version);
      return client.invalidateQueries({ queryKey: ['reports', 'versions'] });
    },
  });
}

export function useFinalizeVersion(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<VersionDetail>(`/api/reports/versions/${id}/finalize`),
    onSuccess: (version) => {
      client.setQueryData(reportKeys.version(id), version);
      return client.invalidateQueries({ queryKey: ['reports', 'versions'] });
    },
  });
}
