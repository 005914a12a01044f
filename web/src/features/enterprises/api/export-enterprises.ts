import { useMutation } from '@tanstack/react-query';
import { downloadFile, toQueryString } from '../../../lib/download';
import { initialLang, translateFrom } from '../../../lib/i18n';
import { enterprisesMessages } from '../messages';
import type { EnterpriseQuery } from './list-enterprises';

export type ExportQuery = Omit<EnterpriseQuery, 'limit' | 'cursor'>;

/** GET /api/enterprises/export with the list's current filters and sort. */
export function exportEnterprises(query: ExportQuery): Promise<void> {
  return downloadFile(`/api/enterprises/export${toQueryString(query)}`, translateFrom(enterprisesMessages, initialLang(), 'enterprises.exportFile'));
}

export function useExportEnterprises() {
  return useMutation({ mutationFn: exportEnterprises });
}
