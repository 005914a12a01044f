import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, sessionHeaders, toApiError, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';
import { downloadFile } from '../../../lib/download';

export type ApplicationList = ResponseOf<'/api/interest-subsidies', 'get'>;
export type ApplicationDetail = ResponseOf<'/api/interest-subsidies/{id}', 'get'>;
export type ApplicationInput = BodyOf<'/api/interest-subsidies', 'post'>;
export type ApplicationQuery = QueryOf<'/api/interest-subsidies', 'get'>;
export type ActionInput = BodyOf<'/api/interest-subsidies/{id}/actions', 'post'>;

const refresh = (qc: QueryClient) => qc.invalidateQueries({ queryKey: ['subsidies'] });

export function useApplications(query: ApplicationQuery) {
  return useQuery({ queryKey: ['subsidies', 'applications', query], queryFn: () => unwrap(api.GET('/api/interest-subsidies', { params: { query } })) });
}

export function useApplication(id: number) {
  return useQuery({ queryKey: ['subsidies', 'application', id], queryFn: () => unwrap(api.GET('/api/interest-subsidies/{id}', { params: { path: { id } } })) });
}

export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: ApplicationInput) => unwrap(api.POST('/api/interest-subsidies', { body })), onSuccess: () => refresh(qc) });
}

export function useUpdateApplication() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: ApplicationInput }) => unwrap(api.PUT('/api/interest-subsidies/{id}', { params: { path: { id: v.id } }, body: v.body })), onSuccess: () => refresh(qc) });
}

export function useApplicationAction() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: ActionInput }) => unwrap(api.POST('/api/interest-subsidies/{id}/actions', { params: { path: { id: v.id } }, body: v.body })), onSuccess: () => refresh(qc) });
}

/** Uploads a loan contract or an interest receipt (PDF/JPG/PNG); the server checks the file's first bytes. */
export async function uploadAttachment(id: number, code: 'loan_contract' | 'interest_receipt', file: File): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/interest-subsidies/${id}/attachments/${code}`, { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') });
  } catch {
    throw toApiError(0, null);
  }
  if (!response.ok) {
    throw toApiError(response.status, await response.json().catch(() => null));
  }
}

export function useUploadAttachment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; code: 'loan_contract' | 'interest_receipt'; file: File }) => uploadAttachment(v.id, v.code, v.file), onSuccess: () => refresh(qc) });
}

export function downloadAttachment(id: number, attachmentId: number, fileName: string) {
  return downloadFile(`/api/interest-subsidies/${id}/attachments/${attachmentId}`, fileName);
}
