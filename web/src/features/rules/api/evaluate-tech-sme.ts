import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';

export type TechSmeInput = BodyOf<'/api/rules/tech-sme/evaluate', 'post'>;
export type TechSmeResult = ResponseOf<'/api/rules/tech-sme/evaluate', 'post'>;

export function evaluateTechSme(body: TechSmeInput): Promise<TechSmeResult> {
  return unwrap(api.POST('/api/rules/tech-sme/evaluate', { body }));
}

export function useEvaluateTechSme() {
  return useMutation({ mutationFn: evaluateTechSme });
}
