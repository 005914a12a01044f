import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';

export type GuaranteeList = ResponseOf<'/api/guarantees', 'get'>;
export type GuaranteeDetail = ResponseOf<'/api/guarantees/{id}', 'get'>;
export type GuaranteeInput = BodyOf<'/api/guarantees', 'post'>;
export type GuaranteeAction = BodyOf<'/api/guarantees/{id}/actions', 'post'>;

export function useGuarantees(query: QueryOf<'/api/guarantees', 'get'>) {
  return useQuery({ queryKey: ['loans', 'guarantees', query], queryFn: () => unwrap(api.GET('/api/guarantees', { params: { query } })) });
}
export function useGuarantee(id: number) {
  return useQuery({ queryKey: ['loans', 'guarantee', id], queryFn: () => unwrap(api.GET('/api/guarantees/{id}', { params: { path: { id } } })) });
}
export function useGuaranteePool(enabled: boolean) {
  return useQuery({ queryKey: ['loans', 'guarantee-pool'], enabled, queryFn: () => unwrap(api.GET('/api/guarantees/pool')) });
}
export function useCreateGuarantee() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: GuaranteeInput) => unwrap(api.POST('/api/guarantees', { body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['loans'] }) });
}
export function useGuaranteeAction() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: GuaranteeAction }) => unwrap(api.POST('/api/guarantees/{id}/actions', { params: { path: { id: v.id } }, body: v.body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['loans'] }) });
}
