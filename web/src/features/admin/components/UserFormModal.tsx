import { Alert, App, Button, Form, Input, Modal, Select, Switch } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../../lib/api';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { passwordRules } from '../../../lib/password-rule';
import { isRoleCode, type RoleCode } from '../../../lib/session';
import { useCreateUser } from '../api/create-user';
import type { User } from '../api/list-users';
import { useOrganizations } from '../api/list-organizations';
import { useRoles } from '../api/list-roles';
import { useUpdateUser } from '../api/update-user';

interface Values {
  username: string;
  displayName: string;
  organizationId: number;
  roles: RoleCode[];
  password?: string;
  disabled: boolean;
}

const FIELDS = ['username', 'displayName', 'organizationId', 'roles', 'password', 'disabled'] as const;

/** Create (with an initial password) or edit a user; `user` null means create. */
export function UserFormModal({ open, user, onClose }: { open: boolean; user: User | null; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const orgs = useOrganizations();
  const roles = useRoles();
  const create = useCreateUser();
  const update = useUpdateUser();
  const orgId = Form.useWatch('organizationId', form);
  const orgKind = orgs.data?.find((o) => o.id === orgId)?.kind;

  useEffect(() => {
    if (open) {
      form.resetFields();
      if (user) {
        form.setFieldsValue({
          username: user.username,
          displayName: user.displayName,
          organizationId: user.organizationId,
          roles: user.roles.filter(isRoleCode),
          disabled: user.disabled,
        });
      }
    }
  }, [open, user, form]);

  const onError = (err: Error) => {
    if (err instanceof ApiError && err.code === 'username_exists') {
      form.setFields([{ name: 'username', errors: [err.message] }]);
      return;
    }
    if (err instanceof ApiError && err.code === 'version_conflict') {
      void message.warning(t('common.versionConflict'));
      onClose();
      return;
    }
    applyFieldErrors(form, err, FIELDS);
  };

  const onFinish = (v: Values) => {
    const done = () => {
      void message.success(t('common.saved'));
      onClose();
    };
    if (user) {
      update.mutate(
        {
          id: user.id,
          body: { version: user.version, displayName: v.displayName, organizationId: v.organizationId, roles: v.roles, disabled: v.disabled },
        },
        { onSuccess: done, onError },
      );
    } else {
      create.mutate(
        { username: v.username, displayName: v.displayName, organizationId: v.organizationId, roles: v.roles, password: v.password ?? '' },
        { onSuccess: done, onError },
      );
    }
  };

  const pending = create.isPending || update.isPending;
  const err = user ? update.error : create.error;
  const banner = err && !(err instanceof ApiError && (err.fields.length > 0 || err.code === 'username_exists')) ? errorMessage(err) : null;

  return (
    <Modal
      open={open}
      title={user ? t('user.editTitle', { name: user.displayName }) : t('user.createTitle')}
      onCancel={onClose}
      afterClose={() => {
        create.reset();
        update.reset();
      }}
      forceRender
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={pending} onClick={() => form.submit()} data-testid="user-form-submit">
            {t('common.save')}
          </Button>
        </>
      }
    >
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ disabled: false, roles: [] }}>
        <Form.Item name="username" label={t('user.username')} rules={[{ required: true, message: t('user.usernameRequired') }]} extra={user ? undefined : t('user.usernameHint')}>
          <Input disabled={!!user} autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, message: t('user.displayNameRequired') }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="organizationId" label={t('user.organization')} rules={[{ required: true, message: t('user.organizationRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={orgs.isLoading}
            options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
        <Form.Item name="roles" label={t('user.roles')} rules={[{ required: true, message: t('user.rolesRequired') }]} extra={t('user.rolesHint')}>
          <Select
            mode="multiple"
            loading={roles.isLoading}
            options={(roles.data ?? []).map((r) => ({
              value: r.code,
              label: lang === 'en' && isRoleCode(r.code) ? t(`role.${r.code}`) : r.name,
              disabled: !!orgKind && !r.organizationKinds.includes(orgKind),
            }))}
          />
        </Form.Item>
        {user ? (
          <Form.Item name="disabled" label={t('user.disabled')} valuePropName="checked" extra={t('user.disabledHint')}>
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item name="password" label={t('user.initialPassword')} rules={passwordRules(t)} extra={t('pw.hint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
