import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type QueryOf, type ResponseOf } from '../../../lib/api';

export type OutreachEvent = ResponseOf<'/api/outreach/events', 'get'>['items'][number];
export type EventInput = BodyOf<'/api/outreach/events', 'post'>;
export type Commissioner = ResponseOf<'/api/commissioners', 'get'>['items'][number];

export function useOutreachEvents(query: QueryOf<'/api/outreach/events', 'get'>) {
  return useQuery({ queryKey: ['outreach', 'events', query], queryFn: () => unwrap(api.GET('/api/outreach/events', { params: { query } })) });
}

export function useCreateEvent() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: EventInput) => unwrap(api.POST('/api/outreach/events', { body })), onSuccess: () => qc.invalidateQueries({ queryKey: ['outreach'] }) });
}

export function useCommissioners(query: QueryOf<'/api/commissioners', 'get'>) {
  return useQuery({ queryKey: ['outreach', 'commissioners', query], queryFn: () => unwrap(api.GET('/api/commissioners', { params: { query } })) });
}
