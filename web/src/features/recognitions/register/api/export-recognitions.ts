import { useMutation } from '@tanstack/react-query';
import { downloadFile, toQueryString } from '../../../../lib/download';
import type { RegisterQuery } from './list-recognitions';

export type ExportQuery = Omit<RegisterQuery, 'cursor' | 'limit'>;

export function exportRecognitions(query: ExportQuery): Promise<void> {
  return downloadFile(`/api/recognitions/export.xlsx${toQueryString(query)}`, '认定名录.xlsx');
}

export function useExportRecognitions() {
  return useMutation({ mutationFn: exportRecognitions });
}
