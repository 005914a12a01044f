import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { tokensKey } from './list-tokens';

export type CreateTokenInput = BodyOf<'/api/auth/tokens', 'post'>;

/** The answer holds the secret in clear, this once; it is never stored client-side. */
export function createToken(body: CreateTokenInput) {
  return unwrap(api.POST('/api/auth/tokens', { body }));
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createToken, onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }) });
}
