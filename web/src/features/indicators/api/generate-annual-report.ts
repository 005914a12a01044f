import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { downloadFile } from '../../../lib/download';

export type ReportJob = ResponseOf<'/api/reports/jobs/{id}', 'get'>;

/** Starts the year's work summary: the server answers 202 at once with the running job and builds it in the background. */
export function generateAnnualReport(year: number): Promise<ReportJob> {
  return unwrap(api.POST('/api/reports/annual', { params: { query: { year } } }));
}

export function useGenerateAnnualReport() {
  return useMutation({ mutationFn: generateAnnualReport });
}

export function getReportJob(id: number): Promise<ReportJob> {
  return unwrap(api.GET('/api/reports/jobs/{id}', { params: { path: { id } } }));
}

/** Polls a report job every 800 ms while it runs; stops once it is done or failed. */
export function useReportJob(id: number | null) {
  return useQuery({
    queryKey: ['reports', 'job', id],
    queryFn: () => getReportJob(id!),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'running' ? false : 800),
    refetchIntervalInBackground: true,
  });
}

export function downloadReport(job: ReportJob, format: 'docx' | 'md', fileName: string): Promise<void> {
  const url = format === 'docx' ? job.downloads?.docx : job.downloads?.markdown;
  return url ? downloadFile(url, fileName) : Promise.resolve();
}
