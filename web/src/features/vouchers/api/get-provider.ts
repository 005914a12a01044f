import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { vouchersKey } from './keys';

export type GetProviderResult = ResponseOf<'/api/vouchers/providers/{id}', 'get'>;
export type CatalogueService = GetProviderResult['services'][number];

/** A provider with its service catalogue (what a holder books from). */
export function getProvider(id: number): Promise<GetProviderResult> {
  return unwrap(api.GET('/api/vouchers/providers/{id}', { params: { path: { id } } }));
}

export function useProvider(id: number | undefined) {
  return useQuery({ queryKey: [...vouchersKey, 'get-provider', id], queryFn: () => getProvider(id!), enabled: id !== undefined });
}
