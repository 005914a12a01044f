import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../lib/api';
import { refreshApplications } from './keys';

export function submitApplication(id: number, version: number) {
  return unwrap(api.POST('/api/recognition-applications/{id}/submit', { params: { path: { id } }, body: { version } }));
}

export function useSubmitApplication() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; version: number }) => submitApplication(v.id, v.version), onSuccess: () => refreshApplications(qc) });
}
