import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshExperts } from './keys';

export type DeclarationInput = BodyOf<'/api/expert/assignments/{memberId}/declaration', 'post'>;

export function declare(memberId: number, body: DeclarationInput) {
  return unwrap(api.POST('/api/expert/assignments/{memberId}/declaration', { params: { path: { memberId } }, body }));
}

export function useDeclare() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { memberId: number; body: DeclarationInput }) => declare(v.memberId, v.body), onSuccess: () => refreshExperts(qc) });
}
