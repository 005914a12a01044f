import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../../lib/api';
import { refreshRegister } from './keys';

export type RevokeInput = BodyOf<'/api/recognitions/{id}/revoke', 'post'>;

export function revokeRecognition(id: number, body: RevokeInput) {
  return unwrap(api.POST('/api/recognitions/{id}/revoke', { params: { path: { id } }, body }));
}

export function useRevokeRecognition() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: RevokeInput }) => revokeRecognition(v.id, v.body), onSuccess: () => refreshRegister(qc) });
}
