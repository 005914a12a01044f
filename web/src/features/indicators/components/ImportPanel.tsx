import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { JobProgress } from '../../jobs/components/JobProgress';
import { downloadTemplate } from '../api/download-template';
import { useImportFigures } from '../api/import-figures';
import { refreshIndicators } from '../api/keys';
import { indicatorsMessages, type IndicatorsT } from '../messages';
import { useMessages } from '../../../lib/i18n';

const kinds = (t: IndicatorsT) => [
  { kind: 'reported' as const, title: t('indicators.import.reported'), hint: t('indicators.import.reportedIntro') },
  { kind: 'targets' as const, title: t('indicators.import.targets'), hint: t('indicators.import.targetsIntro') },
];

/** Officers import reported statistics and targets (Excel or CSV); row-level errors are listed, nothing is imported on error. */
export function ImportPanel() {
  const t = useMessages(indicatorsMessages);
  const { message } = App.useApp();
  const mutation = useImportFigures();
  const [jobId, setJobId] = useState<number | null>(null);
  const qc = useQueryClient();
  const settled = useCallback((job: { status: string }) => void (job.status === 'done' && refreshIndicators(qc)), [qc]);
  const upload = (kind: 'reported' | 'targets', file: File) => {
    setJobId(null);
    mutation.mutate({ kind, file }, { onSuccess: (job) => setJobId(job.id), onError: (e) => void message.error(e.message) });
  };
  return (
    <>
      <Row gutter={12}>
        {kinds(t).map((k) => (
          <Col key={k.kind} xs={24} md={12}>
            <Card size="small" title={k.title}>
              <p style={{ fontSize: 13 }}>{k.hint}</p>
              <Space>
                <Button onClick={() => downloadTemplate(k.kind, t(k.kind === 'reported' ? 'indicators.file.reportedTemplate' : 'indicators.file.targetsTemplate')).catch((e: Error) => void message.error(e.message))}>{t('indicators.import.template')}</Button>
                <Upload
                  accept=".xlsx,.csv"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    upload(k.kind, file);
                    return false;
                  }}
                >
                  <Button type="primary" icon={<UploadOutlined />} loading={mutation.isPending}>
                    {t('indicators.import.upload')}
                  </Button>
                </Upload>
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
      {jobId !== null ? (
        <div style={{ marginTop: 12 }} data-testid="indicator-import-job">
          <JobProgress
            key={jobId}
            jobId={jobId}
            onSettled={settled}
            done={(job) => <Alert type="success" showIcon title={t('indicators.import.done', { v0: Number(job.result?.rows ?? 0), v1: Number(job.result?.replaced ?? 0) })} />}
          />
        </div>
      ) : null}
    </>
  );
}
