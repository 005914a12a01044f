import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';

export type ChainReport = ResponseOf<'/api/audit/verify', 'get'>;

/** Re-hashes the whole chain on the server; an action the auditor starts, hence a mutation. */
export function verifyAuditChain(): Promise<ChainReport> {
  return unwrap(api.GET('/api/audit/verify'));
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: verifyAuditChain });
}
