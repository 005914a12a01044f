import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshExperts } from './keys';

export type MyLinkInput = BodyOf<'/api/expert/me/links', 'post'>;

export function declareMyLink(body: MyLinkInput) {
  return unwrap(api.POST('/api/expert/me/links', { body }));
}

export function useDeclareMyLink() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: declareMyLink, onSuccess: () => refreshExperts(qc) });
}
