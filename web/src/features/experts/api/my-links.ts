import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { expertsKey } from './keys';

export type MyLinks = ResponseOf<'/api/expert/me/links', 'get'>;

export function myLinks(): Promise<MyLinks> {
  return unwrap(api.GET('/api/expert/me/links'));
}

export function useMyLinks() {
  return useQuery({ queryKey: [...expertsKey, 'my-links'], queryFn: myLinks, retry: false });
}
