import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, sessionHeaders, toApiError, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';
import { carriersKey, refreshCarriers } from './keys';

export type StatsDetail = ResponseOf<'/api/carrier-stats/{id}', 'get'>;
export type StatsLine = ResponseOf<'/api/carrier-stats', 'get'>['items'][number];
export type StatsFields = BodyOf<'/api/carriers/{id}/stats', 'post'>['fields'];
export type ImportResult = ResponseOf<'/api/carrier-stats/import', 'post'>;

export const useStatsList = (query: { year?: number; status?: string }) =>
  useQuery({ queryKey: [...carriersKey, 'stats', query], queryFn: () => unwrap(api.GET('/api/carrier-stats', { params: { query } })) });

export const useStats = (id: number) => useQuery({ queryKey: [...carriersKey, 'stats-detail', id], queryFn: () => unwrap(api.GET('/api/carrier-stats/{id}', { params: { path: { id } } })) });

export function useSaveStats(carrierId: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; fields: StatsFields }) => unwrap(api.POST('/api/carriers/{id}/stats', { params: { path: { id: carrierId } }, body })),
    onSuccess: () => refreshCarriers(qc),
  });
}

export function useUpdateStats(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fields: StatsFields) => unwrap(api.PATCH('/api/carrier-stats/{id}', { params: { path: { id } }, body: { fields } })),
    onSuccess: () => refreshCarriers(qc),
  });
}

export function useStatsAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: string; comment?: string }) => unwrap(api.POST('/api/carrier-stats/{id}/actions', { params: { path: { id } }, body })),
    onSuccess: () => refreshCarriers(qc),
  });
}

/** Uploads the statistics workbook (multipart, field "file"). */
export async function importStats(file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  const res = await fetch('/api/carrier-stats/import', { method: 'POST', body: form, credentials: 'same-origin', headers: sessionHeaders('POST') });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    throw toApiError(res.status, body);
  }
  return body as ImportResult;
}

export function useImportStats() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: importStats, onSuccess: () => refreshCarriers(qc) });
}
