import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Result, Typography, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { JobProgress, RowErrorTable } from '../../jobs/components/JobProgress';
import { useImportStats } from '../api/stats';
import { refreshCarriers } from '../api/keys';
import { carriersMessages } from '../messages';

/**
 * The operator's statistics import: picking an .xlsx opens a dialog with the upload's progress,
 * then the server's job (reading, checking, writing) with its progress bar, then the count saved
 * or the rows to fix (the job's shared JobProgress and RowErrorTable, as the registry import).
 */
export function StatsImport() {
  const t = useMessages(carriersMessages);
  const qc = useQueryClient();
  const run = useImportStats();
  const [open, setOpen] = useState(false);
  const [percent, setPercent] = useState(0);
  const settled = useCallback((job: { status: string }) => void (job.status === 'done' && refreshCarriers(qc)), [qc]);
  const start = (file: File) => {
    setPercent(0);
    setOpen(true);
    run.mutate({ file, onProgress: setPercent });
  };
  const err = run.error instanceof ApiError ? run.error : null;
  return (
    <>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          start(file);
          return false;
        }}
      >
        <Button loading={run.isPending}>{t('carriers.review.import')}</Button>
      </Upload>
      <Modal
        open={open}
        title={t('carriers.review.importTitle')}
        width={720}
        onCancel={() => setOpen(false)}
        afterClose={() => run.reset()}
        destroyOnHidden
        footer={
          <Button type="primary" onClick={() => setOpen(false)}>
            {t('common.close')}
          </Button>
        }
      >
        <div data-testid="carrier-stats-import">
          {run.isPending ? (
            <div aria-live="polite">
              <Progress percent={percent} status="active" />
              <Typography.Text type="secondary">{percent < 100 ? t('carriers.review.importUploading') : t('carriers.review.importProcessing')}</Typography.Text>
            </div>
          ) : null}
          {run.isSuccess ? (
            <JobProgress
              key={run.data.id}
              jobId={run.data.id}
              onSettled={settled}
              done={(job) => (
                <Result
                  status="success"
                  title={t('carriers.review.imported', { saved: Number(job.result?.saved ?? 0), created: Number(job.result?.created ?? 0) })}
                  subTitle={Number(job.result?.flagged ?? 0) > 0 ? t('carriers.review.importFlagged', { n: Number(job.result?.flagged) }) : undefined}
                />
              )}
            />
          ) : null}
          {run.isError ? (
            <>
              <Alert type="error" showIcon title={errorMessage(run.error)} style={{ marginBottom: 12 }} />
              <RowErrorTable rows={err?.rows ?? []} total={err?.rows.length ?? 0} />
            </>
          ) : null}
        </div>
      </Modal>
    </>
  );
}
