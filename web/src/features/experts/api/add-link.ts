import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshExperts } from './keys';

export type LinkInput = BodyOf<'/api/experts/{id}/links', 'post'>;

export function addLink(id: number, body: LinkInput) {
  return unwrap(api.POST('/api/experts/{id}/links', { params: { path: { id } }, body }));
}

export function useAddLink() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: LinkInput }) => addLink(v.id, v.body), onSuccess: () => refreshExperts(qc) });
}
