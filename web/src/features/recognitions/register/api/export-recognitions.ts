import { useMutation } from '@tanstack/react-query';
import { downloadFile, toQueryString } from '../../../../lib/download';
import { initialLang, translateFrom } from '../../../../lib/i18n';
import { recognitionsMessages } from '../../messages';
import type { RegisterQuery } from './list-recognitions';

export type ExportQuery = Omit<RegisterQuery, 'cursor' | 'limit'>;

export function exportRecognitions(query: ExportQuery): Promise<void> {
  return downloadFile(`/api/recognitions/export.xlsx${toQueryString(query)}`, translateFrom(recognitionsMessages, initialLang(), 'recognitions.exportRegisterFile'));
}

export function useExportRecognitions() {
  return useMutation({ mutationFn: exportRecognitions });
}
