import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../../lib/api';
import { refreshApplications } from './keys';

export type ApplicationData = BodyOf<'/api/recognition-applications/{id}', 'patch'>['data'];

export function saveApplication(id: number, data: ApplicationData, version: number) {
  return unwrap(api.PATCH('/api/recognition-applications/{id}', { params: { path: { id } }, body: { data, version } }));
}

export function useSaveApplication() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; data: ApplicationData; version: number }) => saveApplication(v.id, v.data, v.version), onSuccess: () => refreshApplications(qc) });
}
