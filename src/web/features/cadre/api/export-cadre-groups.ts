import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/download';

export function useExportCadreGroups() {
  return useMutation({ mutationFn: () => downloadFile('/api/cadre-groups/export', undefined, '组线包村.xlsx') });
}
