import { useMutation } from '@tanstack/react-query';
import { downloadFile } from '../../../lib/download';
import { initialLang, translateFrom } from '../../../lib/i18n';
import { enterprisesMessages } from '../messages';

/** GET /api/enterprises/import-template: the .xlsx with the import columns and notes. */
export function downloadImportTemplate(): Promise<void> {
  return downloadFile('/api/enterprises/import-template', translateFrom(enterprisesMessages, initialLang(), 'enterprises.importTemplateFile'));
}

export function useDownloadImportTemplate() {
  return useMutation({ mutationFn: downloadImportTemplate });
}
