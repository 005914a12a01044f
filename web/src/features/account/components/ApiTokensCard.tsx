import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Popconfirm, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useT } from '../../../lib/i18n';
import { useTokens, type ApiToken } from '../api/list-tokens';
import { useRevokeToken } from '../api/revoke-token';
import { CreateTokenModal } from './CreateTokenModal';

type Status = 'active' | 'revoked' | 'expired';

function statusOf(tk: ApiToken): Status {
  if (tk.revokedAt) {
    return 'revoked';
  }
  return tk.expiresAt && dayjs(tk.expiresAt).isBefore(dayjs()) ? 'expired' : 'active';
}

/** API tokens for machine clients (Authorization: Bearer …); revocable at any time. */
export function ApiTokensCard() {
  const t = useT();
  const { message } = App.useApp();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);

  const columns: DataColumn<ApiToken>[] = [
    { key: 'name', title: t('token.name'), dataIndex: 'name' },
    { key: 'prefix', title: t('token.prefix'), dataIndex: 'prefix', width: 120, render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
    { key: 'createdAt', title: t('token.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    { key: 'lastUsedAt', title: t('token.lastUsedAt'), dataIndex: 'lastUsedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
    { key: 'expiresAt', title: t('token.expiresAt'), dataIndex: 'expiresAt', width: 170, render: (v: string | null) => (v ? formatDateTime(v) : t('token.never')) },
    {
      title: t('user.status'),
      key: 'status',
      width: 100,
      render: (_, tk) => {
        const s = statusOf(tk);
        return <Badge status={s === 'active' ? 'success' : 'default'} text={t(`token.status.${s}`)} />;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, tk) =>
        statusOf(tk) === 'active' ? (
          <Popconfirm
            title={t('token.revokeConfirm', { name: tk.name })}
            okText={t('token.revoke')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              revoke.mutateAsync(tk.id).then(
                () => void message.success(t('token.revoked')),
                (e: unknown) => void message.error(errorMessage(e)),
              )
            }
          >
            <Button type="link" size="small" danger>
              {t('token.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Card
      title={t('account.apiTokens')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('token.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('token.intro')}</Typography.Paragraph>
      <DataTable<ApiToken> tableId="account.tokens" rowKey="id" columns={columns} query={tokens} rows={tokens.data} scroll={{ x: 900 }} />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
