import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api';
import { refreshFunds } from './keys';

export type CreateFundInput = BodyOf<'/api/funds/partner-funds', 'post'>;
export type FundStatusInput = BodyOf<'/api/funds/partner-funds/{id}/status', 'post'>;
export type MovementInput = BodyOf<'/api/funds/partner-funds/{id}/movements', 'post'>;
export type AppropriationInput = BodyOf<'/api/funds/programmes/{code}/appropriations', 'post'>;
export type CreateReportInput = BodyOf<'/api/funds/reports', 'post'>;
export type UpdateReportInput = BodyOf<'/api/funds/reports/{id}', 'put'>;
export type OverseasInput = BodyOf<'/api/funds/overseas', 'post'>;
export type OverseasReturnInput = BodyOf<'/api/funds/overseas/{id}/return', 'post'>;
export type ReportAction = 'submit' | 'return' | 'accept';

/** One mutation hook per write; each refreshes the funds queries on success. */
function useFundsMutation<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refreshFunds(qc) });
}

export const useCreateFund = () => useFundsMutation((body: CreateFundInput) => unwrap(api.POST('/api/funds/partner-funds', { body })));
export const useFundStatus = () =>
  useFundsMutation((v: { id: number; body: FundStatusInput }) => unwrap(api.POST('/api/funds/partner-funds/{id}/status', { params: { path: { id: v.id } }, body: v.body })));
export const useRequestMovement = () =>
  useFundsMutation((v: { id: number; body: MovementInput }) => unwrap(api.POST('/api/funds/partner-funds/{id}/movements', { params: { path: { id: v.id } }, body: v.body })));
export const useApproveMovement = () => useFundsMutation((id: number) => unwrap(api.POST('/api/funds/movements/{id}/approve', { params: { path: { id } } })));
export const useRejectMovement = () =>
  useFundsMutation((v: { id: number; comment: string }) => unwrap(api.POST('/api/funds/movements/{id}/reject', { params: { path: { id: v.id } }, body: { comment: v.comment } })));
export const useAppropriate = () =>
  useFundsMutation((v: { code: 'guidance' | 'angel'; body: AppropriationInput }) =>
    unwrap(api.POST('/api/funds/programmes/{code}/appropriations', { params: { path: { code: v.code } }, body: v.body })),
  );
export const useCreateReport = () => useFundsMutation((body: CreateReportInput) => unwrap(api.POST('/api/funds/reports', { body })));
export const useUpdateReport = () =>
  useFundsMutation((v: { id: number; body: UpdateReportInput }) => unwrap(api.PUT('/api/funds/reports/{id}', { params: { path: { id: v.id } }, body: v.body })));
function reportStep(v: { id: number; action: ReportAction; comment?: string }) {
  const init = { params: { path: { id: v.id } }, body: { comment: v.comment ?? null } };
  if (v.action === 'submit') {
    return unwrap(api.POST('/api/funds/reports/{id}/submit', init));
  }
  return v.action === 'return' ? unwrap(api.POST('/api/funds/reports/{id}/return', init)) : unwrap(api.POST('/api/funds/reports/{id}/accept', init));
}
export const useReportStep = () => useFundsMutation(reportStep);
export const useCreateOverseas = () => useFundsMutation((body: OverseasInput) => unwrap(api.POST('/api/funds/overseas', { body })));
export const useReturnOverseas = () =>
  useFundsMutation((v: { id: number; body: OverseasReturnInput }) => unwrap(api.POST('/api/funds/overseas/{id}/return', { params: { path: { id: v.id } }, body: v.body })));
