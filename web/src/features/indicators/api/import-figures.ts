import { useMutation } from '@tanstack/react-query';
import { uploadForJob } from '../../jobs/api/get-job';

/** Uploads reported statistics or targets (Excel or CSV): 202 with the background job that imports all rows or none. */
export function importFigures(kind: 'reported' | 'targets', file: File) {
  return uploadForJob(`/api/indicators/imports/${kind}`, file, () => undefined);
}

export function useImportFigures() {
  return useMutation({ mutationFn: (v: { kind: 'reported' | 'targets'; file: File }) => importFigures(v.kind, v.file) });
}
