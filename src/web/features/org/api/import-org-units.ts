import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateOrg } from './invalidate';
import type { OrgImportResult } from './types';

/** Imports a divisions CSV; all or nothing — a 400 lists every bad row and imports none. */
export function useImportOrgUnits() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<OrgImportResult>('/api/org-units/import', form);
    },
    onSuccess: () => invalidateOrg(queryClient),
  });
}
