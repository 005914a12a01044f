import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type GetMyProviderResult = ResponseOf<'/api/vouchers/providers/me', 'get'>;

export function getMyProvider(): Promise<GetMyProviderResult> {
  return unwrap(api.GET('/api/vouchers/providers/me'));
}

export function useMyProvider() {
  return useQuery({ queryKey: [...vouchersKey, 'get-my-provider'], queryFn: getMyProvider, retry: false });
}
