import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Row, Space, Upload } from 'antd';
import { useCallback, useState } from 'react';
import { JobProgress } from '../../jobs/components/JobProgress';
import { downloadTemplate } from '../api/download-template';
import { useImportFigures } from '../api/import-figures';
import { refreshIndicators } from '../api/keys';

const KINDS = [
  { kind: 'reported' as const, title: '外部统计数据', hint: '统计局、知识产权局等公布的数据：每行一个指标、年度、区县（空为全市），注明来源和文件日期。重新导入同一指标年度会整体替换并记入审计。' },
  { kind: 'targets' as const, title: '年度目标', hint: '全市目标（区县留空）及可选的区县分解；区县合计与全市不符时在目标页显示差额。' },
];

/** Officers import reported statistics and targets (Excel or CSV); row-level errors are listed, nothing is imported on error. */
export function ImportPanel() {
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
        {KINDS.map((k) => (
          <Col key={k.kind} xs={24} md={12}>
            <Card size="small" title={k.title}>
              <p style={{ fontSize: 13 }}>{k.hint}</p>
              <Space>
                <Button onClick={() => downloadTemplate(k.kind).catch((e: Error) => void message.error(e.message))}>下载模板</Button>
                <Upload
                  accept=".xlsx,.csv"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    upload(k.kind, file);
                    return false;
                  }}
                >
                  <Button type="primary" icon={<UploadOutlined />} loading={mutation.isPending}>
                    上传 Excel/CSV
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
            done={(job) => <Alert type="success" showIcon title={`已导入 ${Number(job.result?.rows ?? 0)} 行，替换原有 ${Number(job.result?.replaced ?? 0)} 行`} />}
          />
        </div>
      ) : null}
    </>
  );
}
