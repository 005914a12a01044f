import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type ListPoliciesResult = ResponseOf<'/api/vouchers/policies', 'get'>;

export function listPolicies(): Promise<ListPoliciesResult> {
  return unwrap(api.GET('/api/vouchers/policies'));
}

export function usePolicies() {
  return useQuery({ queryKey: [...vouchersKey, 'list-policies'], queryFn: listPolicies, retry: false });
}
