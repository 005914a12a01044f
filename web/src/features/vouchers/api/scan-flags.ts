import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { refreshVouchers } from './keys';

export function scanFlags() {
  return unwrap(api.POST('/api/vouchers/flags/scan'));
}

export function useScanFlags() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: scanFlags, onSuccess: () => refreshVouchers(qc) });
}
