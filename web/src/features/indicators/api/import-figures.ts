import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionHeaders, toApiError, type ResponseOf } from '../../../lib/api';
import { refreshIndicators } from './keys';

export type ImportResult = ResponseOf<'/api/indicators/imports/{kind}', 'post'>;

/** Uploads reported statistics or targets (Excel or CSV); the server imports all rows or none. */
export async function importFigures(kind: 'reported' | 'targets', file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/indicators/imports/${kind}`, { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') });
  } catch {
    throw toApiError(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw toApiError(response.status, body);
  }
  return body as ImportResult;
}

export function useImportFigures() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { kind: 'reported' | 'targets'; file: File }) => importFigures(v.kind, v.file), onSuccess: () => refreshIndicators(qc) });
}
