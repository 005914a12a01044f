import { Alert, App, Button, Card, Form, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useCases, useDueReports, useSubmitReport, type ReportInput } from '../api/supervision';

type Due = NonNullable<ReturnType<typeof useDueReports>['data']>['items'][number];

/** 年度报告 (enterprise): the last year's report of each recognition, and the supervision cases of the firm. */
export default function AnnualReportsPage() {
  const due = useDueReports();
  const cases = useCases();
  const submit = useSubmitReport();
  const { message } = App.useApp();
  const [row, setRow] = useState<Due | null>(null);
  const [form] = Form.useForm<ReportInput['data']>();
  const onFinish = async (data: ReportInput['data']) => {
    try {
      await submit.mutateAsync({ recognitionId: row!.recognitionId, year: due.data!.year, data });
      message.success('年度报告已提交');
      setRow(null);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const money = (name: keyof ReportInput['data'], label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: `请填写${label}` }]}>
      <InputNumber min={0} style={{ width: 220 }} />
    </Form.Item>
  );
  return (
    <>
      <PageTitle title="年度报告与监管">
        <Typography.Text type="secondary">获得认定的企业每年填报上一年度的知识产权、科技人员、研发费用和经营收入情况。</Typography.Text>
      </PageTitle>
      <Card title={due.data ? `${due.data.year}年度报告` : '年度报告'}>
        {due.error ? <Alert type="error" showIcon message={errorMessage(due.error)} /> : null}
        <Table
          rowKey="recognitionId"
          loading={due.isLoading}
          dataSource={due.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '本企业没有需要填报年度报告的认定' }}
          columns={[
            { title: '认定', dataIndex: 'typeName' },
            { title: '证书编号', dataIndex: 'certificateNo', width: 180 },
            { title: '有效期', width: 220, render: (_, r) => `${r.issuedOn} 至 ${r.validUntil ?? '长期'}` },
            { title: '状态', width: 140, render: (_, r) => (r.report ? <Tag>{r.report.statusName}</Tag> : <Tag color="orange">未填报</Tag>) },
            { title: '审核意见', render: (_, r) => r.report?.reviewComment ?? '' },
            {
              title: '操作',
              width: 100,
              render: (_, r) =>
                !r.report || r.report.status === 'returned' ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      setRow(r);
                      form.setFieldsValue(r.report?.data ?? {});
                    }}
                  >
                    填报
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title="监管案件" style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          dataSource={cases.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: '暂无' }}
          columns={[
            { title: '类别', dataIndex: 'typeName', width: 100 },
            { title: '认定', render: (_, c) => <Link to={`/supervision/cases/${c.id}`}>{`${c.recognitionTypeName} ${c.certificateNo}`}</Link> },
            { title: '状态', dataIndex: 'statusName', width: 140 },
            { title: '期限', dataIndex: 'dueOn', width: 110 },
          ]}
        />
      </Card>
      <Modal title={`填报 ${due.data?.year ?? ''} 年度报告：${row?.typeName ?? ''}`} open={!!row} onCancel={() => setRow(null)} onOk={() => form.submit()} confirmLoading={submit.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={onFinish}>
          {money('revenue', '营业收入（元）')}
          {money('highTechRevenue', '高新技术产品（服务）收入（元）')}
          {money('rdExpenses', '研究开发费用（元）')}
          {money('employees', '职工总数（人）')}
          {money('stEmployees', '科技人员数（人）')}
          {money('ipCount', '有效知识产权数（件）')}
        </Form>
      </Modal>
    </>
  );
}
