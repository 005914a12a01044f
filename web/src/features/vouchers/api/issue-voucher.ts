import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshVouchers } from './keys';

export type IssueVoucherInput = BodyOf<'/api/vouchers/issuances', 'post'>;

export function issueVoucher(body: IssueVoucherInput) {
  return unwrap(api.POST('/api/vouchers/issuances', { body }));
}

export function useIssueVoucher() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: issueVoucher, onSuccess: () => refreshVouchers(qc) });
}
