import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';
import { uploadForJob } from '../../jobs/api/get-job';
import { carriersKey, refreshCarriers } from './keys';

export type StatsDetail = ResponseOf<'/api/carrier-stats/{id}', 'get'>;
export type StatsLine = ResponseOf<'/api/carrier-stats', 'get'>['items'][number];
export type StatsFields = BodyOf<'/api/carriers/{id}/stats', 'post'>['fields'];

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

/** POST /api/carrier-stats/import (multipart field "file"): 202 with the background job that imports the workbook. */
export function useImportStats() {
  return useMutation({ mutationFn: ({ file, onProgress }: { file: File; onProgress: (percent: number) => void }) => uploadForJob('/api/carrier-stats/import', file, onProgress) });
}
