import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { expertsKey } from './keys';

export type CaseView = ResponseOf<'/api/expert/assignments/{memberId}', 'get'>;
export type ScoreItem = CaseView['scoring']['items'][number];

export function getAssignment(memberId: number): Promise<CaseView> {
  return unwrap(api.GET('/api/expert/assignments/{memberId}', { params: { path: { memberId } } }));
}

export function useAssignment(memberId: number | null) {
  return useQuery({ queryKey: [...expertsKey, 'assignment', memberId], queryFn: () => getAssignment(memberId!), enabled: memberId !== null, retry: false });
}
