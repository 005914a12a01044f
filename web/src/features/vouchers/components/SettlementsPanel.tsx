import { Alert, App, Button, DatePicker, Form, Input, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { FormModal } from '../../../components/FormModal';
import { renderMoney } from '../../../components/Money';
import { businessDayjs } from '../../../lib/business-clock';
import { errorMessage } from '../../../lib/form-errors';
import { formatMoney } from '../../../lib/money';
import { useCreateSettlement } from '../api/create-settlement';
import { exportSettlement } from '../api/export-settlement';
import { useClaims } from '../api/list-claims';
import { usePolicies } from '../api/list-policies';
import { useProviders } from '../api/list-providers';
import { useSettlements, type ListSettlementsResult } from '../api/list-settlements';
import { usePaySettlement } from '../api/pay-settlement';

type Settlement = ListSettlementsResult['items'][number];

/** 登记付款: the bank's reference and the date the money left, after saying what the record does. */
function PayModal({ batch, onClose }: { batch: Settlement | null; onClose: () => void }) {
  const { message } = App.useApp();
  const pay = usePaySettlement();
  const submit = async (v: { paymentRef: string; paidOn: Dayjs }) => {
    await pay.mutateAsync({ id: batch!.id, body: { paymentRef: v.paymentRef.trim(), paidOn: v.paidOn.format('YYYY-MM-DD') } });
    void message.success(`批次 ${batch!.id} 已登记付款`);
  };
  return (
    <FormModal<{ paymentRef: string; paidOn: Dayjs }> title="登记付款" open={batch !== null} onClose={onClose} okText="确认登记付款" onSubmit={submit} initialValues={{ paidOn: businessDayjs() }}>
      {batch ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`登记后，批次 ${batch.id}（${batch.providerName}，${batch.claimCount} 笔，${formatMoney(batch.total)}）记为已付款，账上的应付款转为已付，不能撤销。请按银行回单填写。`}
        />
      ) : null}
      <Form.Item name="paymentRef" label="付款流水号" rules={[{ required: true, whitespace: true, message: '请填写银行回单上的付款流水号' }, { min: 4, message: '至少4位' }]}>
        <Input maxLength={64} placeholder="银行回单上的交易流水号" />
      </Form.Item>
      <Form.Item name="paidOn" label="付款日期" rules={[{ required: true, message: '请选择付款日期' }]}>
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
      title: '生成结算批次',
      content: `将把 ${providerName} 在此政策下已审核通过、尚未结算的 ${preview.more ? '至少 ' : ''}${preview.count} 笔兑付（合计 ${formatMoney(preview.total)}）生成一个待付款批次；生成后这些兑付不能再冲正。`,
      okText: '确认生成',
      onOk: () => create.mutateAsync({ policyId: policyId!, providerId: providerId! }).then((s) => void message.success(`已生成批次 ${s.id}：${s.claimCount} 笔，${formatMoney(s.total)}`), fail),
    });
  return (
    <>
      {canAct ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select aria-label="政策" placeholder="政策" style={{ width: 280 }} value={policyId} onChange={setPolicyId} options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          <Select aria-label="服务机构" showSearch={{ optionFilterProp: 'label' }} placeholder="服务机构" style={{ width: 280 }} value={providerId} onChange={setProviderId} options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          {policyId && providerId ? (
            <Typography.Text type="secondary" data-testid="batch-preview">
              {preview.loading ? '正在统计…' : `待结算 ${preview.more ? '至少 ' : ''}${preview.count} 笔，${formatMoney(preview.total)}`}
            </Typography.Text>
          ) : null}
          <Button type="primary" disabled={!policyId || !providerId || preview.count === 0} loading={create.isPending} onClick={confirmCreate}>
            生成结算批次
          </Button>
        </Space>
      ) : null}
      <DataTable<Settlement>
        tableId="vouchers.settlements"
        query={list}
        rows={list.data?.items}
        rowKey="id"
        size="small"
        pagination={{ pageSize: 15 }}
        columns={[
          { key: 'id', title: '批次号', dataIndex: 'id', width: 80 },
          { key: 'providerName', title: '服务机构', dataIndex: 'providerName' },
          { key: 'claimCount', title: '笔数', dataIndex: 'claimCount', width: 70 },
          { key: 'total', title: '金额', dataIndex: 'total', render: renderMoney },
          { key: 'status', title: '状态', dataIndex: 'status', render: (s: string) => (s === 'paid' ? <Tag color="green">已付款</Tag> : <Tag color="gold">待付款</Tag>) },
          { key: 'payment', title: '付款流水号 / 日期', render: (_, s) => (s.paymentRef ? `${s.paymentRef} / ${s.paidOn ?? '—'}` : '—') },
          {
            key: 'actions',
            title: '操作',
            width: 200,
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => exportSettlement(s.id).catch(fail)}>
                  导出Excel
                </Button>
                {canAct && s.status === 'pending' ? (
                  <Button size="small" type="primary" onClick={() => setPaying(s)}>
                    登记付款
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
