import { App, Button, Form, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { renderMoney } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { PageTitle } from '../../../components/PageTitle';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { hasAnyRole, useSession } from '../../../lib/session';
import { usePaymentLimits, useSetLimit, type PaymentLimits } from '../api/payment-limits';

type Row = PaymentLimits['items'][number];

/** 审批限额: the admin sets each finance reviewer's per-order approval limit (no limit, no approvals). */
export default function PaymentLimitsPage() {
  const me = useSession();
  const canEdit = hasAnyRole(me, ['city_admin']);
  const limits = usePaymentLimits();
  const [editing, setEditing] = useState<Row | null>(null);
  const columns: DataColumn<Row>[] = [
    { key: 'username', title: '用户名', dataIndex: 'username', width: 140 },
    { key: 'name', title: '姓名', dataIndex: 'displayName', render: (v: string, r) => (r.disabled ? <span>{v} <Tag>已停用</Tag></span> : v) },
    { key: 'limit', title: '单笔审批限额（元）', dataIndex: 'limit', align: 'right', width: 200, render: (v: number | null) => (v === null ? <Tag color="orange">未设置（不能审批）</Tag> : renderMoney(v)) },
    { title: '最近设置', key: 'updated', width: 240, render: (_: unknown, r) => (r.updatedAt ? `${r.updatedByName ?? '系统'} · ${dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm')}` : '—') },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'op',
            width: 100,
            render: (_: unknown, r: Row) => (
              <Button size="small" onClick={() => setEditing(r)} data-testid={`edit-limit-${r.username}`}>
                设置限额
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageTitle title="支付审批限额" />
      <DataTable<Row> tableId="payments.limits" rowKey="userId" columns={columns} query={limits} rows={limits.data?.items} />
      <LimitModal row={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function LimitModal({ row, onClose }: { row: Row | null; onClose: () => void }) {
  const set = useSetLimit();
  const { message } = App.useApp();
  const submit = async (v: { limit: number }) => {
    await set.mutateAsync({ userId: row!.userId, limit: v.limit });
    void message.success(`已将${row!.displayName}的审批限额设为 ${v.limit.toLocaleString('zh-CN')} 元`);
  };
  return (
    <FormModal<{ limit: number }> open={row !== null} title={row ? `设置审批限额：${row.displayName}` : ''} okText="保存" onSubmit={submit} onClose={onClose} initialValues={{ limit: row?.limit ?? undefined }}>
      <Form.Item name="limit" label="单笔审批限额" rules={[{ required: true, message: '请填写审批限额' }]} extra="超过限额的支付指令须由限额更高的复核人员审批；0 表示不能审批。">
        <MoneyInput max={10_000_000_000} />
      </Form.Item>
    </FormModal>
  );
}
