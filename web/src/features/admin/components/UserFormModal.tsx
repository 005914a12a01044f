import { App, Form, Input, Select, Switch, type ButtonProps } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { ApiError } from '../../../lib/api';
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

  const submit = async (v: Values) => {
    try {
      if (user) {
        await update.mutateAsync({
          id: user.id,
          body: { version: user.version, displayName: v.displayName, organizationId: v.organizationId, roles: v.roles, disabled: v.disabled },
        });
      } else {
        await create.mutateAsync({ username: v.username, displayName: v.displayName, organizationId: v.organizationId, roles: v.roles, password: v.password ?? '' });
      }
      void message.success(t('common.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'version_conflict') {
        // someone else saved first: say so and close (the list shows their version)
        void message.warning(t('common.versionConflict'));
        return;
      }
      throw err;
    }
  };

  const initialValues: Partial<Values> = user
    ? { username: user.username, displayName: user.displayName, organizationId: user.organizationId, roles: user.roles.filter(isRoleCode), disabled: user.disabled }
    : { disabled: false, roles: [] };

  return (
    <FormModal<Values>
      open={open}
      form={form}
      title={user ? t('user.editTitle', { name: user.displayName }) : t('user.createTitle')}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'user-form-submit' } as ButtonProps}
      onSubmit={submit}
      onClose={onClose}
      initialValues={initialValues}
    >
      <Form.Item name="username" label={t('user.username')} rules={[{ required: true, message: t('user.usernameRequired') }]} extra={user ? undefined : t('user.usernameHint')}>
        <Input disabled={!!user} autoComplete="off" maxLength={32} />
      </Form.Item>
      <Form.Item name="displayName" label={t('user.displayName')} rules={[{ required: true, message: t('user.displayNameRequired') }]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="organizationId" label={t('user.organization')} rules={[{ required: true, message: t('user.organizationRequired') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} loading={orgs.isLoading} options={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
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
    </FormModal>
  );
}
