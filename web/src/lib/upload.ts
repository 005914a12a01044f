import { sessionHeaders, toApiError } from './api';

/** Posts one file as multipart (field `file`) with the session's CSRF header; the API's error becomes an ApiError. */
export async function postFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') });
  } catch {
    throw toApiError(0, null);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw toApiError(response.status, body);
  }
  return body as T;
}
