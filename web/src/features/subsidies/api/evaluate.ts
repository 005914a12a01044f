import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api';

export type EvaluateInput = BodyOf<'/api/finance/interest-subsidy/evaluate', 'post'>;
export type EvaluateResult = ResponseOf<'/api/finance/interest-subsidy/evaluate', 'post'>;

export function evaluateSubsidy(body: EvaluateInput): Promise<EvaluateResult> {
  return unwrap(api.POST('/api/finance/interest-subsidy/evaluate', { body }));
}

export function useEvaluateSubsidy() {
  return useMutation({ mutationFn: evaluateSubsidy });
}

export function useSubsidyParams() {
  return useQuery({ queryKey: ['subsidies', 'params'], queryFn: () => unwrap(api.GET('/api/finance/interest-subsidy/params')), staleTime: 10 * 60_000 });
}
