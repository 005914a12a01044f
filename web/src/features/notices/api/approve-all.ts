import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { refreshNotices } from './keys';

export function approveAll(noticeId: number) {
  return unwrap(api.POST('/api/notices/{id}/approve-all', { params: { path: { id: noticeId } } }));
}

export function useApproveAll() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: approveAll, onSuccess: () => refreshNotices(qc) });
}
