import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type ApiToken = ResponseOf<'/api/auth/tokens', 'get'>['items'][number];

export const tokensKey = ['account', 'tokens'] as const;

export function listTokens(): Promise<ApiToken[]> {
  return unwrap(api.GET('/api/auth/tokens')).then((r) => r.items);
}

export function useTokens() {
  return useQuery({ queryKey: tokensKey, queryFn: listTokens });
}
