import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';
import { carriersKey, refreshCarriers } from './keys';

export type ApplicationDetail = ResponseOf<'/api/carrier-applications/{id}', 'get'>;
export type ApplicationForm = BodyOf<'/api/carriers/{id}/applications', 'post'>['form'];
export type ApplicationLine = ResponseOf<'/api/carrier-applications', 'get'>['items'][number];

export const useApplications = (query: { year?: number; status?: string }) =>
  useQuery({ queryKey: [...carriersKey, 'applications', query], queryFn: () => unwrap(api.GET('/api/carrier-applications', { params: { query } })) });

export const useApplication = (id: number) =>
  useQuery({ queryKey: [...carriersKey, 'application', id], queryFn: () => unwrap(api.GET('/api/carrier-applications/{id}', { params: { path: { id } } })) });

export function useOpenApplication(carrierId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (form: ApplicationForm) => unwrap(api.POST('/api/carriers/{id}/applications', { params: { path: { id: carrierId } }, body: { form } })),
    onSuccess: () => refreshCarriers(qc),
  });
}

export function useUpdateApplication(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (form: ApplicationForm) => unwrap(api.PATCH('/api/carrier-applications/{id}', { params: { path: { id } }, body: { form } })),
    onSuccess: () => refreshCarriers(qc),
  });
}

export function useApplicationAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: string; comment?: string }) => unwrap(api.POST('/api/carrier-applications/{id}/actions', { params: { path: { id } }, body })),
    onSuccess: () => refreshCarriers(qc),
  });
}
