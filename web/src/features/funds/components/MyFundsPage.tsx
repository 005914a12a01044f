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

/** 我的基金: a fund manager's funds and their quarterly portfolio reports. */
export default function MyFundsPage() {
  const funds = usePartnerFunds();
  const reports = useReports({ limit: 500 });
  const [picking, setPicking] = useState(false);
  const fundColumns: DataColumn<PartnerFund>[] = [
    { key: 'name', title: '基金名称', dataIndex: 'name' },
    { key: 'programmeName', title: '类别', dataIndex: 'programmeName', width: 190 },
    { key: 'scale', title: '认缴规模', dataIndex: 'scale', align: 'right', width: 130, render: renderWan },
    { key: 'commitment', title: '引导基金认缴（占比）', dataIndex: 'commitment', align: 'right', width: 170, render: (v: number, r) => <>{renderWan(v)}（{r.share}%）</> },
    { key: 'paidIn', title: '引导基金已实缴', dataIndex: 'paidIn', align: 'right', width: 140, render: renderWan },
    { key: 'investments', title: '已报投资', dataIndex: 'investments', align: 'right', width: 150, render: (v: number, r) => `${v}个 / ${formatYuan(r.invested)}` },
    { key: 'setUpOn', title: '设立日期', dataIndex: 'setUpOn', width: 110 },
    { key: 'statusName', title: '状态', dataIndex: 'statusName', width: 80, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
  ];
  const reportColumns: DataColumn<ReportSummary>[] = [
    { title: '季度', key: 'q', width: 130, render: (_, r) => `${r.year}年第${r.quarter}季度` },
    { key: 'fundName', title: '合作基金', dataIndex: 'fundName' },
    { key: 'investments', title: '投资笔数', dataIndex: 'investments', align: 'right', width: 90 },
    { key: 'invested', title: '投资金额', dataIndex: 'invested', align: 'right', width: 140, render: renderWan },
    { key: 'statusName', title: '状态', dataIndex: 'statusName', width: 100, render: (v: string, r) => <StatusTag status={r.status} name={v} /> },
    { title: '', key: 'open', width: 90, render: (_, r) => <Link to={`/funds/reports/${r.id}`}>{r.status === 'draft' || r.status === 'returned' ? '修改并提交' : '查看'}</Link> },
  ];
  return (
    <>
      <PageTitle title="我的基金" extra={<Button type="primary" onClick={() => setPicking(true)} disabled={!funds.data?.length}>填报季度投资报告</Button>}>
        <Typography.Text type="secondary">本机构管理的合作基金；每季度填报投资、估值与退出，经市科委审核接受后，投资记入被投企业档案</Typography.Text>
      </PageTitle>
      <Typography.Title level={2} style={{ fontSize: 16 }}>管理的基金</Typography.Title>
      <DataTable<PartnerFund> tableId="funds.mine.funds" rowKey="id" size="small" columns={fundColumns} query={funds} rows={funds.data} pagination={false} scroll={{ x: 1100 }} />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>季度投资报告</Typography.Title>
      <DataTable<ReportSummary> tableId="funds.mine.reports" rowKey="id" size="small" columns={reportColumns} query={reports} rows={reports.data} pagination={{ pageSize: 12 }} />
      {picking ? <NewReportModal funds={(funds.data ?? []).filter((f) => f.status !== 'exited')} onClose={() => setPicking(false)} /> : null}
    </>
  );
}

function NewReportModal({ funds, onClose }: { funds: PartnerFund[]; onClose: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<{ fundId: number; year: number; quarter: number }>();
  const today = businessDayjs();
  const year = today.year();
  const quarter = Math.floor(today.month() / 3) + 1;
  return (
    <Modal
      open
      title="填报季度投资报告"
      okText="开始填报"
      onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        void navigate(`/funds/reports/new?fundId=${v.fundId}&year=${v.year}&quarter=${v.quarter}`);
      }}
    >
      <Form form={form} layout="vertical" initialValues={{ fundId: funds[0]?.id, year, quarter }}>
        <Form.Item name="fundId" label="基金" rules={[{ required: true, message: '请选择基金' }]}>
          <Select options={funds.map((f) => ({ value: f.id, label: f.name }))} />
        </Form.Item>
        <Space>
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2009} max={year} />
          </Form.Item>
          <Form.Item name="quarter" label="季度" rules={[{ required: true }]}>
            <Select style={{ width: 120 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
