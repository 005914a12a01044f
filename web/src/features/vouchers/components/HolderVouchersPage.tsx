import { App, Button, Card, Empty, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useMessages } from '../../../lib/i18n';
import { useBalance } from '../api/get-balance';
import { useCancelBooking } from '../api/cancel-booking';
import { useBookings, type ListBookingsResult } from '../api/list-bookings';
import { useClaims, type ListClaimsResult } from '../api/list-claims';
import { useHolders } from '../api/list-holders';
import { usePolicies } from '../api/list-policies';
import { useProviders, type ListProvidersResult } from '../api/list-providers';
import { useCategoryOptions, type VoucherCategory } from '../constants';
import { vouchersMessages } from '../messages';
import { BalanceCards } from './BalanceCards';
import { BookServiceModal } from './BookServiceModal';
import { ClaimModal } from './ClaimModal';
import { renderMoney } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';

type Provider = ListProvidersResult['items'][number];
type Booking = ListBookingsResult['items'][number];
type Claim = ListClaimsResult['items'][number];

/** The holder's page (enterprise user): balance, the provider catalogue to book from, bookings and claims. */
export default function HolderVouchersPage() {
  const t = useMessages(vouchersMessages);
  const { message } = App.useApp();
  const categoryOptions = useCategoryOptions();
  const holders = useHolders({ limit: 1 });
  const holder = holders.data?.items[0];
  const policies = usePolicies();
  const active = (policies.data?.items ?? []).filter((p) => p.status === 'active');
  const [policyId, setPolicyId] = useState<number | undefined>();
  useEffect(() => {
    if (policyId === undefined && active[0]) {
      setPolicyId(active[0].id);
    }
  }, [active, policyId]);
  const policy = policies.data?.items.find((p) => p.id === policyId);
  const balance = useBalance(holder?.id, policyId);
  const [category, setCategory] = useState<VoucherCategory | undefined>();
  const providers = useProviders({ limit: 100, category });
  const bookings = useBookings({ limit: 50, holderId: holder?.id, policyId }, !!holder);
  const claims = useClaims({ limit: 50, holderId: holder?.id }, !!holder);
  const cancel = useCancelBooking();
  const [booking, setBooking] = useState<Provider | null>(null);
  const [claiming, setClaiming] = useState<Booking | null>(null);

  if (!holders.isLoading && !holder) {
    return (
      <>
        <PageTitle title={t('vouchers.my.title')} />
        <Empty description={t('vouchers.my.notHolder')} />
      </>
    );
  }
  return (
    <>
      <PageTitle title={t('vouchers.my.title')} extra={<Select aria-label={t('vouchers.my.policy')} style={{ minWidth: 280 }} value={policyId} onChange={setPolicyId} options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.status === 'expired' ? t('vouchers.my.policyExpired', { name: p.name }) : p.name }))} />}>
        <Typography.Text type="secondary">
          {holder?.name} · {holder?.districtName}
          {policy ? t('vouchers.my.policyTerms', { validUntil: policy.validUntil, ratio: policy.coverageRatio * 100 }) : ''}
        </Typography.Text>
      </PageTitle>
      <BalanceCards balance={balance.data} loading={balance.isLoading} />

      <Card title={t('vouchers.my.catalogue')} style={{ marginTop: 16 }}>
        <DataTable<Provider>
          tableId="vouchers.holder.providers"
          query={providers}
          rows={providers.data?.items}
          filters={<Select allowClear aria-label={t('vouchers.category')} placeholder={t('vouchers.category')} style={{ width: 160 }} value={category} onChange={setCategory} options={categoryOptions} />}
          rowKey="id"
          size="small"
          pagination={{ pageSize: 8 }}
          columns={[
            { key: 'name', title: t('vouchers.provider'), dataIndex: 'name' },
            { key: 'districtName', title: t('vouchers.providerDistrict'), dataIndex: 'districtName', width: 100 },
            { key: 'categories', title: t('vouchers.category'), dataIndex: 'categoryNames', render: (names: string[], p) => names.map((n, i) => <Tag key={p.categories[i]}>{n}</Tag>) },
            {
              key: 'actions',
              title: t('vouchers.actions'),
              width: 100,
              render: (_, p) => (
                <Button size="small" type="primary" disabled={!policy || policy.status !== 'active'} onClick={() => setBooking(p)}>
                  {t('vouchers.my.book')}
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <Card title={t('vouchers.my.bookings')} style={{ marginTop: 16 }}>
        <DataTable<Booking>
          tableId="vouchers.holder.bookings"
          query={bookings}
          rows={bookings.data?.items}
          rowKey="id"
          size="small"
          pagination={false}
          columns={[
            { key: 'id', title: t('vouchers.bookingId'), dataIndex: 'id', width: 80 },
            { key: 'providerName', title: t('vouchers.provider'), dataIndex: 'providerName' },
            { key: 'serviceName', title: t('vouchers.service'), dataIndex: 'serviceName', render: (n: string | null, b) => n ?? b.serviceCategoryName },
            { key: 'serviceStart', title: t('vouchers.servicePeriod'), dataIndex: 'serviceStart', width: 190, render: (s: string | null, b) => (s ? t('vouchers.servicePeriodValue', { start: s, end: b.serviceEnd ?? '' }) : '—') },
            { key: 'contractAmount', title: t('vouchers.contractAmount'), dataIndex: 'contractAmount', render: renderMoney },
            { key: 'amount', title: t('vouchers.voucherAmount'), dataIndex: 'amount', render: renderMoney },
            { key: 'bookedOn', title: t('vouchers.bookedOn'), dataIndex: 'bookedOn', width: 110 },
            { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', width: 130, render: (name: string, b) => <StatusTag status={b.status} name={name} /> },
            {
              key: 'actions',
              title: t('vouchers.actions'),
              width: 170,
              render: (_, b) =>
                b.status === 'booked' ? (
                  <Space>
                    <Button size="small" onClick={() => setClaiming(b)}>
                      {t('vouchers.my.reimburse')}
                    </Button>
                    <Popconfirm title={t('vouchers.my.cancelConfirm')} onConfirm={() => cancel.mutateAsync(b.id).then(() => message.success(t('vouchers.my.cancelled')), (e: unknown) => message.error(errorMessage(e)))}>
                      <Button size="small" danger>
                        {t('vouchers.cancel')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>

      <Card title={t('vouchers.my.claims')} style={{ marginTop: 16 }}>
        <DataTable<Claim>
          tableId="vouchers.holder.claims"
          query={claims}
          rows={claims.data?.items}
          rowKey="id"
          size="small"
          pagination={false}
          columns={[
            { key: 'id', title: t('vouchers.claimId'), dataIndex: 'id', width: 80 },
            { key: 'bookingId', title: t('vouchers.bookingId'), dataIndex: 'bookingId', width: 80 },
            { key: 'mode', title: t('vouchers.mode'), dataIndex: 'modeName' },
            { key: 'providerName', title: t('vouchers.provider'), dataIndex: 'providerName' },
            { key: 'amount', title: t('vouchers.amount'), dataIndex: 'amount', render: renderMoney },
            { key: 'submittedOn', title: t('vouchers.submittedOn'), dataIndex: 'submittedOn', width: 110 },
            { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', width: 90, render: (name: string, c) => <StatusTag status={c.status} name={name} /> },
            { key: 'decisionNote', title: t('vouchers.decisionNote'), dataIndex: 'decisionNote', render: (n: string | null, c) => n ?? (c.status === 'submitted' ? t('vouchers.my.awaitingReview') : '') },
          ]}
        />
      </Card>

      {holder && policy ? <BookServiceModal open={!!booking} onClose={() => setBooking(null)} holderId={holder.id} policy={policy} provider={booking} /> : null}
      <ClaimModal open={!!claiming} onClose={() => setClaiming(null)} booking={claiming} mode="tongyong" />
    </>
  );
}
