import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';
import { programmesKey, refreshProgrammes } from './keys';

export type ProgrammeCall = ResponseOf<'/api/programme-calls', 'get'>['items'][number];
export type CallQuery = QueryOf<'/api/programme-calls', 'get'>;
export type NewCall = BodyOf<'/api/programme-calls', 'post'>;

export function listCalls(query: CallQuery) {
  return unwrap(api.GET('/api/programme-calls', { params: { query } }));
}
export function useCalls(query: CallQuery = {}) {
  return useQuery({
    queryKey: [...programmesKey, 'calls', query],
    queryFn: () => listCalls(query),
  });
}
export function getCall(id: number) {
  return unwrap(api.GET('/api/programme-calls/{id}', { params: { path: { id } } }));
}
export function useCall(id: number) {
  return useQuery({
    queryKey: [...programmesKey, 'call', id],
    queryFn: () => getCall(id),
  });
}
export function createCall(body: NewCall) {
  return unwrap(api.POST('/api/programme-calls', { body }));
}
export function useCreateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createCall,
    onSuccess: () => refreshProgrammes(qc),
  });
}
