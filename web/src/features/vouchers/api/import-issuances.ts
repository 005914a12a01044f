import { useMutation } from '@tanstack/react-query';
import { uploadForJob } from '../../jobs/api/get-job';

/** Uploads an approved list (Excel): 202 with the background job that checks it and issues all rows or none. */
export function importIssuances(policyId: number, file: File, onProgress: (percent: number) => void = () => undefined) {
  return uploadForJob(`/api/vouchers/issuances/import?policyId=${policyId}`, file, onProgress);
}

export function useImportIssuances() {
  return useMutation({ mutationFn: (v: { policyId: number; file: File }) => importIssuances(v.policyId, v.file) });
}
