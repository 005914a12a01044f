import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';

export type BridgeList = ResponseOf<'/api/bridge-loans', 'get'>;
export type BridgeDetail = ResponseOf<'/api/bridge-loans/{id}', 'get'>;
export type BridgeInput = BodyOf<'/api/bridge-loans', 'post'>;
export type BridgeAction = BodyOf<'/api/bridge-loans/{id}/actions', 'post'>;

export function useBridgeLoans(query: QueryOf<'/api/bridge-loans', 'get'>) {
  return useQuery({ queryKey: ['loans', 'bridge', query], queryFn: () => unwrap(api.GET('/api/bridge-loans', { params: { query } })) });
}
export function useBridgeLoan(id: number) {
  return useQuery({ queryKey: ['loans', 'bridge', id], queryFn: () => unwrap(api.GET('/api/bridge-loans/{id}', { params: { path: { id } } })) });
}
export function useBridgePool(enabled: boolean) {
  return useQuery({ queryKey: ['loans', 'bridge-pool'], enabled, queryFn: () => unwrap(api.GET('/api/bridge-loans/pool')) });
}
export function useCreateBridgeLoan() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: BridgeInput) => unwrap(api.POST('/api/bridge-loans', { body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['loans'] }) });
}
export function useBridgeAction() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: BridgeAction }) => unwrap(api.POST('/api/bridge-loans/{id}/actions', { params: { path: { id: v.id } }, body: v.body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['loans'] }) });
}
