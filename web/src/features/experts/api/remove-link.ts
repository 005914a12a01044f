import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { refreshExperts } from './keys';

export function removeLink(id: number, linkId: number) {
  return unwrap(api.DELETE('/api/experts/{id}/links/{linkId}', { params: { path: { id, linkId } } }));
}

export function useRemoveLink() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; linkId: number }) => removeLink(v.id, v.linkId), onSuccess: () => refreshExperts(qc) });
}
