import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type QueryOf, type ResponseOf } from '../../../lib/api';
import { fundsKey } from './keys';

export type Programme = ResponseOf<'/api/funds/programmes', 'get'>['items'][number];
export type PartnerFund = ResponseOf<'/api/funds/partner-funds', 'get'>['items'][number];
export type FundsQuery = QueryOf<'/api/funds/partner-funds', 'get'>;
export type Movement = ResponseOf<'/api/funds/movements', 'get'>['items'][number];
export type MovementsQuery = QueryOf<'/api/funds/movements', 'get'>;
export type ReportSummary = ResponseOf<'/api/funds/reports', 'get'>['items'][number];
export type ReportsQuery = QueryOf<'/api/funds/reports', 'get'>;
export type ReportDetail = ResponseOf<'/api/funds/reports/{id}', 'get'>;
export type OverseasProject = ResponseOf<'/api/funds/overseas', 'get'>['items'][number];
export type FundStats = ResponseOf<'/api/funds/stats', 'get'>;

export function useProgrammes(enabled = true) {
  return useQuery({ queryKey: [...fundsKey, 'programmes'], queryFn: () => unwrap(api.GET('/api/funds/programmes')).then((r) => r.items), enabled });
}
export function useManagers(enabled = true) {
  return useQuery({ queryKey: [...fundsKey, 'managers'], queryFn: () => unwrap(api.GET('/api/funds/managers')).then((r) => r.items), enabled });
}
export function usePartnerFunds(query: FundsQuery = {}) {
  return useQuery({ queryKey: [...fundsKey, 'partner-funds', query], queryFn: () => unwrap(api.GET('/api/funds/partner-funds', { params: { query } })).then((r) => r.items) });
}
export function useMovements(query: MovementsQuery = {}, enabled = true) {
  return useQuery({ queryKey: [...fundsKey, 'movements', query], queryFn: () => unwrap(api.GET('/api/funds/movements', { params: { query } })).then((r) => r.items), enabled });
}
export function useReports(query: ReportsQuery) {
  return useQuery({ queryKey: [...fundsKey, 'reports', query], queryFn: () => unwrap(api.GET('/api/funds/reports', { params: { query } })).then((r) => r.items) });
}
export function useReport(id: number | null) {
  return useQuery({ queryKey: [...fundsKey, 'report', id], queryFn: () => unwrap(api.GET('/api/funds/reports/{id}', { params: { path: { id: id! } } })), enabled: id !== null });
}
export function useOverseas(enabled = true) {
  return useQuery({ queryKey: [...fundsKey, 'overseas'], queryFn: () => unwrap(api.GET('/api/funds/overseas')).then((r) => r.items), enabled });
}
export function useFundStats(year: number | undefined, enabled = true) {
  return useQuery({ queryKey: [...fundsKey, 'stats', year], queryFn: () => unwrap(api.GET('/api/funds/stats', { params: { query: year ? { year } : {} } })), enabled });
}
