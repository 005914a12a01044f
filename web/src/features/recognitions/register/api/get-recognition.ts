import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../../lib/api';
import { registerKey } from './keys';

export type RecognitionDetail = ResponseOf<'/api/recognitions/{id}', 'get'>;

export function getRecognition(id: number): Promise<RecognitionDetail> {
  return unwrap(api.GET('/api/recognitions/{id}', { params: { path: { id } } }));
}

export function useRecognition(id: number | null) {
  return useQuery({ queryKey: [...registerKey, 'detail', id], queryFn: () => getRecognition(id!), enabled: id !== null });
}
