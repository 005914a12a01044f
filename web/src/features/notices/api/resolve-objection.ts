import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshNotices } from './keys';

export type ResolveObjectionInput = BodyOf<'/api/objections/{id}/resolve', 'post'>;

export function resolveObjection(id: number, body: ResolveObjectionInput) {
  return unwrap(api.POST('/api/objections/{id}/resolve', { params: { path: { id } }, body }));
}

export function useResolveObjection() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: ResolveObjectionInput }) => resolveObjection(v.id, v.body), onSuccess: () => refreshNotices(qc) });
}
