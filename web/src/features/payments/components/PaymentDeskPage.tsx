import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Select, Space, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { Money, renderMoney } from '../../../components/Money';
import { PageTitle } from '../../../components/PageTitle';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { fillNodes, useMessages } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { usePayables } from '../api/list-payables';
import { usePayments, type PaymentOrder, type PaymentsQuery } from '../api/list-payments';
import { usePaymentSummary } from '../api/payment-summary';
import { useApprovePayment, useCancelPayment, useConfirmPayment, useSendPayment } from '../api/payment-steps';
import { paymentsMessages } from '../messages';

type Status = NonNullable<PaymentsQuery['status']>;
const TABS: (Status | 'all')[] = ['prepared', 'approved', 'sent', 'confirmed', 'cancelled', 'all'];
const fmtTime = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

/** 支付台: the finance reviewer approves, sends and confirms the payment orders instruments prepare (maker-checker). */
export default function PaymentDeskPage() {
  const t = useMessages(paymentsMessages);
  const me = useSession();
  const { message } = App.useApp();
  const isFinance = hasAnyRole(me, ['finance_officer']);
  const [tab, setTab] = useState<Status | 'all'>(isFinance ? 'prepared' : 'all');
  const [payable, setPayable] = useState<string | undefined>();
  const [direction, setDirection] = useState<'out' | 'in' | undefined>();
  const [pageSize, setPageSize] = useState(20);
  const filterKey = JSON.stringify([tab, payable, direction, pageSize]);
  const pager = useCursorPager(filterKey);
  const query: PaymentsQuery = { limit: pageSize, ...(tab === 'all' ? {} : { status: tab }), ...(payable ? { payable } : {}), ...(direction ? { direction } : {}), ...(pager.cursor ? { cursor: pager.cursor } : {}) };
  const list = usePayments(query);
  const summary = usePaymentSummary({ ...(payable ? { payable } : {}), ...(direction ? { direction } : {}) });
  const payables = usePayables();
  const [detail, setDetail] = useState<PaymentOrder | null>(null);
  const [confirming, setConfirming] = useState<PaymentOrder | null>(null);
  const [cancelling, setCancelling] = useState<PaymentOrder | null>(null);
  const approve = useApprovePayment();
  const send = useSendPayment();

  const counts = useMemo(() => new Map((summary.data?.byStatus ?? []).map((s) => [s.status, s])), [summary.data]);

  const doApprove = (o: PaymentOrder) =>
    Modal.confirm({
      title: t('payments.approve.title'),
      content: (
        <span>
          {fillNodes(t(o.direction === 'out' ? 'payments.approve.contentOut' : 'payments.approve.contentIn'), {
            party: <span translate="no">{o.party.name}</span>,
            amount: <Money value={o.amount} />,
            purpose: <span translate="no">{o.purpose}</span>,
            account: <span translate="no">{o.debit.kind}</span>,
          })}
        </span>
      ),
      okText: t('payments.approve.ok'),
      onOk: async () => {
        try {
          await approve.mutateAsync({ id: o.id, version: o.version });
          message.success(t('payments.approve.done', { id: o.id }));
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  const doSend = async (o: PaymentOrder) => {
    try {
      await send.mutateAsync({ id: o.id, version: o.version });
      message.success(t('payments.send.done', { id: o.id }));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: DataColumn<PaymentOrder>[] = [
    { key: 'id', title: t('payments.col.id'), dataIndex: 'id', width: 80, render: (id: number, o) => <a onClick={() => setDetail(o)}>{id}</a> },
    { key: 'payable', title: t('payments.col.payable'), dataIndex: 'payableName', width: 150, render: (v: string, o) => (o.href ? <Link to={o.href}>{v}</Link> : v) },
    { key: 'direction', title: t('payments.col.direction'), dataIndex: 'directionName', width: 64, render: (v: string, o) => <Tag color={o.direction === 'out' ? 'blue' : 'purple'}>{v}</Tag> },
    { key: 'party', title: t('payments.col.party'), dataIndex: ['party', 'name'], ellipsis: true },
    { key: 'purpose', title: t('payments.col.purpose'), dataIndex: 'purpose', ellipsis: true },
    { key: 'amount', title: t('payments.col.amount'), dataIndex: 'amount', align: 'right', width: 150, render: renderMoney },
    { key: 'preparedBy', title: t('payments.col.preparedBy'), dataIndex: ['preparedBy', 'name'], width: 120, ellipsis: true },
    { key: 'status', title: t('payments.col.status'), dataIndex: 'statusName', width: 110, render: (v: string, o) => <StatusTag status={o.status} name={v} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      render: (_: unknown, o) => (
        <Space size={4} wrap>
          {o.status === 'prepared' && isFinance ? (
            o.actions.includes('approve') ? (
              <Button size="small" type="primary" onClick={() => doApprove(o)} data-testid={`approve-${o.id}`}>
                {t('payments.action.approve')}
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`blocked-${o.id}`}>
                {o.blockedReason}
              </Typography.Text>
            )
          ) : null}
          {o.actions.includes('send') ? (
            <Button size="small" onClick={() => void doSend(o)} data-testid={`send-${o.id}`}>
              {t('payments.action.send')}
            </Button>
          ) : null}
          {o.actions.includes('confirm') ? (
            <Button size="small" type="primary" onClick={() => setConfirming(o)} data-testid={`confirm-${o.id}`}>
              {t('payments.action.confirm')}
            </Button>
          ) : null}
          {o.actions.includes('cancel') ? (
            <Button size="small" danger type="link" onClick={() => setCancelling(o)}>
              {t('common.cancel')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('payments.title')} />
      {isFinance ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            summary.data?.myLimit === null || summary.data?.myLimit === undefined ? (
              t('payments.noLimit')
            ) : (
              <span>{fillNodes(t('payments.myLimit'), { limit: <Money value={summary.data.myLimit} /> })}</span>
            )
          }
        />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Status | 'all')}
        items={TABS.map((key) => {
          const c = key === 'all' ? null : counts.get(key);
          const label = t(`payments.tab.${key}`);
          return { key, label: c ? t('payments.tab.withCount', { label, count: c.count }) : label };
        })}
      />
      <DataTable<PaymentOrder>
        tableId="payments.orders"
        rowKey="id"
        size="middle"
        columns={columns}
        query={list}
        rows={list.data?.items}
        filters={
          <>
            <Select
              allowClear
              placeholder={t('payments.col.payable')}
              style={{ width: 220 }}
              value={payable}
              onChange={setPayable}
              options={(payables.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
              aria-label={t('payments.col.payable')}
            />
            <Select
              allowClear
              placeholder={t('payments.col.direction')}
              style={{ width: 120 }}
              value={direction}
              onChange={setDirection}
              options={[
                { value: 'out', label: t('payments.direction.out') },
                { value: 'in', label: t('payments.direction.in') },
              ]}
              aria-label={t('payments.col.direction')}
            />
          </>
        }
        keyset={{ pager, nextCursor: list.data?.nextCursor, pageSize, onPageSizeChange: setPageSize }}
        scroll={{ x: 1100 }}
        data-testid="payment-table"
      />
      <DetailDrawer order={detail} onClose={() => setDetail(null)} />
      <ConfirmModal order={confirming} today={summary.data?.today ?? null} onClose={() => setConfirming(null)} />
      <CancelModal order={cancelling} onClose={() => setCancelling(null)} />
    </>
  );
}

function DetailDrawer({ order, onClose }: { order: PaymentOrder | null; onClose: () => void }) {
  const t = useMessages(paymentsMessages);
  const acct = (r: PaymentOrder['debit']) => `${r.kind}${r.scope ? t('payments.detail.subAccount', { scope: r.scope }) : ''}${r.owner ? ` · ${r.owner.type} ${r.owner.id}` : ''}`;
  return (
    <Drawer open={order !== null} onClose={onClose} title={order ? t('payments.detail.title', { id: order.id }) : ''} size="large">
      {order ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('payments.col.payable')}>{order.payableName}</Descriptions.Item>
          <Descriptions.Item label={t('payments.col.direction')}>{order.directionName}</Descriptions.Item>
          <Descriptions.Item label={t(order.direction === 'out' ? 'payments.detail.payee' : 'payments.detail.payer')}>{order.party.name}</Descriptions.Item>
          <Descriptions.Item label={t('payments.detail.amount')}>
            <Money value={order.amount} />
          </Descriptions.Item>
          <Descriptions.Item label={t('payments.col.purpose')}>{order.purpose}</Descriptions.Item>
          <Descriptions.Item label={t('payments.detail.accounts')}>
            {order.book}：{acct(order.debit)} → {acct(order.credit)}
          </Descriptions.Item>
          <Descriptions.Item label={t('payments.col.status')}>{order.statusName}</Descriptions.Item>
          <Descriptions.Item label={t('payments.detail.prepared')}>
            {order.preparedBy.name} · {fmtTime(order.preparedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('payments.detail.approved')}>
            {order.approvedBy ? t('payments.detail.approvedValue', { name: order.approvedBy.name, time: fmtTime(order.approvedAt), movement: order.ledgerMovementId ?? '' }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('payments.detail.sent')}>{order.sentBy ? `${order.sentBy.name} · ${fmtTime(order.sentAt)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('payments.detail.confirmed')}>
            {order.confirmedBy ? t('payments.detail.confirmedValue', { name: order.confirmedBy.name, paidOn: order.paidOn ?? '', reference: order.bankReference ?? '' }) : '—'}
          </Descriptions.Item>
          {order.status === 'cancelled' ? (
            <Descriptions.Item label={t('payments.detail.cancelled')}>
              {order.cancelledBy?.name ?? t('payments.detail.system')} · {fmtTime(order.cancelledAt)} · {order.cancelReason}
              {order.reversalMovementId ? t('payments.detail.reversal', { movement: order.reversalMovementId }) : ''}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('payments.detail.idempotencyKey')}>{order.idempotencyKey}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Drawer>
  );
}

function ConfirmModal({ order, today, onClose }: { order: PaymentOrder | null; today: string | null; onClose: () => void }) {
  const t = useMessages(paymentsMessages);
  const confirm = useConfirmPayment();
  const { message } = App.useApp();
  const submit = async (v: { bankReference: string; paidOn: Dayjs }) => {
    await confirm.mutateAsync({ id: order!.id, body: { bankReference: v.bankReference.trim(), paidOn: v.paidOn.format('YYYY-MM-DD'), version: order!.version } });
    void message.success(t('payments.confirm.done', { id: order!.id }));
  };
  return (
    <FormModal<{ bankReference: string; paidOn: Dayjs }>
      open={order !== null}
      title={order ? t('payments.confirm.title', { id: order.id }) : ''}
      okText={t('payments.action.confirm')}
      onSubmit={submit}
      onClose={onClose}
      initialValues={{ paidOn: today ? dayjs(today) : undefined }}
    >
      <Form.Item name="bankReference" label={t('payments.confirm.reference')} rules={[{ required: true, whitespace: true, message: t('payments.confirm.referenceRequired') }]}>
        <Input maxLength={64} placeholder={t('payments.confirm.referencePlaceholder')} />
      </Form.Item>
      <Form.Item name="paidOn" label={t('payments.confirm.paidOn')} rules={[{ required: true, message: t('payments.confirm.paidOnRequired') }]}>
        <DatePicker disabledDate={(d) => (today ? d.isAfter(dayjs(today), 'day') : false)} />
      </Form.Item>
    </FormModal>
  );
}

function CancelModal({ order, onClose }: { order: PaymentOrder | null; onClose: () => void }) {
  const t = useMessages(paymentsMessages);
  const cancel = useCancelPayment();
  const { message } = App.useApp();
  const submit = async (v: { reason: string }) => {
    await cancel.mutateAsync({ id: order!.id, body: { reason: v.reason.trim(), version: order!.version } });
    void message.success(t(order!.status === 'approved' ? 'payments.cancel.doneReversed' : 'payments.cancel.done', { id: order!.id }));
  };
  return (
    <FormModal<{ reason: string }>
      open={order !== null}
      title={order ? t('payments.cancel.title', { id: order.id }) : ''}
      okText={t('payments.cancel.ok')}
      okButtonProps={{ danger: true }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="reason" label={t('payments.cancel.reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('payments.cancel.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
