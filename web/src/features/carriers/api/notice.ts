import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api';
import { refreshCarriers } from './keys';

/** Publishes the public notice of city-passed applications of one instrument (the notices kernel). */
export function usePublishCarrierNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { instrument: 'makerspace' | 'incubator'; year: number; title: string; applicationIds: number[] }) =>
      unwrap(api.POST('/api/notices', { body: { ...body, subject: 'municipal' } })),
    onSuccess: () => refreshCarriers(qc),
  });
}

/** The decision after the notice period (the kernel calls the instrument's hook: certificate, recognition). */
export function useDecideCarrierCase(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { approve: boolean; comment?: string }) => unwrap(api.POST('/api/cases/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: () => refreshCarriers(qc),
  });
}
