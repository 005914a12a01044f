import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';
import { carriersKey, refreshCarriers } from './keys';

export type CarrierQuery = QueryOf<'/api/carriers', 'get'>;
export type CarrierSummary = ResponseOf<'/api/carriers', 'get'>['items'][number];
export type CarrierDetail = ResponseOf<'/api/carriers/{id}', 'get'>;
export type CarrierInput = BodyOf<'/api/carriers', 'post'>;
export type CarrierPatch = BodyOf<'/api/carriers/{id}', 'patch'>;
export type Firm = ResponseOf<'/api/carriers/{id}/firms', 'get'>['items'][number];
export type PublicCarrier = ResponseOf<'/api/carriers/public', 'get'>['items'][number];

export const useParks = () => useQuery({ queryKey: [...carriersKey, 'parks'], queryFn: () => unwrap(api.GET('/api/carriers/parks')), staleTime: 10 * 60_000 });

export const useCarriers = (query: CarrierQuery) => useQuery({ queryKey: [...carriersKey, 'list', query], queryFn: () => unwrap(api.GET('/api/carriers', { params: { query } })) });

export const usePublicCarriers = (query: CarrierQuery) =>
  useQuery({ queryKey: [...carriersKey, 'public', query], queryFn: () => unwrap(api.GET('/api/carriers/public', { params: { query } })) });

export const useCarrier = (id: number) => useQuery({ queryKey: [...carriersKey, 'detail', id], queryFn: () => unwrap(api.GET('/api/carriers/{id}', { params: { path: { id } } })) });

export const useFirms = (id: number) => useQuery({ queryKey: [...carriersKey, 'firms', id], queryFn: () => unwrap(api.GET('/api/carriers/{id}/firms', { params: { path: { id } } })) });

export function useCreateCarrier() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: CarrierInput) => unwrap(api.POST('/api/carriers', { body })), onSuccess: () => refreshCarriers(qc) });
}

export function useUpdateCarrier(id: number) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: CarrierPatch) => unwrap(api.PATCH('/api/carriers/{id}', { params: { path: { id } }, body })), onSuccess: () => refreshCarriers(qc) });
}

export function useAddFirm(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/carriers/{id}/firms', 'post'>) => unwrap(api.POST('/api/carriers/{id}/firms', { params: { path: { id } }, body })),
    onSuccess: () => refreshCarriers(qc),
  });
}

export function useEndFirm(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ firmId, ...body }: BodyOf<'/api/carriers/{id}/firms/{firmId}/end', 'post'> & { firmId: number }) =>
      unwrap(api.POST('/api/carriers/{id}/firms/{firmId}/end', { params: { path: { id, firmId } }, body })),
    onSuccess: () => refreshCarriers(qc),
  });
}
