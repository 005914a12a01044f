import { App, Button, Radio, Space } from 'antd';
import { useState } from 'react';
import { DataTable } from '../../../components/DataTable';
import { StatusTag } from '../../../components/StatusTag';
import { errorMessage } from '../../../lib/form-errors';
import { useProviders, type ListProvidersResult } from '../api/list-providers';
import { useSetProviderStatus } from '../api/set-provider-status';
import { useMessages } from '../../../lib/i18n';
import { vouchersMessages } from '../messages';

type Status = 'pending' | 'approved' | 'suspended' | 'blacklisted';
type Provider = ListProvidersResult['items'][number];

/** Provider registrations: approve pending ones, suspend or blacklist (audited). */
export function ProvidersPanel({ canAct }: { canAct: boolean }) {
  const t = useMessages(vouchersMessages);
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status | undefined>(undefined);
  const providers = useProviders({ limit: 200, status });
  const set = useSetProviderStatus();
  const change = (id: number, to: 'approved' | 'suspended' | 'blacklisted') =>
    set.mutateAsync({ id, body: { status: to } }).then(
      () => void message.success(to === 'approved' ? t('vouchers.providers.approved') : t('vouchers.providers.setTo', { status: t(`vouchers.providerStatus.${to}`) })),
      (e: unknown) => void message.error(errorMessage(e)),
    );
  return (
    <>
      <DataTable<Provider>
        tableId="vouchers.providers"
        query={providers}
        rows={providers.data?.items}
        rowKey="id"
        size="small"
        filters={
          <Radio.Group value={status ?? 'all'} onChange={(e) => setStatus(e.target.value === 'all' ? undefined : (e.target.value as Status))} optionType="button">
            <Radio.Button value="all">{t('vouchers.all')}</Radio.Button>
            <Radio.Button value="pending">{t('vouchers.providerStatus.pending')}</Radio.Button>
            <Radio.Button value="approved">{t('vouchers.providerStatus.approved')}</Radio.Button>
            <Radio.Button value="suspended">{t('vouchers.providerStatus.suspended')}</Radio.Button>
            <Radio.Button value="blacklisted">{t('vouchers.providerStatus.blacklisted')}</Radio.Button>
          </Radio.Group>
        }
        pagination={{ pageSize: 15 }}
        columns={[
          { key: 'id', title: t('vouchers.id'), dataIndex: 'id', width: 70 },
          { key: 'name', title: t('vouchers.provider'), dataIndex: 'name' },
          { key: 'districtName', title: t('vouchers.district'), dataIndex: 'districtName', width: 90 },
          { key: 'categories', title: t('vouchers.category'), dataIndex: 'categoryNames', render: (names: string[]) => names.join('、') },
          { key: 'status', title: t('vouchers.status'), dataIndex: 'statusName', width: 90, render: (name: string, p) => <StatusTag status={p.status} name={name} /> },
          {
            key: 'actions',
            title: t('vouchers.actions'),
            width: 220,
            render: (_, p) =>
              canAct ? (
                <Space>
                  {p.status !== 'approved' ? (
                    <Button size="small" type="primary" onClick={() => void change(p.id, 'approved')}>
                      {t('vouchers.providers.approve')}
                    </Button>
                  ) : (
                    <Button size="small" onClick={() => void change(p.id, 'suspended')}>
                      {t('vouchers.providers.suspend')}
                    </Button>
                  )}
                  {p.status !== 'blacklisted' ? (
                    <Button size="small" danger onClick={() => void change(p.id, 'blacklisted')}>
                      {t('vouchers.providers.blacklist')}
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
