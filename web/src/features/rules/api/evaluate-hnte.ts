import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';

export type HnteInput = BodyOf<'/api/rules/hnte/evaluate', 'post'>;
export type HnteResult = ResponseOf<'/api/rules/hnte/evaluate', 'post'>;

export function evaluateHnte(body: HnteInput): Promise<HnteResult> {
  return unwrap(api.POST('/api/rules/hnte/evaluate', { body }));
}

export function useEvaluateHnte() {
  return useMutation({ mutationFn: evaluateHnte });
}
