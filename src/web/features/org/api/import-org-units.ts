import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate';

export interface ImportResult {
  imported: number;
  skipped: number;
}

/** Imports a divisions CSV; all or nothing — a 400 lists every bad row and imports none. */
export function useImportOrgUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<ImportResult>('/api/org-units/import', form);
    },
    onSuccess: () => invalidateOrg(queryClient),
  });
}
