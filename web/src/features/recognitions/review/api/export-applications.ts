import { useMutation } from '@tanstack/react-query';
import { downloadFile, toQueryString } from '../../../../lib/download';
import type { ListApplicationsQuery } from '../../applications/api/list-applications';

export function exportApplications(query: Omit<ListApplicationsQuery, 'limit' | 'cursor'>): Promise<void> {
  return downloadFile(`/api/recognition-applications/export.xlsx${toQueryString(query)}`, '认定申报.xlsx');
}

export function useExportApplications() {
  return useMutation({ mutationFn: exportApplications });
}
