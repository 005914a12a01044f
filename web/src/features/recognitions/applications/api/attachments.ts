import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, sessionHeaders, toApiError, unwrap } from '../../../../lib/api';
import { downloadFile } from '../../../../lib/download';
import { refreshApplications } from './keys';

/** Uploads one file for an attachment slot of the form; the server checks its type and size. */
export async function uploadAttachment(id: number, code: string, file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/recognition-applications/${id}/attachments?code=${encodeURIComponent(code)}`, { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') });
  } catch {
    throw toApiError(0, null);
  }
  if (!response.ok) {
    throw toApiError(response.status, await response.json().catch(() => null));
  }
}

export function useUploadAttachment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; code: string; file: File }) => uploadAttachment(v.id, v.code, v.file), onSuccess: () => refreshApplications(qc) });
}

export function deleteAttachment(id: number, attachmentId: number) {
  return unwrap(api.DELETE('/api/recognition-applications/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } }));
}

export function useDeleteAttachment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; attachmentId: number }) => deleteAttachment(v.id, v.attachmentId), onSuccess: () => refreshApplications(qc) });
}

export function downloadAttachment(id: number, attachmentId: number, fileName: string) {
  return downloadFile(`/api/recognition-applications/${id}/attachments/${attachmentId}`, fileName);
}
