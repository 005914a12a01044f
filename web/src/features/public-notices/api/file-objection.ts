import { useMutation } from '@tanstack/react-query';
import { api, sessionHeaders, toApiError, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';

export type ObjectionInput = BodyOf<'/api/notices/{id}/objections', 'post'>;
export type ObjectionReceipt = ResponseOf<'/api/notices/{id}/objections', 'post'>;

/** Files a real-name objection: JSON, or multipart when an evidence file is attached. */
export async function fileObjection(noticeId: number, input: ObjectionInput, file: File | null): Promise<ObjectionReceipt> {
  if (!file) {
    return unwrap(api.POST('/api/notices/{id}/objections', { params: { path: { id: noticeId } }, body: input }));
  }
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) {
    if (v !== undefined && v !== null) {
      form.append(k, String(v));
    }
  }
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/notices/${noticeId}/objections`, { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') });
  } catch {
    throw toApiError(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw toApiError(response.status, body);
  }
  return body as ObjectionReceipt;
}

export function useFileObjection() {
  return useMutation({ mutationFn: (v: { noticeId: number; input: ObjectionInput; file: File | null }) => fileObjection(v.noticeId, v.input, v.file) });
}
