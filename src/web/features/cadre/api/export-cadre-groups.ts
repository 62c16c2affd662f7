import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/download';
import { useCadreTownship } from './use-cadre-township';

export function useExportCadreGroups() {
  const { township } = useCadreTownship();
  return useMutation({ mutationFn: () => downloadFile('/api/cadre-groups/export', { township }, '组线包村.xlsx') });
}
