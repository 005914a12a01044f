import { App, Button, Radio, Space, Tag } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { errorMessage } from '../../../lib/form-errors';
import { useProviders } from '../api/list-providers';
import { useSetProviderStatus } from '../api/set-provider-status';
import { useVoucherLabels } from '../constants';

type Status = 'pending' | 'approved' | 'suspended' | 'blacklisted';

/** Provider registrations: approve pending ones, suspend or blacklist (audited). */
export function ProvidersPanel({ canAct }: { canAct: boolean }) {
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const { categoryLabel, providerStatus } = useVoucherLabels();
  const providers = useProviders({ limit: 200, status });
  const set = useSetProviderStatus();
  const change = (id: number, to: 'approved' | 'suspended' | 'blacklisted') =>
    set.mutateAsync({ id, body: { status: to } }).then(
      () => void message.success(`已${to === 'approved' ? '审核通过' : `设为${providerStatus[to].label}`}`),
      (e: unknown) => void message.error(errorMessage(e)),
    );
  return (
    <>
      <DataTable
        tableId="vouchers.providers"
        query={providers}
        rows={providers.data?.items}
        rowKey="id"
        size="small"
        filters={
          <Radio.Group value={status ?? 'all'} onChange={(e) => setStatus(e.target.value === 'all' ? undefined : (e.target.value as Status))} optionType="button">
            <Radio.Button value="all">全部</Radio.Button>
            <Radio.Button value="pending">待审核</Radio.Button>
            <Radio.Button value="approved">已通过</Radio.Button>
            <Radio.Button value="suspended">已暂停</Radio.Button>
            <Radio.Button value="blacklisted">黑名单</Radio.Button>
          </Radio.Group>
        }
        pagination={{ pageSize: 15 }}
        columns={[
          { key: 'id', title: '编号', dataIndex: 'id', width: 70 },
          { key: 'name', title: '服务机构', dataIndex: 'name' },
          { key: 'districtName', title: '区县', dataIndex: 'districtName', width: 90 },
          { key: 'categories', title: '服务类别', dataIndex: 'categories', render: (cs: string[]) => cs.map(categoryLabel).join('、') },
          { key: 'status', title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <Tag color={providerStatus[s]?.color}>{providerStatus[s]?.label}</Tag> },
          {
            key: 'actions',
            title: '操作',
            width: 220,
            render: (_, p) =>
              canAct ? (
                <Space>
                  {p.status !== 'approved' ? (
                    <Button size="small" type="primary" onClick={() => void change(p.id, 'approved')}>
                      审核通过
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void change(p.id, 'suspended')}>
                      暂停
                    </Button>
                  )}
                  {p.status !== 'blacklisted' ? (
                    <Button size="small" danger onClick={() => void change(p.id, 'blacklisted')}>
                      列入黑名单
                    </Button>
                  ) : null}
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}
