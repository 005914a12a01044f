import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionHeaders, toApiError } from '../../../lib/api';
import { enterprisesKey } from './list-enterprises';

export interface ImportResult {
  imported: number;
  ids: number[];
}

export interface ImportInput {
  file: File;
  /** 0–100 while the file uploads; the server validates and inserts after 100. */
  onProgress: (percent: number) => void;
  signal?: AbortSignal;
}

function isImportResult(v: unknown): v is ImportResult {
  return !!v && typeof v === 'object' && 'imported' in v && typeof v.imported === 'number';
}

/**
 * POST /api/enterprises/import as multipart field `file`. XMLHttpRequest rather than fetch,
 * because only XHR reports upload progress.
 */
export function importEnterprises({ file, onProgress, signal }: ImportInput): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/enterprises/import');
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
      if (xhr.status >= 200 && xhr.status < 300 && isImportResult(body)) {
        resolve(body);
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

export function useImportEnterprises() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: importEnterprises,
    onSuccess: () => qc.invalidateQueries({ queryKey: enterprisesKey }),
  });
}
