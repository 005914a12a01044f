import { useMutation } from '@tanstack/react-query';
import { uploadForJob } from '../../jobs/api/get-job';

export interface ImportInput {
  file: File;
  /** 0–100 while the file uploads; then the server's job reads, checks and writes it. */
  onProgress: (percent: number) => void;
  signal?: AbortSignal;
}

/** POST /api/enterprises/import: 202 with the background job that imports the file. */
export function importEnterprises({ file, onProgress, signal }: ImportInput) {
  return uploadForJob('/api/enterprises/import', file, onProgress, signal);
}

export function useImportEnterprises() {
  return useMutation({ mutationFn: importEnterprises });
}
