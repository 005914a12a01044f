import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/download';

/** GET /api/enterprises/import-template: the .xlsx with the import columns and notes. */
export function downloadImportTemplate(): Promise<void> {
  return downloadFile('/api/enterprises/import-template', '企业导入模板.xlsx');
}

export function useDownloadImportTemplate() {
  return useMutation({ mutationFn: downloadImportTemplate });
}
