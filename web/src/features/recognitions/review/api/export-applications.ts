import { useMutation } from '@tanstack/react-query';
import { downloadFile, toQueryString } from '../../../../lib/download';
import { initialLang, translateFrom } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';
import type { ListApplicationsQuery } from '../../applications/api/list-applications';

export function exportApplications(query: Omit<ListApplicationsQuery, 'limit' | 'cursor'>): Promise<void> {
  return downloadFile(`/api/recognition-applications/export.xlsx${toQueryString(query)}`, translateFrom(recognitionsMessages, initialLang(), 'recognitions.exportApplicationsFile'));
}

export function useExportApplications() {
  return useMutation({ mutationFn: exportApplications });
}
