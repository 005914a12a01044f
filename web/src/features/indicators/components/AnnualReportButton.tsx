import { Alert, App, Button, Modal, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import { downloadReport, useGenerateAnnualReport, useReportJob, type ReportJob } from '../api/generate-annual-report';
import { indicatorsMessages, type IndicatorsT } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** What the server is doing at a progress value (it records progress as each stage starts). */
function stageOf(t: IndicatorsT, job: ReportJob): string {
  if (job.status === 'done') {
    return t('indicators.report.generated');
  }
  if (job.status === 'failed') {
    return t('indicators.report.failed');
  }
  const p = job.progress;
  return p < 5 ? t('indicators.report.step.preparing') : p < 30 ? t('indicators.report.step.readThisYear') : p < 50 ? t('indicators.report.step.readLastYear') : p < 65 ? t('indicators.report.step.compose') : p < 75 ? t('indicators.report.step.markdown') : t('indicators.report.step.word');
}

/** Generates the year's work summary from live data in the background, shows its progress, then offers Word and Markdown. */
export function AnnualReportButton({ year }: { year: number }) {
  const t = useMessages(indicatorsMessages);
  const { message } = App.useApp();
  const generate = useGenerateAnnualReport();
  const [jobId, setJobId] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const polled = useReportJob(jobId);
  const job = jobId !== null ? (polled.data ?? generate.data ?? null) : null;
  const start = () => {
    setJobId(null);
    setOpen(true);
    generate.mutate(year, {
      onSuccess: (j) => setJobId(j.id),
      onError: (e) => void message.error(errorMessage(e)),
    });
  };
  const save = (format: 'docx' | 'md') => job && downloadReport(job, format, t('indicators.file.annualReport', { year: job.year, format })).catch((e: Error) => void message.error(e.message));
  const failed = job?.status === 'failed' || generate.isError || polled.isError;
  return (
    <>
      <Button onClick={start}>{t('indicators.report.generate', { year })}</Button>
      <Modal open={open} title={t('indicators.report.title', { year })} onCancel={() => setOpen(false)} footer={null}>
        <Progress aria-label={t('indicators.report.progress')} data-testid="report-progress" percent={job?.progress ?? 0} status={failed ? 'exception' : job?.status === 'done' ? 'success' : 'active'} />
        <Typography.Paragraph data-testid="report-stage">{job ? stageOf(t, job) : generate.isPending ? t('indicators.report.submitting') : ''}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('indicators.report.intro')}</Typography.Paragraph>
        {job?.status === 'failed' ? <Alert type="error" showIcon title={job.error ?? t('indicators.report.failed')} style={{ marginBottom: 12 }} /> : null}
        {polled.isError ? <Alert type="error" showIcon title={errorMessage(polled.error)} style={{ marginBottom: 12 }} /> : null}
        {job?.status === 'done' ? (
          <Space>
            <Button type="primary" onClick={() => save('docx')}>
              {t('indicators.report.downloadWord')}
            </Button>
            <Button onClick={() => save('md')}>{t('indicators.report.downloadMarkdown')}</Button>
          </Space>
        ) : null}
        {failed ? <Button onClick={start}>{t('indicators.report.regenerate')}</Button> : null}
      </Modal>
    </>
  );
}
