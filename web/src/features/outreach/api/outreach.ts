import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, sessionHeaders, toApiError, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';

export type OutreachEvent = ResponseOf<'/api/outreach/events', 'get'>['items'][number];
export type EventInput = BodyOf<'/api/outreach/events', 'post'>;
export type Commissioner = ResponseOf<'/api/commissioners', 'get'>['items'][number];

export function useOutreachEvents(query: QueryOf<'/api/outreach/events', 'get'>) {
  return useQuery({ queryKey: ['outreach', 'events', query], queryFn: () => unwrap(api.GET('/api/outreach/events', { params: { query } })) });
}

export function useCreateEvent() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: EventInput) => unwrap(api.POST('/api/outreach/events', { body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['outreach'] }) });
}

export function useCommissioners(query: QueryOf<'/api/commissioners', 'get'>) {
  return useQuery({ queryKey: ['outreach', 'commissioners', query], queryFn: () => unwrap(api.GET('/api/commissioners', { params: { query } })) });
}

export type AssignmentInput = BodyOf<'/api/commissioners/{id}/assignments', 'post'>;
export type ServiceRecordInput = BodyOf<'/api/commissioners/{id}/service-records', 'post'>;
const refresh = (qc: ReturnType<typeof useQueryClient>) => qc.invalidateQueries({ queryKey: ['outreach'] });

/** 派驻: a township of a district (and optionally an enterprise there) for a period. */
export function useAddAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AssignmentInput & { id: number }) => unwrap(api.POST('/api/commissioners/{id}/assignments', { params: { path: { id } }, body })),
    onSuccess: () => refresh(qc),
  });
}

/** One service record per commissioner and year. */
export function useAddServiceRecord() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ServiceRecordInput & { id: number }) => unwrap(api.POST('/api/commissioners/{id}/service-records', { params: { path: { id } }, body })),
    onSuccess: () => refresh(qc),
  });
}

/** Uploads one event photo (multipart field "file"; JPG or PNG, checked by the server). */
export async function uploadEventPhoto(v: { id: number; file: File; caption?: string }): Promise<OutreachEvent> {
  const form = new FormData();
  form.append('file', v.file);
  const q = v.caption ? `?caption=${encodeURIComponent(v.caption)}` : '';
  const res = await fetch(`/api/outreach/events/${v.id}/photos${q}`, { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    throw toApiError(res.status, body);
  }
  return body as OutreachEvent;
}

export function useUploadEventPhoto() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: uploadEventPhoto, onSuccess: () => refresh(qc) });
}
