import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Modal, Progress, Result, Typography, Upload } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { JobProgress, RowErrorTable } from '../../jobs/components/JobProgress';
import { useDownloadImportTemplate } from '../api/get-import-template';
import { useImportEnterprises } from '../api/import-enterprises';
import { enterprisesKey } from '../api/list-enterprises';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Upload an .xlsx: progress while uploading, then the server's job (reading, checking, writing)
 * with its own progress bar, then "成功导入 N 家" or the rows to fix.
 */
export function ImportEnterprisesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const run = useImportEnterprises();
  const template = useDownloadImportTemplate();
  const qc = useQueryClient();
  const [ended, setEnded] = useState(false);
  const settled = useCallback(
    (job: { status: string }) => {
      setEnded(true);
      if (job.status === 'done') {
        void qc.invalidateQueries({ queryKey: enterprisesKey });
      }
    },
    [qc],
  );

  const start = () => {
    if (!file) {
      return;
    }
    setPercent(0);
    abort.current = new AbortController();
    run.mutate({ file, onProgress: setPercent, signal: abort.current.signal });
  };

  const close = () => {
    abort.current?.abort();
    onClose();
  };

  const reset = () => {
    setFile(null);
    setPercent(0);
    setEnded(false);
    run.reset();
  };

  const err = run.error instanceof ApiError ? run.error : null;
  const finished = ended || run.isError;

  return (
    <Modal
      open={open}
      title={t('ent.importTitle')}
      width={720}
      onCancel={close}
      afterClose={reset}
      destroyOnHidden
      footer={
        finished ? (
          <>
            <Button key="again" onClick={reset}>
              {t('ent.importAgain')}
            </Button>
            <Button key="close" type="primary" onClick={close}>
              {t('common.close')}
            </Button>
          </>
        ) : (
          <>
            <Button key="cancel" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button key="start" type="primary" disabled={!file || run.isSuccess} loading={run.isPending || run.isSuccess} onClick={start} data-testid="enterprise-import-submit">
              {t('ent.importStart')}
            </Button>
          </>
        )
      }
    >
      <div data-testid="enterprise-import-modal">
        {run.isSuccess ? (
          <JobProgress
            jobId={run.data.id}
            onSettled={settled}
            done={(job) => <Result status="success" title={t('ent.importSuccess', { n: Number(job.result?.imported ?? 0) })} data-testid="enterprise-import-result" />}
          />
        ) : null}
        {run.isError ? (
          <div data-testid="enterprise-import-errors">
            <Alert type="error" showIcon title={errorMessage(run.error)} style={{ marginBottom: 12 }} />
            <RowErrorTable rows={err?.rows ?? []} total={err?.rows.length ?? 0} />
          </div>
        ) : null}
        {!run.isSuccess && !run.isError ? (
          <>
            <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary">{t('ent.importHint')}</Typography.Text>
              <Button
                icon={<DownloadOutlined />}
                loading={template.isPending}
                onClick={() => template.mutate(undefined, { onError: (e) => void message.error(errorMessage(e)) })}
              >
                {t('ent.downloadTemplate')}
              </Button>
            </Flex>
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              disabled={run.isPending}
              fileList={file ? [{ uid: 'file', name: file.name, size: file.size, status: 'done' }] : []}
              beforeUpload={(f) => {
                if (!f.name.toLowerCase().endsWith('.xlsx')) {
                  void message.error(t('ent.importOnlyXlsx'));
                } else if (f.size > MAX_BYTES) {
                  void message.error(t('ent.importTooLarge'));
                } else {
                  setFile(f);
                }
                return false;
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('ent.importDrop')}</p>
              <p className="ant-upload-hint">{t('ent.importDropHint')}</p>
            </Upload.Dragger>
            {run.isPending ? (
              <div style={{ marginTop: 16 }} aria-live="polite">
                <Progress percent={percent} status="active" data-testid="enterprise-import-progress" />
                <Typography.Text type="secondary">
                  {percent < 100 ? t('ent.importUploading') : t('ent.importProcessing')}
                </Typography.Text>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </Modal>
  );
}
