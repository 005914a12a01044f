import { App, Button, Card, Empty, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { useBalance } from '../api/get-balance';
import { useCancelBooking } from '../api/cancel-booking';
import { useBookings, type ListBookingsResult } from '../api/list-bookings';
import { useClaims } from '../api/list-claims';
import { useHolders } from '../api/list-holders';
import { usePolicies } from '../api/list-policies';
import { useProviders, type ListProvidersResult } from '../api/list-providers';
import { BOOKING_STATUS, CATEGORY_OPTIONS, CLAIM_STATUS, MODE_LABEL, categoryLabel } from '../constants';
import { BalanceCards } from './BalanceCards';
import { BookServiceModal } from './BookServiceModal';
import { ClaimModal } from './ClaimModal';
import { renderMoney } from '../../../components/Money';

type Provider = ListProvidersResult['items'][number];
type Booking = ListBookingsResult['items'][number];

/** The holder's page (enterprise user): balance, the provider catalogue to book from, bookings and claims. */
export default function HolderVouchersPage() {
  const { message } = App.useApp();
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
  const [category, setCategory] = useState<(typeof CATEGORY_OPTIONS)[number]['value'] | undefined>();
  const providers = useProviders({ limit: 100, category });
  const bookings = useBookings({ limit: 50, holderId: holder?.id, policyId }, !!holder);
  const claims = useClaims({ limit: 50, holderId: holder?.id }, !!holder);
  const cancel = useCancelBooking();
  const [booking, setBooking] = useState<Provider | null>(null);
  const [claiming, setClaiming] = useState<Booking | null>(null);

  if (!holders.isLoading && !holder) {
    return (
      <>
        <PageTitle title="我的创新券" />
        <Empty description="本单位尚未登记为创新券持有人，请联系所在区县科技局。" />
      </>
    );
  }
  return (
    <>
      <PageTitle title="我的创新券" extra={<Select aria-label="政策" style={{ minWidth: 280 }} value={policyId} onChange={setPolicyId} options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}${p.status === 'expired' ? '（已到期）' : ''}` }))} />}>
        <Typography.Text type="secondary">
          {holder?.name} · {holder?.districtName}
          {policy ? ` · 有效期至 ${policy.validUntil} · 补助比例 ${policy.coverageRatio * 100}%` : ''}
        </Typography.Text>
      </PageTitle>
      <BalanceCards balance={balance.data} loading={balance.isLoading} />

      <Card title="服务机构目录" style={{ marginTop: 16 }} extra={<Select allowClear aria-label="服务类别" placeholder="服务类别" style={{ width: 140 }} value={category} onChange={setCategory} options={[...CATEGORY_OPTIONS]} />}>
        <DataTable<Provider>
          tableId="vouchers.holder.providers"
          query={providers}
          rows={providers.data?.items}
          rowKey="id"
          size="small"
          pagination={{ pageSize: 8 }}
          columns={[
            { key: 'name', title: '服务机构', dataIndex: 'name' },
            { key: 'districtName', title: '所在区县', dataIndex: 'districtName', width: 100 },
            { key: 'categories', title: '服务类别', dataIndex: 'categories', render: (cs: string[]) => cs.map((c) => <Tag key={c}>{categoryLabel(c)}</Tag>) },
            {
              key: 'actions',
              title: '操作',
              width: 100,
              render: (_, p) => (
                <Button size="small" type="primary" disabled={!policy || policy.status !== 'active'} onClick={() => setBooking(p)}>
                  预约服务
                </Button>
              ),
            },
          ]}
        />
      </Card>

      <Card title="我的预约" style={{ marginTop: 16 }}>
        <DataTable<Booking>
          tableId="vouchers.holder.bookings"
          query={bookings}
          rows={bookings.data?.items}
          rowKey="id"
          size="small"
          pagination={false}
          columns={[
            { key: 'id', title: '预约号', dataIndex: 'id', width: 80 },
            { key: 'providerName', title: '服务机构', dataIndex: 'providerName' },
            { key: 'serviceName', title: '服务项目', dataIndex: 'serviceName', render: (n: string | null, b) => n ?? categoryLabel(b.serviceCategory) },
            { key: 'serviceStart', title: '服务期', dataIndex: 'serviceStart', width: 190, render: (s: string | null, b) => (s ? `${s} 至 ${b.serviceEnd}` : '—') },
            { key: 'contractAmount', title: '合同金额', dataIndex: 'contractAmount', render: renderMoney },
            { key: 'amount', title: '创新券金额', dataIndex: 'amount', render: renderMoney },
            { key: 'bookedOn', title: '预约日期', dataIndex: 'bookedOn', width: 110 },
            { key: 'status', title: '状态', dataIndex: 'status', width: 130, render: (s: string) => <Tag color={BOOKING_STATUS[s]?.color}>{BOOKING_STATUS[s]?.label ?? s}</Tag> },
            {
              key: 'actions',
              title: '操作',
              width: 170,
              render: (_, b) =>
                b.status === 'booked' ? (
                  <Space>
                    <Button size="small" onClick={() => setClaiming(b)}>
                      报销（通用）
                    </Button>
                    <Popconfirm title="取消预约并释放冻结金额？" onConfirm={() => cancel.mutateAsync(b.id).then(() => message.success('已取消，冻结金额已退回'), (e: unknown) => message.error(errorMessage(e)))}>
                      <Button size="small" danger>
                        取消
                      </Button>
                    </Popconfirm>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Card>

      <Card title="兑付申请与进度" style={{ marginTop: 16 }}>
        <DataTable
          tableId="vouchers.holder.claims"
          query={claims}
          rows={claims.data?.items}
          rowKey="id"
          size="small"
          pagination={false}
          columns={[
            { key: 'id', title: '申请号', dataIndex: 'id', width: 80 },
            { key: 'bookingId', title: '预约号', dataIndex: 'bookingId', width: 80 },
            { key: 'mode', title: '方式', dataIndex: 'mode', render: (m: string) => MODE_LABEL[m] },
            { key: 'providerName', title: '服务机构', dataIndex: 'providerName' },
            { key: 'amount', title: '金额', dataIndex: 'amount', render: renderMoney },
            { key: 'submittedOn', title: '提交日期', dataIndex: 'submittedOn', width: 110 },
            { key: 'status', title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <Tag color={CLAIM_STATUS[s]?.color}>{CLAIM_STATUS[s]?.label}</Tag> },
            { key: 'decisionNote', title: '审核意见', dataIndex: 'decisionNote', render: (n: string | null, c) => n ?? (c.status === 'submitted' ? '等待市科委审核' : '') },
          ]}
        />
      </Card>

      {holder && policy ? <BookServiceModal open={!!booking} onClose={() => setBooking(null)} holderId={holder.id} policy={policy} provider={booking} /> : null}
      <ClaimModal open={!!claiming} onClose={() => setClaiming(null)} booking={claiming} mode="tongyong" />
    </>
  );
}
