import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';
import { programmesKey, refreshProgrammes } from './keys';

export type Ranking = ResponseOf<'/api/programme-calls/{id}/ranking', 'get'>;
export type Moderation = BodyOf<'/api/project-applications/{id}/moderation', 'post'>;

export function getRanking(id: number) {
  return unwrap(api.GET('/api/programme-calls/{id}/ranking', { params: { path: { id } } }));
}
export function useRanking(id: number) {
  return useQuery({
    queryKey: [...programmesKey, 'ranking', id],
    queryFn: () => getRanking(id),
  });
}
export function moderate(id: number, body: Moderation) {
  return unwrap(
    api.POST('/api/project-applications/{id}/moderation', {
      params: { path: { id } },
      body,
    }),
  );
}
export function useModerate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; body: Moderation }) => moderate(v.id, v.body),
    onSuccess: () => refreshProgrammes(qc),
  });
}
/** Publishes the ranked cases of a call as the kernel's notice (拟立项公示). */
export function publishNotice(body: BodyOf<'/api/notices', 'post'>) {
  return unwrap(api.POST('/api/notices', { body }));
}
export function usePublishNotice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: publishNotice,
    onSuccess: () => refreshProgrammes(qc),
  });
}
