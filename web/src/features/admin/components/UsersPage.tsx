import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Flex, Input, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { PageTitle } from '../../../components/PageTitle';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { isRoleCode, type RoleCode } from '../../../lib/session';
import { useOrganizations } from '../api/list-organizations';
import { useRoles } from '../api/list-roles';
import { useUsers, type User, type UserQuery } from '../api/list-users';
import { useUpdateUser } from '../api/update-user';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';

const isLocked = (u: User) => !!u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs());

/** 用户管理: accounts, their organisation and roles; disable, unlock, reset password. */
export default function UsersPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [query, setQuery] = useState<UserQuery>({});
  const users = useUsers(query);
  const orgs = useOrganizations();
  const roles = useRoles();
  const update = useUpdateUser();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  const roleName = (code: string) =>
    lang === 'en' && isRoleCode(code) ? t(`role.${code}`) : (roles.data?.find((r) => r.code === code)?.name ?? code);

  const unlock = (u: User) =>
    update.mutate(
      { id: u.id, body: { version: u.version, unlock: true } },
      {
        onSuccess: () => void message.success(t('user.unlocked', { name: u.displayName })),
        onError: (e) => void message.error(errorMessage(e)),
      },
    );

  const columns: DataColumn<User>[] = [
    { key: 'username', title: t('user.username'), dataIndex: 'username', width: 130 },
    { key: 'displayName', title: t('user.displayName'), dataIndex: 'displayName', width: 170 },
    { key: 'organizationName', title: t('user.organization'), dataIndex: 'organizationName', width: 220 },
    {
      key: 'roles',
      title: t('user.roles'),
      dataIndex: 'roles',
      render: (rs: string[]) => (
        <Flex gap={4} wrap>
          {rs.map((r) => (
            <Tag key={r} color="blue">
              {roleName(r)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      title: t('user.status'),
      key: 'status',
      width: 150,
      render: (_, u) =>
        u.disabled ? (
          <Badge status="default" text={t('user.statusDisabled')} />
        ) : isLocked(u) ? (
          <Badge status="error" text={t('user.statusLocked', { until: dayjs(u.lockedUntil).format('HH:mm') })} />
        ) : (
          <Badge status="success" text={t('user.statusActive')} />
        ),
    },
    { key: 'lastLoginAt', title: t('user.lastLogin'), dataIndex: 'lastLoginAt', width: 170, render: (v: string | null) => formatDateTime(v) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 210,
      render: (_, u) => (
        <Space size={4}>
          <Button type="link" size="small" onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Button type="link" size="small" onClick={() => setResetting(u)}>
            {t('user.resetPassword')}
          </Button>
          {isLocked(u) ? (
            <Button type="link" size="small" onClick={() => unlock(u)}>
              {t('user.unlock')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('nav.users')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="user-create">
            {t('user.create')}
          </Button>
        }
      />
      <Card>
        <DataTable<User>
          tableId="admin.users"
          rowKey="id"
          size="middle"
          columns={columns}
          query={users}
          rows={users.data}
          filters={
            <Flex gap={12} wrap role="search">
              <Input.Search
                aria-label={t('user.search')}
                placeholder={t('user.search')}
                allowClear
                onSearch={(v) => setQuery((q) => ({ ...q, q: v.trim() || undefined }))}
                style={{ width: 260 }}
              />
              <Select
                aria-label={t('user.organization')}
                placeholder={t('user.allOrganizations')}
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 260 }}
                value={query.organizationId}
                onChange={(v?: number) => setQuery((q) => ({ ...q, organizationId: v }))}
                options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              />
              <Select<RoleCode>
                aria-label={t('user.roles')}
                placeholder={t('user.allRoles')}
                allowClear
                style={{ width: 180 }}
                value={query.role}
                onChange={(v?: RoleCode) => setQuery((q) => ({ ...q, role: v }))}
                options={(roles.data ?? []).map((r) => ({ value: r.code, label: roleName(r.code) }))}
              />
            </Flex>
          }
          pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 1000 }}
          data-testid="users-table"
        />
      </Card>
      <UserFormModal open={editing !== null} user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
