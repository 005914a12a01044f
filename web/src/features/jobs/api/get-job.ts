import { useQuery } from '@tanstack/react-query';
import { sessionHeaders, toApiError, type RowIssue } from '../../../lib/api';

/** A background job (GET /api/jobs/{id}): an import or a bulk issuance, with progress, then its result or its row errors. */
export interface BackgroundJob {
  id: number;
  kind: 'enterprise_import' | 'voucher_issuance' | 'indicator_import' | 'carrier_stats_import';
  status: 'running' | 'done' | 'failed';
  progress: number;
  stage: string | null;
  filename: string | null;
  result: Record<string, unknown> | null;
  error: string | null;
  rowErrors: RowIssue[];
  rowErrorTotal: number;
  createdAt: string;
  finishedAt: string | null;
}

export async function getJob(id: number): Promise<BackgroundJob> {
  const res = await fetch(`/api/jobs/${id}`, { credentials: 'same-origin', headers: sessionHeaders('GET') });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    throw toApiError(res.status, body);
  }
  return body as BackgroundJob;
}

/** Polls a job every 700 ms while it runs; stops once it is done or failed. */
export function useBackgroundJob(id: number | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: () => getJob(id!),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 700),
    refetchIntervalInBackground: true,
  });
}

/**
 * Uploads a file as multipart field `file` with XMLHttpRequest (only XHR reports upload progress);
 * the server answers 202 with the job that does the work.
 */
export function uploadForJob(url: string, file: File, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<BackgroundJob> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(sessionHeaders('POST'))) {
      xhr.setRequestHeader(k, v);
    }
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        onProgress(Math.round((e.loaded / e.total) * 100));
      }
    };
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status === 202 && body && typeof body === 'object' && 'id' in body) {
        resolve(body as BackgroundJob);
      } else {
        reject(toApiError(xhr.status, body));
      }
    };
    xhr.onerror = () => reject(toApiError(0, null));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
