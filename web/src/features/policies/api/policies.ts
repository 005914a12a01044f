import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, sessionHeaders, toApiError, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';

export type PolicyQuery = QueryOf<'/api/policies', 'get'>;
export type PolicyItem = ResponseOf<'/api/policies', 'get'>['items'][number];
export type PolicyDetail = ResponseOf<'/api/policies/{id}', 'get'>;
export type PolicyInput = BodyOf<'/api/policies', 'post'>;

export function usePolicies(query: PolicyQuery) {
  return useQuery({ queryKey: ['policies', 'list', query], queryFn: () => unwrap(api.GET('/api/policies', { params: { query } })) });
}

export function usePolicy(id: number) {
  return useQuery({ queryKey: ['policies', 'detail', id], queryFn: () => unwrap(api.GET('/api/policies/{id}', { params: { path: { id } } })) });
}

export function useCreatePolicy() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: PolicyInput) => unwrap(api.POST('/api/policies', { body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['policies'] }) });
}

export function useSetPolicyStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; version: number; status: PolicyInput['status'] }) => unwrap(api.PATCH('/api/policies/{id}', { params: { path: { id: v.id } }, body: { version: v.version, status: v.status } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['policies'] }),
  });
}

/** Uploads the policy's original file (PDF, DOCX, DOC). */
export function useUploadPolicyFile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: { id: number; file: File }) => {
      const form = new FormData();
      form.append('file', v.file);
      const res = await fetch(`/api/policies/${v.id}/file`, { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') }).catch(() => {
        throw toApiError(0, null);
      });
      if (!res.ok) {
        throw toApiError(res.status, await res.json().catch(() => null));
      }
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['policies'] }),
  });
}

export type PolicyPatch = BodyOf<'/api/policies/{id}', 'patch'>;
export type CitationInput = BodyOf<'/api/policies/{id}/citations', 'post'>;
const refresh = (qc: ReturnType<typeof useQueryClient>) => qc.invalidateQueries({ queryKey: ['policies'] });

/** Edits a document's fields and full text (optimistic version). */
export function useUpdatePolicy() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, ...body }: PolicyPatch & { id: number }) => unwrap(api.PATCH('/api/policies/{id}', { params: { path: { id } }, body })), onSuccess: () => refresh(qc) });
}

export function useAddCitation() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: ({ id, ...body }: CitationInput & { id: number }) => unwrap(api.POST('/api/policies/{id}/citations', { params: { path: { id } }, body })), onSuccess: () => refresh(qc) });
}

export function useRemoveCitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; objectType: string; objectId: string }) =>
      unwrap(api.DELETE('/api/policies/{id}/citations/{objectType}/{objectId}', { params: { path: { ...v, objectType: v.objectType as CitationInput['objectType'] } } })),
    onSuccess: () => refresh(qc),
  });
}

/** The policies a call, programme or recognition type cites (public). */
export function useCitedPolicies(objectType: CitationInput['objectType'], objectId: string) {
  return useQuery({ queryKey: ['policies', 'cited', objectType, objectId], queryFn: () => unwrap(api.GET('/api/policies/cited', { params: { query: { objectType, objectId } } })) });
}
