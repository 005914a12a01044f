import { Button, Form, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { renderWan } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { failedTable } from '../../../components/QueryState';
import { businessDayjs } from '../../../lib/business-clock';
import { formatYuan } from '../../../lib/format';
import { usePartnerFunds, useReports, type PartnerFund, type ReportSummary } from '../api/queries';
import { FUND_STATUS_COLORS, REPORT_STATUS_COLORS } from '../constants';

/** 我的基金: a fund manager's funds and their quarterly portfolio reports. */
export default function MyFundsPage() {
  const funds = usePartnerFunds();
  const reports = useReports({ limit: 500 });
  const [picking, setPicking] = useState(false);
  const fundColumns: ColumnsType<PartnerFund> = [
    { title: '基金名称', dataIndex: 'name' },
    { title: '类别', dataIndex: 'programmeName', width: 190 },
    { title: '认缴规模', dataIndex: 'scale', align: 'right', width: 130, render: renderWan },
    { title: '引导基金认缴（占比）', dataIndex: 'commitment', align: 'right', width: 170, render: (v: number, r) => <>{renderWan(v)}（{r.share}%）</> },
    { title: '引导基金已实缴', dataIndex: 'paidIn', align: 'right', width: 140, render: renderWan },
    { title: '已报投资', dataIndex: 'investments', align: 'right', width: 150, render: (v: number, r) => `${v}个 / ${formatYuan(r.invested)}` },
    { title: '设立日期', dataIndex: 'setUpOn', width: 110 },
    { title: '状态', dataIndex: 'statusName', width: 80, render: (v: string, r) => <Tag color={FUND_STATUS_COLORS[r.status]}>{v}</Tag> },
  ];
  const reportColumns: ColumnsType<ReportSummary> = [
    { title: '季度', key: 'q', width: 130, render: (_, r) => `${r.year}年第${r.quarter}季度` },
    { title: '合作基金', dataIndex: 'fundName' },
    { title: '投资笔数', dataIndex: 'investments', align: 'right', width: 90 },
    { title: '投资金额', dataIndex: 'invested', align: 'right', width: 140, render: renderWan },
    { title: '状态', dataIndex: 'statusName', width: 100, render: (v: string, r) => <Tag color={REPORT_STATUS_COLORS[r.status]}>{v}</Tag> },
    { title: '', key: 'open', width: 90, render: (_, r) => <Link to={`/funds/reports/${r.id}`}>{r.status === 'draft' || r.status === 'returned' ? '修改并提交' : '查看'}</Link> },
  ];
  return (
    <>
      <PageTitle title="我的基金" extra={<Button type="primary" onClick={() => setPicking(true)} disabled={!funds.data?.length}>填报季度投资报告</Button>}>
        <Typography.Text type="secondary">本机构管理的合作基金；每季度填报投资、估值与退出，经市科委审核接受后，投资记入被投企业档案</Typography.Text>
      </PageTitle>
      <Typography.Title level={2} style={{ fontSize: 16 }}>管理的基金</Typography.Title>
      <Table<PartnerFund> rowKey="id" size="small" columns={fundColumns} dataSource={funds.data} loading={funds.isLoading} pagination={false} scroll={{ x: 1100 }} {...failedTable(funds)} />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>季度投资报告</Typography.Title>
      <Table<ReportSummary> rowKey="id" size="small" columns={reportColumns} dataSource={reports.data} loading={reports.isLoading} pagination={{ pageSize: 12 }} {...failedTable(reports)} />
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
