import { Alert, Progress, Table, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import type { RowIssue } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useBackgroundJob, type BackgroundJob } from '../api/get-job';

/** The rows a failed job names (each problem once), the first 200 of `total`. */
export function RowErrorTable({ rows, total }: { rows: RowIssue[]; total: number }) {
  const t = useT();
  if (rows.length === 0) {
    return null;
  }
  return (
    <>
      {total > rows.length ? <Typography.Paragraph type="secondary">{t('jobs.errorsTruncated', { shown: rows.length, total })}</Typography.Paragraph> : null}
      <Table<RowIssue>
        size="small"
        rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          { title: t('jobs.row'), dataIndex: 'row', width: 80 },
          { title: t('jobs.column'), dataIndex: 'column', width: 180 },
          { title: t('jobs.message'), dataIndex: 'message' },
        ]}
      />
    </>
  );
}

/**
 * Follows a background job: a progress bar with what the server is doing, then `done(job)` when
 * it has finished, or its failure with the rows to fix. `onSettled` is called once, when it ends.
 */
export function JobProgress({ jobId, done, onSettled }: { jobId: number; done: (job: BackgroundJob) => ReactNode; onSettled?: (job: BackgroundJob) => void }) {
  const t = useT();
  const polled = useBackgroundJob(jobId);
  const job = polled.data;
  const settled = useRef(false);
  useEffect(() => {
    if (job && job.status !== 'running' && !settled.current) {
      settled.current = true;
      onSettled?.(job);
    }
  }, [job, onSettled]);
  if (polled.error) {
    return <Alert type="error" showIcon title={errorMessage(polled.error)} />;
  }
  if (!job || job.status === 'running') {
    return (
      <div aria-live="polite" data-testid="job-progress">
        <Progress percent={job?.progress ?? 0} status="active" />
        <Typography.Text type="secondary">{job?.stage ?? t('jobs.queued')}</Typography.Text>
      </div>
    );
  }
  if (job.status === 'done') {
    return <div data-testid="job-done">{done(job)}</div>;
  }
  return (
    <div data-testid="job-failed">
      <Alert type="error" showIcon title={job.error ?? t('jobs.failed')} style={{ marginBottom: 12 }} />
      <RowErrorTable rows={job.rowErrors} total={job.rowErrorTotal} />
    </div>
  );
}
