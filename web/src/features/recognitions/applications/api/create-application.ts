import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../../lib/api';
import { refreshApplications } from './keys';

export function createApplication(callId: number) {
  return unwrap(api.POST('/api/recognition-applications', { body: { callId } }));
}

export function useCreateApplication() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: createApplication, onSuccess: () => refreshApplications(qc) });
}
