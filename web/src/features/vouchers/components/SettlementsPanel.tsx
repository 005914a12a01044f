import { App, Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/form-errors';
import { useCreateSettlement } from '../api/create-settlement';
import { exportSettlement } from '../api/export-settlement';
import { usePolicies } from '../api/list-policies';
import { useProviders } from '../api/list-providers';
import { useSettlements } from '../api/list-settlements';
import { usePaySettlement } from '../api/pay-settlement';
import { renderMoney } from '../../../components/Money';
import { failedTable } from '../../../components/QueryState';

/** Settlement batches per provider: create from approved claims, export the payment list, record payment. */
export function SettlementsPanel({ canAct }: { canAct: boolean }) {
  const { message } = App.useApp();
  const policies = usePolicies();
  const providers = useProviders({ limit: 200, status: 'approved' });
  const list = useSettlements({ limit: 100 });
  const create = useCreateSettlement();
  const pay = usePaySettlement();
  const [policyId, setPolicyId] = useState<number | undefined>();
  const [providerId, setProviderId] = useState<number | undefined>();
  const fail = (e: unknown) => void message.error(errorMessage(e));
  return (
    <>
      {canAct ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select placeholder="政策" style={{ width: 280 }} value={policyId} onChange={setPolicyId} options={(policies.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder="服务机构" style={{ width: 280 }} value={providerId} onChange={setProviderId} options={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
          <Button type="primary" disabled={!policyId || !providerId} loading={create.isPending} onClick={() => create.mutateAsync({ policyId: policyId!, providerId: providerId! }).then((s) => void message.success(`已生成批次 ${s.id}：${s.claimCount} 笔，${s.total} 元`), fail)}>
            生成结算批次
          </Button>
        </Space>
      ) : null}
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        {...failedTable(list)}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 15 }}
        columns={[
          { title: '批次号', dataIndex: 'id', width: 80 },
          { title: '服务机构', dataIndex: 'providerName' },
          { title: '笔数', dataIndex: 'claimCount', width: 70 },
          { title: '金额', dataIndex: 'total', render: renderMoney },
          { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'paid' ? <Tag color="green">已付款</Tag> : <Tag color="gold">待付款</Tag>) },
          {
            title: '操作',
            width: 200,
            render: (_, s) => (
              <Space>
                <Button size="small" onClick={() => exportSettlement(s.id).catch(fail)}>
                  导出Excel
                </Button>
                {canAct && s.status === 'pending' ? (
                  <Button size="small" type="primary" onClick={() => pay.mutateAsync(s.id).then(() => void message.success('已登记付款'), fail)}>
                    登记付款
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
