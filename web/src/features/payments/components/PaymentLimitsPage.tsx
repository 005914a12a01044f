import { App, Button, Form, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { renderMoney } from '../../../components/Money';
import { MoneyInput } from '../../../components/MoneyInput';
import { PageTitle } from '../../../components/PageTitle';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { useI18n, useMessages } from '../../../lib/i18n';
import { hasAnyRole, useSession } from '../../../lib/session';
import { usePaymentLimits, useSetLimit, type PaymentLimits } from '../api/payment-limits';
import { paymentsMessages } from '../messages';

type Row = PaymentLimits['items'][number];

/** 审批限额: the admin sets each finance reviewer's per-order approval limit (no limit, no approvals). */
export default function PaymentLimitsPage() {
  const t = useMessages(paymentsMessages);
  const me = useSession();
  const canEdit = hasAnyRole(me, ['city_admin']);
  const limits = usePaymentLimits();
  const [editing, setEditing] = useState<Row | null>(null);
  const columns: DataColumn<Row>[] = [
    { key: 'username', title: t('payments.limits.username'), dataIndex: 'username', width: 140 },
    { key: 'name', title: t('payments.limits.name'), dataIndex: 'displayName', render: (v: string, r) => (r.disabled ? <span>{v} <Tag>{t('payments.limits.disabled')}</Tag></span> : v) },
    { key: 'limit', title: t('payments.limits.limitYuan'), dataIndex: 'limit', align: 'right', width: 200, render: (v: number | null) => (v === null ? <Tag color="orange">{t('payments.limits.notSet')}</Tag> : renderMoney(v)) },
    { title: t('payments.limits.updated'), key: 'updated', width: 240, render: (_: unknown, r) => (r.updatedAt ? `${r.updatedByName ?? t('payments.detail.system')} · ${dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm')}` : '—') },
    ...(canEdit
      ? [
          {
            title: t('common.actions'),
            key: 'op',
            width: 100,
            render: (_: unknown, r: Row) => (
              <Button size="small" onClick={() => setEditing(r)} data-testid={`edit-limit-${r.username}`}>
                {t('payments.limits.set')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <PageTitle title={t('payments.limits.title')} />
      <DataTable<Row> tableId="payments.limits" rowKey="userId" columns={columns} query={limits} rows={limits.data?.items} />
      <LimitModal row={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function LimitModal({ row, onClose }: { row: Row | null; onClose: () => void }) {
  const t = useMessages(paymentsMessages);
  const { lang } = useI18n();
  const set = useSetLimit();
  const { message } = App.useApp();
  const submit = async (v: { limit: number }) => {
    await set.mutateAsync({ userId: row!.userId, limit: v.limit });
    void message.success(t('payments.limits.done', { name: row!.displayName, limit: v.limit.toLocaleString(lang) }));
  };
  return (
    <FormModal<{ limit: number }> open={row !== null} title={row ? t('payments.limits.modalTitle', { name: row.displayName }) : ''} okText={t('common.save')} onSubmit={submit} onClose={onClose} initialValues={{ limit: row?.limit ?? undefined }}>
      <Form.Item name="limit" label={t('payments.limits.limit')} rules={[{ required: true, message: t('payments.limits.limitRequired') }]} extra={t('payments.limits.limitHelp')}>
        <MoneyInput max={10_000_000_000} />
      </Form.Item>
    </FormModal>
  );
}
