import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { postFile } from '../../../lib/upload';
import { refreshProjects } from './keys';

/** Evidence files of an acceptance's KPIs: the enterprise uploads and deletes them before submitting. */
export function useUploadEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; kpi: string; file: File }) => postFile<{ id: number; fileName: string }>(`/api/projects/acceptances/${v.id}/evidence?kpi=${encodeURIComponent(v.kpi)}`, v.file),
    onSuccess: () => refreshProjects(qc),
  });
}
export function useDeleteEvidence() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; attachmentId: number }) => unwrap(api.DELETE('/api/projects/acceptances/{id}/evidence/{attachmentId}', { params: { path: { id: v.id, attachmentId: v.attachmentId } } })),
    onSuccess: () => refreshProjects(qc),
  });
}
