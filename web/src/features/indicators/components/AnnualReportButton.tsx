import { Alert, App, Button, Modal, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import { downloadReport, useGenerateAnnualReport, useReportJob, type ReportJob } from '../api/generate-annual-report';

/** What the server is doing at a progress value (it records progress as each stage starts). */
function stageOf(job: ReportJob): string {
  if (job.status === 'done') {
    return '已生成';
  }
  if (job.status === 'failed') {
    return '生成失败';
  }
  const p = job.progress;
  return p < 5 ? '准备中' : p < 30 ? '读取本年指标数据' : p < 50 ? '读取上年指标数据' : p < 65 ? '撰写各部分' : p < 75 ? '生成 Markdown' : '生成 Word 文件';
}

/** Generates the year's work summary from live data in the background, shows its progress, then offers Word and Markdown. */
export function AnnualReportButton({ year }: { year: number }) {
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
  const save = (format: 'docx' | 'md') => job && downloadReport(job, format).catch((e: Error) => void message.error(e.message));
  const failed = job?.status === 'failed' || generate.isError || polled.isError;
  return (
    <>
      <Button onClick={start}>生成{year}年工作总结</Button>
      <Modal open={open} title={`${year}年工作总结`} onCancel={() => setOpen(false)} footer={null}>
        <Progress aria-label="生成进度" data-testid="report-progress" percent={job?.progress ?? 0} status={failed ? 'exception' : job?.status === 'done' ? 'success' : 'active'} />
        <Typography.Paragraph data-testid="report-stage">{job ? stageOf(job) : generate.isPending ? '正在提交' : ''}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">根据平台实时数据生成；每个数字的指标代码、口径和来源见脚注及附表。平台尚未运行的业务不列入。</Typography.Paragraph>
        {job?.status === 'failed' ? <Alert type="error" showIcon title={job.error ?? '生成失败'} style={{ marginBottom: 12 }} /> : null}
        {polled.isError ? <Alert type="error" showIcon title={errorMessage(polled.error)} style={{ marginBottom: 12 }} /> : null}
        {job?.status === 'done' ? (
          <Space>
            <Button type="primary" onClick={() => save('docx')}>
              下载 Word
            </Button>
            <Button onClick={() => save('md')}>下载 Markdown</Button>
          </Space>
        ) : null}
        {failed ? <Button onClick={start}>重新生成</Button> : null}
      </Modal>
    </>
  );
}
