import { Button, Form, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { renderWan } from '../../../components/Money';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { StatusTag } from '../../../components/StatusTag';
import { PageTitle } from '../../../components/PageTitle';
import { businessDayjs } from '../../../lib/business-clock';
import { formatYuan } from '../../../lib/format';
import { usePartnerFunds, useReports, type PartnerFund, type ReportSummary } from '../api/queries';
import { fundsMessages } from '../messages';
import { useMessages } from '../../../lib/i18n';

/** 我的基金: a fund manager's funds and their quarterly portfolio reports. */
export default function MyFundsPage() {
  const t = useMessages(fundsMessages);
  const funds = usePartnerFunds();
  const reports = useReports({ limit: 500 });
  const [picking, setPicking] = useState(false);
  const fundColumns: DataColumn<PartnerFund>[] = [
    { key: 'name', title: t('funds.fundName'), dataIndex: 'name' },
    { key: 'programmeName', title: t('funds.kind'), dataIndex: 'programmeName', width: 190 },
    { key: 'scale', title: t('funds.subscribed'), dataIndex: 'scale', align: 'right', width: 130, render: renderWan },
    { key: 'commitment', title: t('funds.guidanceShare'), dataIndex: 'commitment', align: 'right', width: 170, render: (v: number, r) => <>{renderWan(v)}（{r.share}%）</> },
    { key: 'paidIn', title: t('funds.my.guidancePaid'), dataIndex: 'paidIn', align: 'right', width: 140, render: renderWan },
    { key: 'investments', title: t('funds.my.reported'), dataIndex: 'investments', align: 'right', width: 150, render: (v: number, r) => t('funds.investedCount', { count: v, invested: formatYuan(r.invested) }) },
    { key: 'setUpOn', title: t('funds.establishedOn'), dataIndex: 'setUpOn', width: 110 },
    { key: 'statusName', title: t('funds.status'), dataIndex: 'statusName', width: 80, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
  ];
  const reportColumns: DataColumn<ReportSummary>[] = [
    { title: t('funds.quarter'), key: 'q', width: 130, render: (_, r) => t('funds.yearQuarter', { year: r.year, quarter: r.quarter }) },
    { key: 'fundName', title: t('funds.partnerFund'), dataIndex: 'fundName' },
    { key: 'investments', title: t('funds.investmentCount'), dataIndex: 'investments', align: 'right', width: 90 },
    { key: 'invested', title: t('funds.investedAmount'), dataIndex: 'invested', align: 'right', width: 140, render: renderWan },
    { key: 'statusName', title: t('funds.status'), dataIndex: 'statusName', width: 100, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { title: '', key: 'open', width: 90, render: (_, r) => <Link to={`/funds/reports/${r.id}`}>{r.status === 'draft' || r.status === 'returned' ? t('funds.my.revise') : t('funds.view')}</Link> },
  ];
  return (
    <>
      <PageTitle title={t('funds.my.title')} extra={<Button type="primary" onClick={() => setPicking(true)} disabled={!funds.data?.length}>{t('funds.my.fileReport')}</Button>}>
        <Typography.Text type="secondary">{t('funds.my.subtitle')}</Typography.Text>
      </PageTitle>
      <Typography.Title level={2} style={{ fontSize: 16 }}>{t('funds.my.managedFunds')}</Typography.Title>
      <DataTable<PartnerFund> tableId="funds.mine.funds" rowKey="id" size="small" columns={fundColumns} query={funds} rows={funds.data} pagination={false} scroll={{ x: 1100 }} />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>{t('funds.my.reports')}</Typography.Title>
      <DataTable<ReportSummary> tableId="funds.mine.reports" rowKey="id" size="small" columns={reportColumns} query={reports} rows={reports.data} pagination={{ pageSize: 12 }} />
      {picking ? <NewReportModal funds={(funds.data ?? []).filter((f) => f.status !== 'exited')} onClose={() => setPicking(false)} /> : null}
    </>
  );
}

function NewReportModal({ funds, onClose }: { funds: PartnerFund[]; onClose: () => void }) {
  const t = useMessages(fundsMessages);
  const navigate = useNavigate();
  const [form] = Form.useForm<{ fundId: number; year: number; quarter: number }>();
  const today = businessDayjs();
  const year = today.year();
  const quarter = Math.floor(today.month() / 3) + 1;
  return (
    <Modal
      open
      title={t('funds.my.fileReport')}
      okText={t('funds.my.start')}
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        void navigate(`/funds/reports/new?fundId=${v.fundId}&year=${v.year}&quarter=${v.quarter}`);
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ fundId: funds[0]?.id, year, quarter }}>
        <Form.Item name="fundId" label={t('funds.fund')} rules={[{ required: true, message: t('funds.my.pickFund') }]}>
          <Select options={funds.map((f) => ({ value: f.id, label: f.name }))} />
        </Form.Item>
        <Space>
          <Form.Item name="year" label={t('funds.year')} rules={[{ required: true }]}>
            <InputNumber min={2009} max={year} />
          </Form.Item>
          <Form.Item name="quarter" label={t('funds.quarter')} rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('funds.quarterN', { q }) }))} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
