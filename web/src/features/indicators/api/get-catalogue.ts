import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { indicatorsKey } from './keys';

export type Catalogue = ResponseOf<'/api/indicators/catalogue', 'get'>;
export type CatalogueItem = Catalogue['items'][number];

export function getCatalogue(): Promise<Catalogue> {
  return unwrap(api.GET('/api/indicators/catalogue'));
}

export function useCatalogue() {
  return useQuery({ queryKey: [...indicatorsKey, 'catalogue'], queryFn: getCatalogue, staleTime: 10 * 60_000 });
}
