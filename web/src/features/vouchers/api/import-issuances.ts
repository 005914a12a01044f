import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionHeaders, toApiError } from '../../../lib/api';
import { refreshVouchers } from './keys';

export interface ImportIssuancesResult {
  issued: number;
  total: number;
}

/** Uploads an approved list (Excel); the server issues all rows or none. */
export async function importIssuances(policyId: number, file: File): Promise<ImportIssuancesResult> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/vouchers/issuances/import?policyId=${policyId}`, { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') });
  } catch {
    throw toApiError(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw toApiError(response.status, body);
  }
  return body as ImportIssuancesResult;
}

export function useImportIssuances() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { policyId: number; file: File }) => importIssuances(v.policyId, v.file), onSuccess: () => refreshVouchers(qc) });
}
