import { App, Button, Card, Empty, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useAddService, type AddServiceInput } from '../api/add-service';
import { exportSettlement } from '../api/export-settlement';
import { useMyProvider, type GetMyProviderResult } from '../api/get-my-provider';
import { useBookings, type ListBookingsResult } from '../api/list-bookings';
import { useClaims, type ListClaimsResult } from '../api/list-claims';
import { useSettlements, type ListSettlementsResult } from '../api/list-settlements';
import { useMessages } from '../../../lib/i18n';
import { useCategoryOptions } from '../constants';
import { vouchersMessages } from '../messages';
import { ClaimModal } from './ClaimModal';
import { RegisterProviderCard } from './RegisterProviderCard';
import { renderMoney } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { StatusTag } from '../../../components/StatusTag';

type Booking = ListBookingsResult['items'][number];
type Claim = ListClaimsResult['items'][number];
type Settlement = ListSettlementsResult['items'][number];
type Service = GetMyProviderResult['services'][number];

/** The provider's page: its catalogue, bookings to deliver and claim (通兑), claims, settlements. */
export default function ProviderVouchersPage() {
  const { message } = App.useApp();
  const t = useMessages(vouchersMessages);
  const categoryOptions = useCategoryOptions();
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
        <PageTitle title={t('vouchers.provider.title')} />
        <Empty description={t('vouchers.provider.notRegistered')} style={{ marginBottom: 16 }} />
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
      void message.success(t('vouchers.provider.serviceAdded'));
      form.resetFields();
    } catch (err) {
      if (!applyFieldErrors(form, err, ['category', 'name', 'price', 'unit']).length) {
        void message.error(errorMessage(err));
      }
    }
  };
  return (
    <>
      <PageTitle title={t('vouchers.provider.title')}>
        <Typography.Text type="secondary">
          {p?.name} · {p?.districtName} {p ? <StatusTag status={p.status} name={p.statusName} /> : null}
        </Typography.Text>
      </PageTitle>

      <Card title={t('vouchers.provider.toDeliver')}>
        <DataTable<Booking>
          tableId="vouchers.provider.bookings"
          query={bookings}
          rows={bookings.data?.items}
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10 }}
          columns={[
            { key: 'id', title: t('vouchers.bookingId'), dataIndex: 'id', width: 80 },
            { key: 'holderName', title: t('vouchers.holder'), dataIndex: 'holderName' },
            { key: 'serviceName', title: t('vouchers.service'), dataIndex: 'serviceName', render: (n: string | null, b) => n ?? b.serviceCategoryName },
            { key: 'serviceStart', title: t('vouchers.servicePeriod'), dataIndex: 'serviceStart', width: 190, render: (s: string | null, b) => (s ? t('vouchers.servicePeriodValue', { start: s, end: b.serviceEnd ?? '' }) : '—') },
            { key: 'contractAmount', title: t('vouchers.contractAmount'), dataIndex: 'contractAmount', render: renderMoney },
            { key: 'amount', title: t('vouchers.voucherAmount'), dataIndex: 'amount', render: renderMoney },
            { key: 'bookedOn', title: t('vouchers.bookedOn'), dataIndex: 'bookedOn', width: 110 },
            { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', width: 130, render: (name: string, b) => <StatusTag status={b.status} name={name} /> },
            {
              key: 'actions',
              title: t('vouchers.actions'),
              width: 130,
              render: (_, b) =>
                b.status === 'booked' ? (
                  <Button size="small" type="primary" onClick={() => setClaiming(b)}>
                    {t('vouchers.provider.claimTongdui')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>

      <Card title={t('vouchers.provider.claims')} style={{ marginTop: 16 }}>
        <DataTable<Claim>
          tableId="vouchers.provider.claims"
          query={claims}
          rows={claims.data?.items}
          rowKey="id"
          size="small"
          pagination={{ pageSize: 10 }}
          columns={[
            { key: 'id', title: t('vouchers.claimId'), dataIndex: 'id', width: 80 },
            { key: 'holderName', title: t('vouchers.holder'), dataIndex: 'holderName' },
            { key: 'mode', title: t('vouchers.mode'), dataIndex: 'modeName' },
            { key: 'amount', title: t('vouchers.amount'), dataIndex: 'amount', render: renderMoney },
            { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', width: 90, render: (name: string, c) => <StatusTag status={c.status} name={name} /> },
            { key: 'settlementId', title: t('vouchers.provider.settlement'), dataIndex: 'settlementId', width: 90, render: (v: number | null) => v ?? '—' },
          ]}
        />
      </Card>

      <Card title={t('vouchers.provider.settlements')} style={{ marginTop: 16 }}>
        <DataTable<Settlement>
          tableId="vouchers.provider.settlements"
          query={settlements}
          rows={settlements.data?.items}
          rowKey="id"
          size="small"
          pagination={false}
          columns={[
            { key: 'id', title: t('vouchers.provider.batchNo'), dataIndex: 'id', width: 80 },
            { key: 'claimCount', title: t('vouchers.provider.claimCount'), dataIndex: 'claimCount', width: 70 },
            { key: 'total', title: t('vouchers.amount'), dataIndex: 'total', render: renderMoney },
            { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', render: (name: string, s) => <StatusTag status={s.status} name={name} /> },
            { key: 'export', title: t('vouchers.provider.export'), width: 100, render: (_, s) => <Button size="small" onClick={() => exportSettlement(s.id, t('vouchers.settle.exportFile', { id: s.id })).catch((e: unknown) => message.error(errorMessage(e)))}>{t('vouchers.provider.paymentList')}</Button> },
          ]}
        />
      </Card>

      <Card title={t('vouchers.provider.catalogue')} style={{ marginTop: 16 }}>
        <DataTable<Service>
          tableId="vouchers.provider.services"
          query={me}
          rows={p?.services}
          rowKey="id"
          size="small"
          pagination={false}
          columns={[
            { key: 'categoryName', title: t('vouchers.categoryShort'), dataIndex: 'categoryName', width: 100 },
            { key: 'name', title: t('vouchers.service'), dataIndex: 'name' },
            { key: 'price', title: t('vouchers.provider.referencePrice'), dataIndex: 'price', render: renderMoney },
            { key: 'unit', title: t('vouchers.provider.unit'), dataIndex: 'unit', width: 60 },
          ]}
        />
        <Form form={form} layout="inline" style={{ marginTop: 12 }} onFinish={(v) => void addService(v)} initialValues={{ unit: t('vouchers.provider.defaultUnit') }}>
          <Form.Item name="category" rules={[{ required: true, message: t('vouchers.provider.categoryRequired') }]}>
            <Select aria-label={t('vouchers.category')} placeholder={t('vouchers.categoryShort')} style={{ width: 120 }} options={categoryOptions.filter((c) => p?.categories.includes(c.value)).map((c) => ({ ...c }))} />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, message: t('vouchers.provider.serviceRequired') }]}>
            <Input aria-label={t('vouchers.service')} placeholder={t('vouchers.service')} />
          </Form.Item>
          <Form.Item name="price" rules={[{ required: true, message: t('vouchers.provider.priceRequired') }]}>
            <MoneyInput aria-label={t('vouchers.provider.referencePriceYuan')} placeholder={t('vouchers.provider.referencePrice')} />
          </Form.Item>
          <Form.Item name="unit">
            <Input aria-label={t('vouchers.provider.unitLabel')} style={{ width: 60 }} />
          </Form.Item>
          <Space>
            <Button htmlType="submit" loading={add.isPending}>
              {t('vouchers.provider.addService')}
            </Button>
          </Space>
        </Form>
      </Card>
      <ClaimModal open={!!claiming} onClose={() => setClaiming(null)} booking={claiming} mode="tongdui" />
    </>
  );
}
