import { App, Button, Modal, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { downloadReport, useGenerateAnnualReport, type ReportJob } from '../api/generate-annual-report';

/** Generates the year's work summary from live data and offers it as Word and Markdown. */
export function AnnualReportButton({ year }: { year: number }) {
  const { message } = App.useApp();
  const generate = useGenerateAnnualReport();
  const [job, setJob] = useState<ReportJob | null>(null);
  const [open, setOpen] = useState(false);
  const start = () => {
    setJob(null);
    setOpen(true);
    generate.mutate(year, { onSuccess: setJob, onError: (e) => void message.error(e.message) });
  };
  const save = (format: 'docx' | 'md') => job && downloadReport(job, format).catch((e: Error) => void message.error(e.message));
  return (
    <>
      <Button onClick={start}>生成{year}年工作总结</Button>
      <Modal open={open} title={`${year}年工作总结`} onCancel={() => setOpen(false)} footer={null}>
        <Progress percent={job?.progress ?? (generate.isPending ? 30 : 0)} status={job?.status === 'failed' || generate.isError ? 'exception' : job?.status === 'done' ? 'success' : 'active'} />
        <Typography.Paragraph type="secondary">根据平台实时数据生成；每个数字的指标代码、口径和来源见脚注及附表。平台尚未运行的业务不列入。</Typography.Paragraph>
        {job?.status === 'done' ? (
          <Space>
            <Button type="primary" onClick={() => save('docx')}>
              下载 Word
            </Button>
            <Button onClick={() => save('md')}>下载 Markdown</Button>
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
