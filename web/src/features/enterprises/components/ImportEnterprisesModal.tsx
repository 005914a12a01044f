import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Progress, Result, Table, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { ApiError, type RowIssue } from '../../../lib/api';
import { errorMessage } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n';
import { useDownloadImportTemplate } from '../api/get-import-template';
import { useImportEnterprises } from '../api/import-enterprises';

const MAX_BYTES = 20 * 1024 * 1024;

function totalErrors(err: ApiError): number | null {
  const d = err.details;
  return d && typeof d === 'object' && 'total' in d && typeof d.total === 'number' ? d.total : null;
}

/** Upload an .xlsx: progress while uploading, then "成功导入 N 家" or the rows to fix. */
export function ImportEnterprisesModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [percent, setPercent] = useState(0);
  const abort = useRef<AbortController | null>(null);
  const run = useImportEnterprises();
  const template = useDownloadImportTemplate();

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
    run.reset();
  };

  const err = run.error instanceof ApiError ? run.error : null;
  const rows: RowIssue[] = err?.rows ?? [];
  const total = err ? totalErrors(err) : null;

  return (
    <Modal
      open={open}
      title={t('ent.importTitle')}
      width={720}
      onCancel={close}
      afterClose={reset}
      destroyOnHidden
      footer={
        run.isSuccess || run.isError ? (
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
            <Button key="start" type="primary" disabled={!file} loading={run.isPending} onClick={start} data-testid="enterprise-import-submit">
              {t('ent.importStart')}
            </Button>
          </>
        )
      }
    >
      <div data-testid="enterprise-import-modal">
        {run.isSuccess ? (
          <Result
            status="success"
            title={t('ent.importSuccess', { n: run.data.imported })}
            data-testid="enterprise-import-result"
          />
        ) : null}
        {run.isError ? (
          <div data-testid="enterprise-import-errors">
            <Alert type="error" showIcon title={errorMessage(run.error)} style={{ marginBottom: 12 }} />
            {rows.length > 0 ? (
              <>
                {total !== null && total > rows.length ? (
                  <Typography.Paragraph type="secondary">{t('ent.importErrorsTruncated', { shown: rows.length, total })}</Typography.Paragraph>
                ) : null}
                <Table<RowIssue>
                  size="small"
                  rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
                  dataSource={rows}
                  pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                  columns={[
                    { title: t('ent.importRow'), dataIndex: 'row', width: 80 },
                    { title: t('ent.importColumn'), dataIndex: 'column', width: 180 },
                    { title: t('ent.importMessage'), dataIndex: 'message' },
                  ]}
                />
              </>
            ) : null}
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
