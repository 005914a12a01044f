import { App, Button, Form, Modal, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { renderMoney } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { PageTitle } from '../../../components/PageTitle';
import { failedTable } from '../../../components/QueryState';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { hasAnyRole, useSession } from '../../../lib/session';
import { usePaymentLimits, useSetLimit, type PaymentLimits } from '../api/payment-limits';

type Row = PaymentLimits['items'][number];

/** 审批限额: the admin sets each finance reviewer's per-order approval limit (no limit, no approvals). */
export default function PaymentLimitsPage() {
  const me = useSession();
  const canEdit = hasAnyRole(me, ['city_admin']);
  const limits = usePaymentLimits();
  const [editing, setEditing] = useState<Row | null>(null);
  const columns: ColumnsType<Row> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', render: (v: string, r) => (r.disabled ? <span>{v} <Tag>已停用</Tag></span> : v) },
    { title: '单笔审批限额（元）', dataIndex: 'limit', align: 'right', width: 200, render: (v: number | null) => (v === null ? <Tag color="orange">未设置（不能审批）</Tag> : renderMoney(v)) },
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
      <Table<Row> rowKey="userId" columns={columns} dataSource={limits.data?.items ?? []} loading={limits.isFetching} pagination={false} {...failedTable(limits)} />
      <LimitModal row={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function LimitModal({ row, onClose }: { row: Row | null; onClose: () => void }) {
  const [form] = Form.useForm<{ limit: number }>();
  const set = useSetLimit();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await set.mutateAsync({ userId: row!.userId, limit: v.limit });
      message.success(`已将${row!.displayName}的审批限额设为 ${v.limit.toLocaleString('zh-CN')} 元`);
      onClose();
    } catch (err) {
      if (applyFieldErrors(form, err, ['limit']).length === 0) {
        message.error(errorMessage(err));
      }
    }
  };
  return (
    <Modal open={row !== null} title={row ? `设置审批限额：${row.displayName}` : ''} okText="保存" onOk={() => void submit()} onCancel={onClose} confirmLoading={set.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ limit: row?.limit ?? undefined }} preserve={false}>
        <Form.Item name="limit" label="单笔审批限额" rules={[{ required: true, message: '请填写审批限额' }]} extra="超过限额的支付指令须由限额更高的复核人员审批；0 表示不能审批。">
          <MoneyInput max={10_000_000_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
