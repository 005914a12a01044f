import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshPayments } from './keys';

export type ConfirmInput = BodyOf<'/api/payments/{id}/confirm', 'post'>;
export type CancelInput = BodyOf<'/api/payments/{id}/cancel', 'post'>;

export function approvePayment(id: number, version: number) {
  return unwrap(api.POST('/api/payments/{id}/approve', { params: { path: { id } }, body: { version } }));
}
export function sendPayment(id: number, version: number) {
  return unwrap(api.POST('/api/payments/{id}/send', { params: { path: { id } }, body: { version } }));
}
export function confirmPayment(id: number, body: ConfirmInput) {
  return unwrap(api.POST('/api/payments/{id}/confirm', { params: { path: { id } }, body }));
}
export function cancelPayment(id: number, body: CancelInput) {
  return unwrap(api.POST('/api/payments/{id}/cancel', { params: { path: { id } }, body }));
}

export function useApprovePayment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; version: number }) => approvePayment(v.id, v.version), onSuccess: () => refreshPayments(qc) });
}
export function useSendPayment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; version: number }) => sendPayment(v.id, v.version), onSuccess: () => refreshPayments(qc) });
}
export function useConfirmPayment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: ConfirmInput }) => confirmPayment(v.id, v.body), onSuccess: () => refreshPayments(qc) });
}
export function useCancelPayment() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (v: { id: number; body: CancelInput }) => cancelPayment(v.id, v.body), onSuccess: () => refreshPayments(qc) });
}
