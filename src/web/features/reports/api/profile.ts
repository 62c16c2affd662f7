import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { reportKeys, type ProfileBody, type TownshipProfile } from './types';

/** 乡镇概况: the facts templates write as {{township …}} (short name, goal, motto, campaign). */
export function useReportProfile(enabled = true) {
  return useQuery({ queryKey: reportKeys.profile, queryFn: () => api.get<TownshipProfile>('/api/reports/profile'), enabled });
}

export function useSaveReportProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileBody) => api.put<TownshipProfile>('/api/reports/profile', body),
    // every rendered report may quote the profile
    onSuccess: (profile) => {
      client.setQueryData(reportKeys.profile, profile);
      return client.invalidateQueries({ queryKey: ['reports', 'render'] });
    },
  });
}
