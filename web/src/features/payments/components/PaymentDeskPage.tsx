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
import { hasAnyRole, useSession } from '../../../lib/session';
import { useCursorPager } from '../../../lib/use-cursor-pager';
import { usePayables } from '../api/list-payables';
import { usePayments, type PaymentOrder, type PaymentsQuery } from '../api/list-payments';
import { usePaymentSummary } from '../api/payment-summary';
import { useApprovePayment, useCancelPayment, useConfirmPayment, useSendPayment } from '../api/payment-steps';

type Status = NonNullable<PaymentsQuery['status']>;
const TABS: { key: Status | 'all'; label: string }[] = [
  { key: 'prepared', label: '待审批' },
  { key: 'approved', label: '待提交银行' },
  { key: 'sent', label: '待确认到账' },
  { key: 'confirmed', label: '已到账' },
  { key: 'cancelled', label: '已取消' },
  { key: 'all', label: '全部' },
];
const fmtTime = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');

/** 支付台: the finance reviewer approves, sends and confirms the payment orders instruments prepare (maker-checker). */
export default function PaymentDeskPage() {
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
      title: '复核审批支付指令',
      content: (
        <span>
          向 {o.party.name} {o.direction === 'out' ? '拨付' : '收回'} <Money value={o.amount} />（{o.purpose}）。审批后即记账，从「{o.debit.kind}」账户转出。
        </span>
      ),
      okText: '审批通过',
      onOk: async () => {
        try {
          await approve.mutateAsync({ id: o.id, version: o.version });
          message.success(`支付指令 ${o.id} 已审批并记账`);
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });
  const doSend = async (o: PaymentOrder) => {
    try {
      await send.mutateAsync({ id: o.id, version: o.version });
      message.success(`支付指令 ${o.id} 已提交银行`);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const columns: DataColumn<PaymentOrder>[] = [
    { key: 'id', title: '编号', dataIndex: 'id', width: 80, render: (id: number, o) => <a onClick={() => setDetail(o)}>{id}</a> },
    { key: 'payable', title: '支付事项', dataIndex: 'payableName', width: 150, render: (v: string, o) => (o.href ? <Link to={o.href}>{v}</Link> : v) },
    { key: 'direction', title: '方向', dataIndex: 'directionName', width: 64, render: (v: string, o) => <Tag color={o.direction === 'out' ? 'blue' : 'purple'}>{v}</Tag> },
    { key: 'party', title: '收/付款方', dataIndex: ['party', 'name'], ellipsis: true },
    { key: 'purpose', title: '用途', dataIndex: 'purpose', ellipsis: true },
    { key: 'amount', title: '金额（元）', dataIndex: 'amount', align: 'right', width: 150, render: renderMoney },
    { key: 'preparedBy', title: '经办人', dataIndex: ['preparedBy', 'name'], width: 120, ellipsis: true },
    { key: 'status', title: '状态', dataIndex: 'statusName', width: 110, render: (v: string, o) => <StatusTag status={o.status} name={v} /> },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_: unknown, o) => (
        <Space size={4} wrap>
          {o.status === 'prepared' && isFinance ? (
            o.actions.includes('approve') ? (
              <Button size="small" type="primary" onClick={() => doApprove(o)} data-testid={`approve-${o.id}`}>
                审批
              </Button>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`blocked-${o.id}`}>
                {o.blockedReason}
              </Typography.Text>
            )
          ) : null}
          {o.actions.includes('send') ? (
            <Button size="small" onClick={() => void doSend(o)} data-testid={`send-${o.id}`}>
              提交银行
            </Button>
          ) : null}
          {o.actions.includes('confirm') ? (
            <Button size="small" type="primary" onClick={() => setConfirming(o)} data-testid={`confirm-${o.id}`}>
              确认到账
            </Button>
          ) : null}
          {o.actions.includes('cancel') ? (
            <Button size="small" danger type="link" onClick={() => setCancelling(o)}>
              取消
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle title="支付台" />
      {isFinance ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={
            summary.data?.myLimit === null || summary.data?.myLimit === undefined ? (
              '尚未为您设置审批限额，暂不能审批支付指令，请联系系统管理员。'
            ) : (
              <span>
                您的单笔审批限额：<Money value={summary.data.myLimit} />。经办人不能审批自己经办的支付；审批即记账，账户可用额度不足时系统拒绝。
              </span>
            )
          }
        />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Status | 'all')}
        items={TABS.map((t) => {
          const c = t.key === 'all' ? null : counts.get(t.key);
          return { key: t.key, label: c ? `${t.label}（${c.count}）` : t.label };
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
              placeholder="支付事项"
              style={{ width: 220 }}
              value={payable}
              onChange={setPayable}
              options={(payables.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
              aria-label="支付事项"
            />
            <Select
              allowClear
              placeholder="方向"
              style={{ width: 120 }}
              value={direction}
              onChange={setDirection}
              options={[
                { value: 'out', label: '拨付' },
                { value: 'in', label: '收回' },
              ]}
              aria-label="方向"
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
  const acct = (r: PaymentOrder['debit']) => `${r.kind}${r.scope ? ` · 子账 ${r.scope}` : ''}${r.owner ? ` · ${r.owner.type} ${r.owner.id}` : ''}`;
  return (
    <Drawer open={order !== null} onClose={onClose} title={order ? `支付指令 ${order.id}` : ''} size="large">
      {order ? (
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="支付事项">{order.payableName}</Descriptions.Item>
          <Descriptions.Item label="方向">{order.directionName}</Descriptions.Item>
          <Descriptions.Item label={order.direction === 'out' ? '收款方' : '付款方'}>{order.party.name}</Descriptions.Item>
          <Descriptions.Item label="金额">
            <Money value={order.amount} />
          </Descriptions.Item>
          <Descriptions.Item label="用途">{order.purpose}</Descriptions.Item>
          <Descriptions.Item label="账簿 / 转出 → 转入">
            {order.book}：{acct(order.debit)} → {acct(order.credit)}
          </Descriptions.Item>
          <Descriptions.Item label="状态">{order.statusName}</Descriptions.Item>
          <Descriptions.Item label="经办（制单）">
            {order.preparedBy.name} · {fmtTime(order.preparedAt)}
          </Descriptions.Item>
          <Descriptions.Item label="复核审批">{order.approvedBy ? `${order.approvedBy.name} · ${fmtTime(order.approvedAt)}（记账凭证 ${order.ledgerMovementId}）` : '—'}</Descriptions.Item>
          <Descriptions.Item label="提交银行">{order.sentBy ? `${order.sentBy.name} · ${fmtTime(order.sentAt)}` : '—'}</Descriptions.Item>
          <Descriptions.Item label="确认到账">{order.confirmedBy ? `${order.confirmedBy.name} · 到账日期 ${order.paidOn} · 银行流水号 ${order.bankReference}` : '—'}</Descriptions.Item>
          {order.status === 'cancelled' ? (
            <Descriptions.Item label="取消">
              {order.cancelledBy?.name ?? '系统'} · {fmtTime(order.cancelledAt)} · {order.cancelReason}
              {order.reversalMovementId ? `（冲正凭证 ${order.reversalMovementId}）` : ''}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label="幂等键">{order.idempotencyKey}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Drawer>
  );
}

function ConfirmModal({ order, today, onClose }: { order: PaymentOrder | null; today: string | null; onClose: () => void }) {
  const confirm = useConfirmPayment();
  const { message } = App.useApp();
  const submit = async (v: { bankReference: string; paidOn: Dayjs }) => {
    await confirm.mutateAsync({ id: order!.id, body: { bankReference: v.bankReference.trim(), paidOn: v.paidOn.format('YYYY-MM-DD'), version: order!.version } });
    void message.success(`支付指令 ${order!.id} 已确认到账`);
  };
  return (
    <FormModal<{ bankReference: string; paidOn: Dayjs }>
      open={order !== null}
      title={order ? `确认到账：支付指令 ${order.id}` : ''}
      okText="确认到账"
      onSubmit={submit}
      onClose={onClose}
      initialValues={{ paidOn: today ? dayjs(today) : undefined }}
    >
      <Form.Item name="bankReference" label="银行流水号" rules={[{ required: true, whitespace: true, message: '请填写银行流水号' }]}>
        <Input maxLength={64} placeholder="如 ICBC2016091200123" />
      </Form.Item>
      <Form.Item name="paidOn" label="到账日期" rules={[{ required: true, message: '请选择到账日期' }]}>
        <DatePicker disabledDate={(d) => (today ? d.isAfter(dayjs(today), 'day') : false)} />
      </Form.Item>
    </FormModal>
  );
}

function CancelModal({ order, onClose }: { order: PaymentOrder | null; onClose: () => void }) {
  const cancel = useCancelPayment();
  const { message } = App.useApp();
  const submit = async (v: { reason: string }) => {
    await cancel.mutateAsync({ id: order!.id, body: { reason: v.reason.trim(), version: order!.version } });
    void message.success(`支付指令 ${order!.id} 已取消${order!.status === 'approved' ? '，记账已冲正' : ''}`);
  };
  return (
    <FormModal<{ reason: string }>
      open={order !== null}
      title={order ? `取消支付指令 ${order.id}` : ''}
      okText="取消支付"
      okButtonProps={{ danger: true }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="reason" label="取消原因" rules={[{ required: true, whitespace: true, min: 2, message: '请填写取消原因（至少2个字）' }]}>
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
