import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api';
import { downloadFile } from '../../../lib/download';

export type ReportJob = ResponseOf<'/api/reports/annual', 'post'>;

/** Starts the year's work summary (a job); the answer carries its progress and, when done, the download links. */
export function generateAnnualReport(year: number): Promise<ReportJob> {
  return unwrap(api.POST('/api/reports/annual', { params: { query: { year } } }));
}

export function useGenerateAnnualReport() {
  return useMutation({ mutationFn: generateAnnualReport });
}

export function downloadReport(job: ReportJob, format: 'docx' | 'md'): Promise<void> {
  const url = format === 'docx' ? job.downloads?.docx : job.downloads?.markdown;
  return url ? downloadFile(url, `杭州市科委${job.year}年工作总结.${format}`) : Promise.resolve();
}
