import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { postFile } from '../../../lib/upload';
import { refreshProgrammes } from './keys';

export type UploadedAttachment = { id: number; code: string; fileName: string };

/** The applicant's attachments while the application is a draft or returned: upload (by category) and delete. */
export function uploadAttachment(id: number, code: string, file: File) {
  return postFile<UploadedAttachment>(`/api/project-applications/${id}/attachments?code=${encodeURIComponent(code)}`, file);
}
export function useUploadAttachment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; code: string; file: File }) => uploadAttachment(v.id, v.code, v.file),
    onSuccess: () => refreshProgrammes(qc),
  });
}
export function deleteAttachment(id: number, attachmentId: number) {
  return unwrap(api.DELETE('/api/project-applications/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } }));
}
export function useDeleteAttachment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; attachmentId: number }) => deleteAttachment(v.id, v.attachmentId),
    onSuccess: () => refreshProgrammes(qc),
  });
}
/** 撤回: deletes a draft that was never submitted. */
export function withdrawApplication(id: number) {
  return unwrap(api.DELETE('/api/project-applications/{id}', { params: { path: { id } } }));
}
export function useWithdrawApplication() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: withdrawApplication,
    onSuccess: () => refreshProgrammes(qc),
  });
}
