import { Alert, App, Button, Card, Form, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useCases, useDueReports, useSubmitReport, type ReportInput } from '../api/supervision';
import { supervisionMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

type Due = NonNullable<ReturnType<typeof useDueReports>['data']>['items'][number];

/** 年度报告 (enterprise): the last year's report of each recognition, and the supervision cases of the firm. */
export default function AnnualReportsPage() {
  const t = useMessages(supervisionMessages);
  const due = useDueReports();
  const cases = useCases();
  const submit = useSubmitReport();
  const { message } = App.useApp();
  const [row, setRow] = useState<Due | null>(null);
  const [form] = Form.useForm<ReportInput['data']>();
  const onFinish = async (data: ReportInput['data']) => {
    try {
      await submit.mutateAsync({ recognitionId: row!.recognitionId, year: due.data!.year, data });
      message.success(t('supervision.report.submitted'));
      setRow(null);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const money = (name: keyof ReportInput['data'], label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('supervision.report.required', { label }) }]}>
      <InputNumber min={0} style={{ width: 220 }} />
    </Form.Item>
  );
  return (
    <>
      <PageTitle title={t('supervision.report.title')}>
        <Typography.Text type="secondary">{t('supervision.report.intro')}</Typography.Text>
      </PageTitle>
      <Card title={due.data ? t('supervision.report.yearTitle', { year: due.data.year }) : t('supervision.report.annualReport')}>
        {due.error ? <Alert type="error" showIcon message={errorMessage(due.error)} /> : null}
        <Table
          rowKey="recognitionId"
          loading={due.isLoading}
          dataSource={due.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('supervision.report.none') }}
          columns={[
            { title: t('supervision.recognition'), dataIndex: 'typeName' },
            { title: t('supervision.certificateNo'), dataIndex: 'certificateNo', width: 180 },
            { title: t('supervision.report.validity'), width: 220, render: (_, r) => t('supervision.report.validRange', { issuedOn: r.issuedOn, v1: r.validUntil ?? t('supervision.report.noExpiry') }) },
            { title: t('supervision.status'), width: 140, render: (_, r) => (r.report ? <Tag>{r.report.statusName}</Tag> : <Tag color="orange">{t('supervision.report.notFiled')}</Tag>) },
            { title: t('supervision.report.reviewComment'), render: (_, r) => r.report?.reviewComment ?? '' },
            {
              title: t('common.actions'),
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
                    {t('supervision.report.file')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={t('supervision.cases')} style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          dataSource={cases.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('supervision.none') }}
          columns={[
            { title: t('supervision.kind'), dataIndex: 'typeName', width: 100 },
            { title: t('supervision.recognition'), render: (_, c) => <Link to={`/supervision/cases/${c.id}`}>{`${c.recognitionTypeName} ${c.certificateNo}`}</Link> },
            { title: t('supervision.status'), dataIndex: 'statusName', width: 140 },
            { title: t('supervision.deadline'), dataIndex: 'dueOn', width: 110 },
          ]}
        />
      </Card>
      <Modal title={t('supervision.report.fileTitle', { v0: due.data?.year ?? '', v1: row?.typeName ?? '' })} open={!!row} onCancel={() => setRow(null)} onOk={() => form.submit()} confirmLoading={submit.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={onFinish}>
          {money('revenue', t('supervision.report.revenue'))}
          {money('highTechRevenue', t('supervision.report.highTechRevenue'))}
          {money('rdExpenses', t('supervision.report.rdExpenses'))}
          {money('employees', t('supervision.report.employees'))}
          {money('stEmployees', t('supervision.report.stEmployees'))}
          {money('ipCount', t('supervision.report.ipCount'))}
        </Form>
      </Modal>
    </>
  );
}
