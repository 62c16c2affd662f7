import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstallLibraryBody } from '../../../../core/contracts/indicators-requests';
import { api } from '../../../lib/api-client';
import { indicatorKeys, type LibraryIndicator } from './types';

export function useIndicatorLibrary(enabled: boolean) {
  return useQuery({ queryKey: indicatorKeys.library, queryFn: () => api.get<{ items: LibraryIndicator[] }>('/api/indicator-library'), enabled });
}

/** Installs the chosen built-in indicators (all when no keys are given). */
export function useInstallIndicatorLibrary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keys?: string[]) =>
      api.post<{ installed: string[] }>('/api/indicator-library/install', (keys ? { keys } : {}) satisfies InstallLibraryBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.all }),
  });
}
