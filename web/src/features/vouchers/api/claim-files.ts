import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, sessionHeaders, toApiError, unwrap, type ResponseOf } from '../../../lib/api';
import { downloadFile } from '../../../lib/download';
import { vouchersKey } from './keys';

export type ClaimFile = ResponseOf<'/api/vouchers/claims/{id}/files', 'get'>['items'][number];
export type ClaimFileKind = ClaimFile['kind'];

/** Uploads the acceptance report or the invoice for the booking's claim; the server checks type, size and content. */
export async function uploadClaimFile(bookingId: number, kind: ClaimFileKind, file: File): Promise<ClaimFile> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/vouchers/bookings/${bookingId}/files?kind=${kind}`, { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') });
  } catch {
    throw toApiError(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw toApiError(response.status, body);
  }
  return body as ClaimFile;
}

const stagedKey = (bookingId: number | undefined) => [...vouchersKey, 'staged-files', bookingId];

export function useUploadClaimFile(bookingId: number | undefined) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { kind: ClaimFileKind; file: File }) => uploadClaimFile(bookingId!, v.kind, v.file), onSuccess: () => qc.invalidateQueries({ queryKey: stagedKey(bookingId) }) });
}

/** Files uploaded for the booking's next claim. */
export function useStagedFiles(bookingId: number | undefined) {
  return useQuery({ queryKey: stagedKey(bookingId), queryFn: () => unwrap(api.GET('/api/vouchers/bookings/{id}/files', { params: { path: { id: bookingId! } } })), enabled: bookingId !== undefined });
}

/** The files a claim was submitted with. */
export function useClaimFiles(claimId: number | undefined) {
  return useQuery({ queryKey: [...vouchersKey, 'claim-files', claimId], queryFn: () => unwrap(api.GET('/api/vouchers/claims/{id}/files', { params: { path: { id: claimId! } } })), enabled: claimId !== undefined });
}

/** Downloads one file (the server records the download in the audit log). */
export function downloadClaimFile(file: { id: number; fileName: string }) {
  return downloadFile(`/api/vouchers/claim-files/${file.id}`, file.fileName);
}
