import { App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useAddService, type AddServiceInput } from '../api/add-service';
import { exportSettlement } from '../api/export-settlement';
import { useMyProvider } from '../api/get-my-provider';
import { useBookings, type ListBookingsResult } from '../api/list-bookings';
import { useClaims } from '../api/list-claims';
import { useSettlements } from '../api/list-settlements';
import { useMessages } from '../../../lib/i18n';
import { useVoucherLabels } from '../constants';
import { vouchersMessages } from '../messages';
import { ClaimModal } from './ClaimModal';
import { RegisterProviderCard } from './RegisterProviderCard';
import { renderMoney } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';

type Booking = ListBookingsResult['items'][number];

/** The provider's page: its catalogue, bookings to deliver and claim (通兑), claims, settlements. */
export default function ProviderVouchersPage() {
  const { message } = App.useApp();
  const t = useMessages(vouchersMessages);
  const { bookingStatus, categoryLabel, categoryOptions, claimStatus, modeLabel, providerStatus } = useVoucherLabels();
  const me = useMyProvider();
  const p = me.data;
  const bookings = useBookings({ limit: 100, providerId: p?.id }, !!p);
  const claims = useClaims({ limit: 100, providerId: p?.id }, !!p);
  const settlements = useSettlements({ limit: 50 }, !!p);
  const add = useAddService();
  const [form] = Form.useForm<AddServiceInput>();
  const [claiming, setClaiming] = useState<Booking | null>(null);

  if (me.isError) {
    return (
      <>
        <PageTitle title="服务机构工作台" />
        <Empty description="本机构尚未登记为创新券服务机构。" style={{ marginBottom: 16 }} />
        <RegisterProviderCard />
      </>
    );
  }
  const addService = async (v: AddServiceInput) => {
    if (!p) {
      return;
    }
    try {
      await add.mutateAsync({ id: p.id, body: v });
      void message.success('服务项目已添加');
      form.resetFields();
    } catch (err) {
      if (!applyFieldErrors(form, err, ['category', 'name', 'price', 'unit']).length) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <>
      <PageTitle title="服务机构工作台">
        <Typography.Text type="secondary">
          {p?.name} · {p?.districtName} {p ? <Tag color={providerStatus[p.status]?.color}>{providerStatus[p.status]?.label}</Tag> : null}
        </Typography.Text>
      </PageTitle>

      <Card title="待交付的预约（服务完成后申请兑付）">
        <DataTable<Booking>
          tableId="vouchers.provider.bookings"
          query={bookings}
          rows={bookings.data?.items}
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10 }}
          columns={[
            { key: 'id', title: '预约号', dataIndex: 'id', width: 80 },
            { key: 'holderName', title: '持有人', dataIndex: 'holderName' },
            { key: 'serviceName', title: '服务项目', dataIndex: 'serviceName', render: (n: string | null, b) => n ?? categoryLabel(b.serviceCategory) },
            { key: 'serviceStart', title: '服务期', dataIndex: 'serviceStart', width: 190, render: (s: string | null, b) => (s ? `${s} 至 ${b.serviceEnd}` : '—') },
            { key: 'contractAmount', title: '合同金额', dataIndex: 'contractAmount', render: renderMoney },
            { key: 'amount', title: '创新券金额', dataIndex: 'amount', render: renderMoney },
            { key: 'bookedOn', title: '预约日期', dataIndex: 'bookedOn', width: 110 },
            { key: 'status', title: '状态', dataIndex: 'status', width: 130, render: (s: string) => <Tag color={bookingStatus[s]?.color}>{bookingStatus[s]?.label ?? s}</Tag> },
            {
              key: 'actions',
              title: '操作',
              width: 130,
              render: (_, b) =>
                b.status === 'booked' ? (
                  <Button size="small" type="primary" onClick={() => setClaiming(b)}>
                    申请兑付（通兑）
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>

      <Card title="兑付申请" style={{ marginTop: 16 }}>
        <DataTable
          tableId="vouchers.provider.claims"
          query={claims}
          rows={claims.data?.items}
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10 }}
          columns={[
            { key: 'id', title: '申请号', dataIndex: 'id', width: 80 },
            { key: 'holderName', title: '持有人', dataIndex: 'holderName' },
            { key: 'mode', title: '方式', dataIndex: 'mode', render: (m: string) => modeLabel[m] },
            { key: 'amount', title: '金额', dataIndex: 'amount', render: renderMoney },
            { key: 'status', title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <Tag color={claimStatus[s]?.color}>{claimStatus[s]?.label}</Tag> },
            { key: 'settlementId', title: '结算批次', dataIndex: 'settlementId', width: 90, render: (v: number | null) => v ?? '—' },
          ]}
        />
      </Card>

      <Card title="结算批次" style={{ marginTop: 16 }}>
        <DataTable
          tableId="vouchers.provider.settlements"
          query={settlements}
          rows={settlements.data?.items}
          rowKey="id"
          size="small"
          pagination={false}
          columns={[
            { key: 'id', title: '批次号', dataIndex: 'id', width: 80 },
            { key: 'claimCount', title: '笔数', dataIndex: 'claimCount', width: 70 },
            { key: 'total', title: '金额', dataIndex: 'total', render: renderMoney },
            { key: 'status', title: '状态', dataIndex: 'status', render: (s: string) => (s === 'paid' ? <Tag color="green">已付款</Tag> : <Tag color="gold">待付款</Tag>) },
            { key: 'export', title: '导出', width: 100, render: (_, s) => <Button size="small" onClick={() => exportSettlement(s.id, t('vouchers.settle.exportFile', { id: s.id })).catch((e: unknown) => message.error(errorMessage(e)))}>付款清单</Button> },
          ]}
        />
      </Card>

      <Card title="服务目录" style={{ marginTop: 16 }}>
        <Table
          rowKey="id"
          size="small"
          dataSource={p?.services ?? []}
          pagination={false}
          columns={[
            { title: '类别', dataIndex: 'categoryName', width: 100 },
            { title: '服务项目', dataIndex: 'name' },
            { title: '参考价格', dataIndex: 'price', render: renderMoney },
            { title: '单位', dataIndex: 'unit', width: 60 },
          ]}
        />
        <Form form={form} layout="inline" style={{ marginTop: 12 }} onFinish={(v) => void addService(v)} initialValues={{ unit: '项' }}>
          <Form.Item name="category" rules={[{ required: true, message: '请选择类别' }]}>
            <Select aria-label="服务类别" placeholder="类别" style={{ width: 120 }} options={categoryOptions.filter((c) => p?.categories.includes(c.value)).map((c) => ({ ...c }))} />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, message: '请填写服务项目' }]}>
            <Input aria-label="服务项目" placeholder="服务项目" />
          </Form.Item>
          <Form.Item name="price" rules={[{ required: true, message: '请填写价格' }]}>
            <MoneyInput aria-label="参考价格（元）" placeholder="参考价格" />
          </Form.Item>
          <Form.Item name="unit">
            <Input aria-label="计价单位" style={{ width: 60 }} />
          </Form.Item>
          <Space>
            <Button htmlType="submit" loading={add.isPending}>
              添加服务
            </Button>
          </Space>
        </Form>
      </Card>
      <ClaimModal open={!!claiming} onClose={() => setClaiming(null)} booking={claiming} mode="tongdui" />
    </>
  );
}
