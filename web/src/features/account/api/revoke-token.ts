import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { tokensKey } from './list-tokens';

export function revokeToken(id: number) {
  return unwrap(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id } } }));
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: revokeToken, onSettled: () => qc.invalidateQueries({ queryKey: tokensKey }) });
}
