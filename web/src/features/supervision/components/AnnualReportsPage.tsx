import { App, Button, Card, Form, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { MoneyInput } from '../../../components/MoneyInput';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag } from '../../../components/StatusTag';
import { useCases, useDueReports, useSubmitReport, type ReportInput } from '../api/supervision';
import { supervisionMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

type Due = NonNullable<ReturnType<typeof useDueReports>['data']>['items'][number];
type CaseRow = NonNullable<ReturnType<typeof useCases>['data']>['items'][number];

/** 年度报告 (enterprise): the last year's report of each recognition, and the supervision cases of the firm. */
export default function AnnualReportsPage() {
  const t = useMessages(supervisionMessages);
  const due = useDueReports();
  const cases = useCases();
  const submit = useSubmitReport();
  const { message } = App.useApp();
  const [row, setRow] = useState<Due | null>(null);
  const onFinish = async (data: ReportInput['data']) => {
    await submit.mutateAsync({ recognitionId: row!.recognitionId, year: due.data!.year, data });
    void message.success(t('supervision.report.submitted'));
  };
  const figure = (name: keyof ReportInput['data'], label: string, kind: 'money' | 'count') => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('supervision.report.required', { label }) }]}>
      {kind === 'money' ? <MoneyInput style={{ width: 220 }} /> : <InputNumber min={0} precision={0} style={{ width: 220 }} />}
    </Form.Item>
  );
  return (
    <>
      <PageTitle title={t('supervision.report.title')}>
        <Typography.Text type="secondary">{t('supervision.report.intro')}</Typography.Text>
      </PageTitle>
      <Card title={due.data ? t('supervision.report.yearTitle', { year: due.data.year }) : t('supervision.report.annualReport')}>
        <DataTable<Due>
          tableId="supervision.dueReports"
          rowKey="recognitionId"
          query={due}
          rows={due.data?.items}
          columns={[
            { key: 'typeName', title: t('supervision.recognition'), dataIndex: 'typeName' },
            { key: 'certificateNo', title: t('supervision.certificateNo'), dataIndex: 'certificateNo', width: 180 },
            { key: 'validity', title: t('supervision.report.validity'), width: 220, render: (_, r) => t('supervision.report.validRange', { issuedOn: r.issuedOn, v1: r.validUntil ?? t('supervision.report.noExpiry') }) },
            { key: 'reviewComment', title: t('supervision.report.reviewComment'), render: (_, r) => r.report?.reviewComment ?? '' },
            {
              key: 'status',
              title: t('supervision.status'),
              width: 140,
              render: (_, r) => (r.report ? <StatusTag status={r.report.status} name={r.report.statusName} /> : <StatusTag status="not_filed" name={t('supervision.report.notFiled')} tone="warning" />),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              width: 100,
              render: (_, r) =>
                !r.report || r.report.status === 'returned' ? (
                  <Button size="small" type="primary" onClick={() => setRow(r)}>
                    {t('supervision.report.file')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <Card title={t('supervision.cases')} style={{ marginTop: 16 }}>
        <DataTable<CaseRow>
          tableId="supervision.myCases"
          rowKey="id"
          query={cases}
          rows={cases.data?.items}
          columns={[
            { key: 'typeName', title: t('supervision.kind'), dataIndex: 'typeName', width: 100 },
            { key: 'recognition', title: t('supervision.recognition'), render: (_, c) => <Link to={`/supervision/cases/${c.id}`}>{`${c.recognitionTypeName} ${c.certificateNo}`}</Link> },
            { key: 'dueOn', title: t('supervision.deadline'), dataIndex: 'dueOn', width: 110 },
            { key: 'status', title: t('supervision.status'), dataIndex: 'statusName', width: 140, render: (v: string, c) => <StatusTag status={c.status} name={v} /> },
          ]}
        />
      </Card>
      <FormModal<ReportInput['data']>
        title={t('supervision.report.fileTitle', { v0: due.data?.year ?? '', v1: row?.typeName ?? '' })}
        open={!!row}
        onClose={() => setRow(null)}
        onSubmit={onFinish}
        initialValues={row?.report?.data ?? {}}
      >
        {figure('revenue', t('supervision.report.revenue'), 'money')}
        {figure('highTechRevenue', t('supervision.report.highTechRevenue'), 'money')}
        {figure('rdExpenses', t('supervision.report.rdExpenses'), 'money')}
        {figure('employees', t('supervision.report.employees'), 'count')}
        {figure('stEmployees', t('supervision.report.stEmployees'), 'count')}
        {figure('ipCount', t('supervision.report.ipCount'), 'count')}
      </FormModal>
    </>
  );
}
