import { App, Form, Input } from 'antd';
import { FormModal } from '../../../components/FormModal';
import { useT } from '../../../lib/i18n';
import { passwordRules } from '../../../lib/password-rule';
import type { User } from '../api/list-users';
import { useResetUserPassword } from '../api/reset-user-password';

/** Sets a new password for a user (who should change it after signing in). */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const reset = useResetUserPassword();

  const submit = async ({ password }: { password: string }) => {
    if (!user) {
      return;
    }
    await reset.mutateAsync({ id: user.id, password });
    void message.success(t('user.passwordReset', { name: user.displayName }));
  };

  return (
    <FormModal<{ password: string }>
      open={!!user}
      title={t('user.resetPasswordTitle', { name: user?.displayName ?? '' })}
      okText={t('user.resetPassword')}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item name="password" label={t('user.newPassword')} rules={passwordRules(t)} extra={t('pw.hint')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
