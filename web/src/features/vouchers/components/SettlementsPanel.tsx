import { Alert, App, Button, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { renderMoney } from '../../../components/Money';
import { StatusTag } from '../../../components/StatusTag';
import { businessDayjs } from '../../../lib/business-clock';
import { errorMessage } from '../../../lib/form-errors';
import { useI18n, useMessages, useT } from '../../../lib/i18n';
import { formatMoney } from '../../../lib/money';
import { useCreateSettlement } from '../api/create-settlement';
import { exportSettlement } from '../api/export-settlement';
import { useClaims } from '../api/list-claims';
import { usePolicies } from '../api/list-policies';
import { useProviders } from '../api/list-providers';
import { useSettlements, type ListSettlementsResult } from '../api/list-settlements';
import { usePaySettlement } from '../api/pay-settlement';
import { vouchersMessages } from '../messages';

type Settlement = ListSettlementsResult['items'][number];

/** 登记付款: the bank's reference and the date the money left, after saying what the record does. */
function PayModal({ batch, onClose }: { batch: Settlement | null; onClose: () => void }) {
  const t = useMessages(vouchersMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const pay = usePaySettlement();
  const submit = async (v: { paymentRef: string; paidOn: Dayjs }) => {
    await pay.mutateAsync({ id: batch!.id, body: { paymentRef: v.paymentRef.trim(), paidOn: v.paidOn.format('YYYY-MM-DD') } });
    void message.success(t('vouchers.settle.paid', { id: batch!.id }));
  };
  return (
    <FormModal<{ paymentRef: string; paidOn: Dayjs }> title={t('vouchers.settle.pay')} open={batch !== null} onClose={onClose} okText={t('vouchers.settle.payOk')} onSubmit={submit} initialValues={{ paidOn: businessDayjs() }}>
      {batch ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('vouchers.settle.payWarning', { id: batch.id, provider: batch.providerName, count: batch.claimCount, total: formatMoney(batch.total, 'yuan', lang) })}
        />
      ) : null}
      <Form.Item name="paymentRef" label={t('vouchers.settle.paymentRef')} rules={[{ required: true, whitespace: true, message: t('vouchers.settle.paymentRefRequired') }, { min: 4, message: t('vouchers.settle.paymentRefMin') }]}>
        <Input maxLength={64} placeholder={t('vouchers.settle.paymentRefPlaceholder')} />
      </Form.Item>
      <Form.Item name="paidOn" label={t('vouchers.settle.paidOn')} rules={[{ required: true, message: t('vouchers.settle.paidOnRequired') }]}>
        <DatePicker disabledDate={(d) => d.isAfter(businessDayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}

/** What a new batch will hold: the approved, unsettled claims of the provider under the policy. */
function useBatchPreview(policyId: number | undefined, providerId: number | undefined) {
  const claims = useClaims({ limit: 100, status: 'approved', providerId }, !!policyId && !!providerId);
  const items = (claims.data?.items ?? []).filter((c) => c.policyId === policyId && c.settlementId === null);
  return { loading: claims.isLoading, count: items.length, total: items.reduce((s, c) => s + c.amount, 0), more: !!claims.data?.nextCursor };
}

/** Settlement batches per provider: create from approved claims, export the payment list, record payment. */
export function SettlementsPanel({ canAct }: { canAct: boolean }) {
  const t = useMessages(vouchersMessages);
  const tc = useT();
  const { lang } = useI18n();
  const { message, modal } = App.useApp();
  const policies = usePolicies();
  const providers = useProviders({ limit: 200, status: 'approved' });
  const list = useSettlements({ limit: 100 });
  const create = useCreateSettlement();
  const [policyId, setPolicyId] = useState<number | undefined>();
  const [providerId, setProviderId] = useState<number | undefined>();
  const [paying, setPaying] = useState<Settlement | null>(null);
  const preview = useBatchPreview(policyId, providerId);
  const fail = (e: unknown) => void message.error(errorMessage(e));
  const providerName = providers.data?.items.find((p) => p.id === providerId)?.name ?? '';
  const confirmCreate = () =>
    modal.confirm({
      title: t('vouchers.settle.create'),
      content: t(preview.more ? 'vouchers.settle.createContentMore' : 'vouchers.settle.createContent', { provider: providerName, count: preview.count, total: formatMoney(preview.total, 'yuan', lang) }),
      okText: t('vouchers.settle.createOk'),
      onOk: () => create.mutateAsync({ policyId: policyId!, providerId: providerId! }).then((s) => void message.success(t('vouchers.settle.created', { id: s.id, count: s.claimCount, total: formatMoney(s.total, 'yuan', lang) })), fail),
    });
  return (
    <>
      <DataTable<Settlement>
        tableId="vouchers.settlements"
        query={list}
        rows={list.data?.items}
        rowKey="id"
        size="small"
        pagination={{ pageSize: 15 }}
        actions={
          canAct ? (
            <>
              <Select aria-label={t('vouchers.my.policy')} placeholder={t('vouchers.my.policy')} style={{ width: 280 }} value={policyId} onChange={setPolicyId} options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
              <Select aria-label={t('vouchers.provider')} showSearch={{ optionFilterProp: 'label' }} placeholder={t('vouchers.provider')} style={{ width: 280 }} value={providerId} onChange={setProviderId} options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
              {policyId && providerId ? (
                <Typography.Text type="secondary" data-testid="batch-preview">
                  {preview.loading ? t('vouchers.settle.counting') : t(preview.more ? 'vouchers.settle.previewMore' : 'vouchers.settle.preview', { count: preview.count, total: formatMoney(preview.total, 'yuan', lang) })}
                </Typography.Text>
              ) : null}
              <Button type="primary" disabled={!policyId || !providerId || preview.count === 0} loading={create.isPending} onClick={confirmCreate}>
                {t('vouchers.settle.create')}
              </Button>
            </>
          ) : null
        }
        columns={[
          { key: 'id', title: t('vouchers.settle.batchId'), dataIndex: 'id', width: 80 },
          { key: 'providerName', title: t('vouchers.provider'), dataIndex: 'providerName' },
          { key: 'claimCount', title: t('vouchers.settle.claimCount'), dataIndex: 'claimCount', width: 70 },
          { key: 'total', title: t('vouchers.amount'), dataIndex: 'total', render: renderMoney },
          { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', render: (name: string, s) => <StatusTag status={s.status} name={name} /> },
          { key: 'payment', title: t('vouchers.settle.payment'), render: (_, s) => (s.paymentRef ? `${s.paymentRef} / ${s.paidOn ?? '—'}` : '—') },
          {
            key: 'actions',
            title: t('vouchers.actions'),
            width: 200,
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => exportSettlement(s.id, t('vouchers.settle.exportFile', { id: s.id })).catch(fail)}>
                  {tc('common.exportExcel')}
                </Button>
                {canAct && s.status === 'pending' ? (
                  <Button size="small" type="primary" onClick={() => setPaying(s)}>
                    {t('vouchers.settle.pay')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <PayModal batch={paying} onClose={() => setPaying(null)} />
    </>
  );
}
